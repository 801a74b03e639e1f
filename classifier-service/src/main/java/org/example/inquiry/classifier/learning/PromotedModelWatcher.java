package org.example.inquiry.classifier.learning;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.CurrentClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CorpusTraining;
import org.example.inquiry.schemas.ClassifierRetrained;
import org.example.inquiry.schemas.HistoryOffset;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this instance on the promoted model. At start-up, before the listener consumes (earlier
 * lifecycle phase), it reads every decision on {@code classifier-models} and rebuilds the latest
 * promoted model from the corpus and the history up to the recorded offsets; then it follows the
 * topic and does the same for each new promotion. A promotion it cannot reproduce exactly (another
 * corpus, history compacted away) is refused with an error and the model in use stays.
 */
class PromotedModelWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PromotedModelWatcher.class);

  /** Before the listener containers (Integer.MAX_VALUE - 100) start consuming. */
  static final int PHASE = Integer.MAX_VALUE - 200;

  private final KafkaLogs logs;
  private final HistoryReader history;
  private final TrainingCorpus corpus;
  private final CurrentClassifier current;
  private final Duration startupTimeout;
  private volatile Thread thread;
  private volatile KafkaConsumer<String, ClassifierRetrained> consumer;
  private volatile boolean running;

  PromotedModelWatcher(
      KafkaLogs logs,
      HistoryReader history,
      TrainingCorpus corpus,
      CurrentClassifier current,
      Duration startupTimeout) {
    this.logs = logs;
    this.history = history;
    this.corpus = corpus;
    this.current = current;
    this.startupTimeout = startupTimeout;
  }

  @Override
  public void start() {
    running = true;
    ClassifierRetrained latest = null;
    try {
      consumer = logs.openAtBeginning(Topics.CLASSIFIER_MODELS.name(), startupTimeout);
      Map<Integer, Long> ends = new HashMap<>();
      consumer
          .endOffsets(consumer.assignment(), startupTimeout)
          .forEach((tp, offset) -> ends.put(tp.partition(), offset));
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      while (consumer.assignment().stream()
          .anyMatch(tp -> consumer.position(tp) < ends.get(tp.partition()))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("decisions not read within " + startupTimeout);
        }
        latest = latestPromoted(consumer, latest);
      }
      if (latest != null) {
        apply(latest);
      }
    } catch (RuntimeException e) {
      log.error(
          "Could not catch up on {} at start-up; using model {} until it can",
          Topics.CLASSIFIER_MODELS.name(),
          current.get().modelVersion().orElse("none"),
          e);
      closeConsumer(); // the follower starts over from the beginning
    }
    thread = new Thread(this::follow, "classifier-model-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    while (running) {
      try {
        if (consumer == null) {
          consumer = logs.openAtBeginning(Topics.CLASSIFIER_MODELS.name(), startupTimeout);
        }
        ClassifierRetrained latest = latestPromoted(consumer, null);
        if (latest != null) {
          apply(latest);
        }
      } catch (WakeupException e) {
        break;
      } catch (RuntimeException e) {
        log.error("Following {} failed; retrying", Topics.CLASSIFIER_MODELS.name(), e);
        closeConsumer();
        sleep(Duration.ofSeconds(5));
      }
    }
    closeConsumer();
  }

  private static ClassifierRetrained latestPromoted(
      KafkaConsumer<String, ClassifierRetrained> consumer, ClassifierRetrained latest) {
    for (ConsumerRecord<String, ClassifierRetrained> r : consumer.poll(Duration.ofMillis(500))) {
      if (r.value() != null && r.value().getPromoted()) {
        latest = r.value();
      }
    }
    return latest;
  }

  /** Rebuilds and uses the promoted model, unless it is already in use or cannot be reproduced. */
  void apply(ClassifierRetrained promoted) {
    String version = promoted.getModelVersion();
    if (current.get().modelVersion().filter(version::equals).isPresent()) {
      return;
    }
    byte[] csv = corpus.bytes().orElse(null);
    if (csv == null || !CorpusTraining.sha256(csv).equals(promoted.getCorpusSha256())) {
      log.error(
          "Promoted model {} was trained on corpus {}, this instance has {}: keeping model {}",
          version,
          promoted.getCorpusSha256(),
          csv == null ? "none" : CorpusTraining.sha256(csv),
          current.get().modelVersion().orElse("none"));
      return;
    }
    Map<Integer, Long> offsets = new HashMap<>();
    for (HistoryOffset o : promoted.getHistoryOffsets()) {
      offsets.put(o.getPartition(), o.getEndOffset());
    }
    long start = System.nanoTime();
    HistoryReader.Snapshot snapshot = history.readUpTo(offsets);
    ModelTraining.Candidate rebuilt =
        ModelTraining.train(csv, snapshot.examples(), TrainingOptions.defaults());
    if (!rebuilt.version().equals(version)) {
      log.error(
          "Cannot reproduce promoted model {}: the history up to {} now gives {} ({} examples, {}"
              + " recorded; compacted since?); keeping model {}. Retrain to promote a new one.",
          version,
          offsets,
          rebuilt.version(),
          snapshot.examples().size(),
          promoted.getHistoryExamples(),
          current.get().modelVersion().orElse("none"));
      return;
    }
    current.use(new Classifier.Model(rebuilt.classifier(), rebuilt.version()));
    log.info(
        "Using promoted model {} (decision {}), rebuilt from {} history examples in {} ms",
        version,
        promoted.getEventId(),
        snapshot.examples().size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, ClassifierRetrained> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t = thread;
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void closeConsumer() {
    KafkaConsumer<String, ClassifierRetrained> c = consumer;
    consumer = null;
    if (c != null) {
      try {
        c.close(Duration.ofSeconds(2));
      } catch (RuntimeException e) {
        log.debug("Closing the model watcher's consumer failed", e);
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
