package org.example.inquiry.classifier.learning;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.CurrentClassifier;
import org.example.inquiry.classifier.training.Engine;
import org.example.inquiry.classifier.training.FinanceCorpus;
import org.example.inquiry.platform.kafka.BackgroundConsumers;
import org.example.inquiry.platform.kafka.InvalidEventException;
import org.example.inquiry.schemas.ClassifierRetrained;
import org.example.inquiry.schemas.HistoryOffset;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this instance on the promoted model. At start-up, before the listener consumes (earlier
 * lifecycle phase), a listener container reads every decision on {@code classifier-models} and the
 * latest promoted model is loaded from the model cache (a restart takes about a second) or rebuilt
 * from the corpus and the history up to the recorded offsets; then the container follows the topic
 * and does the same for each new promotion. A promotion it cannot reproduce exactly (another
 * corpus, history compacted away) is refused with an error and the model in use stays. A decision
 * that cannot be decoded or is not a {@code ClassifierRetrained} goes to the dead-letter topic.
 */
class PromotedModelWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PromotedModelWatcher.class);

  /** Before the listener containers (Integer.MAX_VALUE - 100) start consuming. */
  static final int PHASE = Integer.MAX_VALUE - 200;

  /** The watcher's consumer, as readiness and {@code inquiry_consumer_running} name it. */
  static final String WATCHER = "classifier-model-watcher";

  private final KafkaLogs logs;
  private final HistoryReader history;
  private final TrainingCorpus corpus;
  private final Engine engine;
  private final CurrentClassifier current;
  private final Duration startupTimeout;
  private final BackgroundConsumers background;
  private volatile KafkaLogs.Reading reading;
  private volatile boolean running;
  private boolean caughtUp; // guarded by this
  private ClassifierRetrained latestWhileCatchingUp; // guarded by this

  PromotedModelWatcher(
      KafkaLogs logs,
      HistoryReader history,
      TrainingCorpus corpus,
      Engine engine,
      CurrentClassifier current,
      Duration startupTimeout,
      BackgroundConsumers background) {
    this.logs = logs;
    this.history = history;
    this.corpus = corpus;
    this.engine = engine;
    this.current = current;
    this.startupTimeout = startupTimeout;
    this.background = background;
  }

  @Override
  public void start() {
    running = true;
    try {
      reading =
          logs.read(Topics.CLASSIFIER_MODELS.name(), WATCHER, startupTimeout, this::onDecision);
      // It follows the topic for the service's life: readiness and the gauge watch it.
      background.watch(WATCHER, reading.container());
      if (!reading.awaitStartEnds(startupTimeout)) {
        log.error(
            "Could not catch up on {} within {}; using model {} until a promotion arrives",
            Topics.CLASSIFIER_MODELS.name(),
            startupTimeout,
            current.get().modelVersion().orElse("none"));
      }
    } catch (RuntimeException e) {
      log.error(
          "Could not read {} at start-up; using model {}",
          Topics.CLASSIFIER_MODELS.name(),
          current.get().modelVersion().orElse("none"),
          e);
    }
    ClassifierRetrained latest;
    synchronized (this) {
      caughtUp = true;
      latest = latestWhileCatchingUp;
      latestWhileCatchingUp = null;
    }
    if (latest != null) {
      apply(latest);
    }
  }

  /**
   * One decision from the topic: while catching up only the latest promotion counts (rebuilding
   * every earlier one would be wasted); afterwards each promotion is applied as it arrives.
   */
  private void onDecision(ConsumerRecord<String, Object> record) {
    if (record.value() == null) {
      return;
    }
    if (!(record.value() instanceof ClassifierRetrained decision)) {
      throw new InvalidEventException(
          "not a ClassifierRetrained: " + record.value().getClass().getSimpleName());
    }
    if (decision.getModelVersion() == null || decision.getModelVersion().isBlank()) {
      throw new InvalidEventException(
          "decision " + decision.getEventId() + " has no model version");
    }
    if (!decision.getPromoted()) {
      return;
    }
    synchronized (this) {
      if (!caughtUp) {
        latestWhileCatchingUp = decision;
        return;
      }
    }
    apply(decision);
  }

  /** Rebuilds and uses the promoted model, unless it is already in use or cannot be reproduced. */
  void apply(ClassifierRetrained promoted) {
    String version = promoted.getModelVersion();
    if (current.get().modelVersion().filter(version::equals).isPresent()) {
      return;
    }
    FinanceCorpus finance = corpus.corpus().orElse(null);
    if (finance == null || !finance.sha256().equals(promoted.getCorpusSha256())) {
      log.error(
          "Promoted model {} was trained on corpus {}, this instance has {}: keeping model {}",
          version,
          promoted.getCorpusSha256(),
          finance == null ? "none" : finance.sha256(),
          current.get().modelVersion().orElse("none"));
      return;
    }
    long loadStart = System.nanoTime();
    Optional<Classifier.Model> cached = engine.load(version);
    if (cached.isPresent()) {
      current.use(engine.serving(cached.get()));
      log.info(
          "Using promoted model {} (decision {}), loaded from the model cache in {} ms",
          version,
          promoted.getEventId(),
          (System.nanoTime() - loadStart) / 1_000_000);
      return;
    }
    Map<Integer, Long> offsets = new HashMap<>();
    for (HistoryOffset o : promoted.getHistoryOffsets()) {
      offsets.put(o.getPartition(), o.getEndOffset());
    }
    long start = System.nanoTime();
    HistoryReader.Snapshot snapshot = history.readUpTo(offsets);
    ModelTraining.Candidate rebuilt =
        ModelTraining.train(
            finance, snapshot.examples(), engine.options(), engine.trainingEncoder());
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
    engine.save(rebuilt.model());
    current.use(engine.serving(rebuilt.model()));
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
    KafkaLogs.Reading r = reading;
    reading = null;
    if (r != null) {
      r.close();
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
}
