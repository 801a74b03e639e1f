package org.example.inquiry.classifier.learning;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.CurrentClassifier;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.training.Engine;
import org.example.inquiry.classifier.training.FinanceCorpus;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.schemas.ClassifierRetrained;
import org.example.inquiry.schemas.HistoryOffset;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retraining: read the labelled history, train a candidate, score it and the model in use on
 * the same held-back set, record the decision on {@code classifier-models}, and use the candidate
 * here at once when promoted (the other instances rebuild it from the decision). One retraining at
 * a time per instance.
 */
class Retraining {

  private static final Logger log = LoggerFactory.getLogger(Retraining.class);

  /** Retraining is not possible with what there is (no corpus, nothing to train or score on). */
  static final class CannotRetrain extends RuntimeException {
    CannotRetrain(String message) {
      super(message);
    }
  }

  private final HistoryReader history;
  private final TrainingCorpus corpus;
  private final Engine engine;
  private final CurrentClassifier current;
  private final EventPublisher publisher;
  private final double tolerance;
  private final Clock clock;

  Retraining(
      HistoryReader history,
      TrainingCorpus corpus,
      Engine engine,
      CurrentClassifier current,
      EventPublisher publisher,
      double tolerance,
      Clock clock) {
    this.history = history;
    this.corpus = corpus;
    this.engine = engine;
    this.current = current;
    this.publisher = publisher;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /** Retrains, records and applies the decision; returns the decision as recorded. */
  synchronized ClassifierRetrained retrain(String requestedBy) {
    FinanceCorpus finance =
        corpus
            .corpus()
            .orElseThrow(() -> new CannotRetrain("no training corpus at " + corpus.location()));
    long start = System.nanoTime();
    HistoryReader.Snapshot snapshot = history.readAll();
    ModelTraining.Candidate candidate;
    try {
      candidate =
          ModelTraining.train(
              finance, snapshot.examples(), engine.options(), engine.trainingEncoder());
    } catch (IllegalStateException e) {
      throw new CannotRetrain(e.getMessage());
    }
    if (candidate.data().heldBack().isEmpty()) {
      throw new CannotRetrain("no held-back examples to evaluate the candidate on");
    }
    Classifier inUse = current.get();
    Evaluation candidateFigures =
        ModelTraining.evaluate(candidate.classifier(), candidate.data().heldBack());
    Evaluation currentFigures =
        inUse
            .model()
            // through the training encoder, as the candidate: the same embeddings for both, and
            // the serving encoder's memo and counters are left to the listeners
            .map(
                m ->
                    ModelTraining.evaluate(
                        m.classifier().withEncoder(engine.trainingEncoder()),
                        candidate.data().heldBack()))
            .orElse(null);
    String currentVersion = inUse.modelVersion().orElse(null);
    ModelTraining.Decision decision =
        ModelTraining.decide(
            candidate.version(), candidateFigures, currentVersion, currentFigures, tolerance);
    ClassifierRetrained event =
        ClassifierRetrained.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(clock.instant())
            .setModelVersion(candidate.version())
            .setPromoted(decision.promote())
            .setReason(decision.reason())
            .setPreviousVersion(currentVersion)
            .setCorpusSha256(finance.sha256())
            .setHistoryExamples(snapshot.examples().size())
            .setHistoryTrainExamples(candidate.data().historyTrain())
            .setHistoryOffsets(
                snapshot.endOffsets().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new HistoryOffset(e.getKey(), e.getValue()))
                    .toList())
            .setHistoryDigest(candidate.data().historyDigest())
            .setHeldBackExamples(candidate.data().heldBack().size())
            .setCandidateAccuracy(candidateFigures.accuracy())
            .setCandidateMacroF1(candidateFigures.macroF1())
            .setCurrentAccuracy(currentFigures == null ? null : currentFigures.accuracy())
            .setCurrentMacroF1(currentFigures == null ? null : currentFigures.macroF1())
            .setTolerance(tolerance)
            .setRequestedBy(requestedBy)
            .build();
    publisher.publish(Topics.CLASSIFIER_MODELS.name(), event.getEventId(), event);
    if (decision.promote()) {
      engine.save(candidate.model()); // a restart loads it instead of rebuilding it
      current.use(engine.serving(candidate.model()));
    }
    log.info(
        "Retraining for {}: candidate {} {} ({} history examples, {} trained on, {} held back"
            + " in all) in {} ms: {}",
        requestedBy,
        candidate.version(),
        decision.promote() ? "PROMOTED" : "rejected",
        snapshot.examples().size(),
        candidate.data().historyTrain(),
        candidate.data().heldBack().size(),
        (System.nanoTime() - start) / 1_000_000,
        decision.reason());
    return event;
  }
}
