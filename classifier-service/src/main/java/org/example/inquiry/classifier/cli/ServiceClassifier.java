package org.example.inquiry.classifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.config.ClassifierConfig;
import org.example.inquiry.classifier.config.ClassifierProperties;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CorpusFiles;
import org.example.inquiry.classifier.training.EmbeddingCaches;
import org.example.inquiry.classifier.training.FinanceCorpus;

/** The classifier the service runs in its default configuration, for the offline commands. */
final class ServiceClassifier {

  private ServiceClassifier() {}

  static ClassifierProperties properties(Path modelCache, Double triageThreshold) {
    Path cache = modelCache == null ? EmbeddingCaches.defaultDir() : modelCache;
    ClassifierProperties defaults = ClassifierProperties.defaults(cache.toString());
    if (triageThreshold == null) {
      return defaults;
    }
    return new ClassifierProperties(
        triageThreshold,
        defaults.secondaryThreshold(),
        defaults.corpus(),
        defaults.writtenCorpus(),
        defaults.embeddings(),
        defaults.encoder(),
        defaults.modelCacheDir(),
        defaults.urgencyOverride(),
        defaults.largeAmountThreshold(),
        defaults.replaceDefaultRules(),
        defaults.rules(),
        defaults.retrain());
  }

  static Classifier create(Path modelCache, PrintWriter err) {
    return create(properties(modelCache, null), err);
  }

  static Classifier create(ClassifierProperties properties, PrintWriter err) {
    return create(properties, TrainingOptions.defaults(), err);
  }

  /** The service's classifier with its model trained with {@code options} (defaults: as served). */
  static Classifier create(
      ClassifierProperties properties, TrainingOptions options, PrintWriter err) {
    FinanceCorpus corpus = CorpusFiles.loadDefault();
    long start = System.nanoTime();
    Classifier classifier =
        ClassifierConfig.classifier(
            properties, corpus, ClassifierConfig.engineFor(properties).withOptions(options));
    err.printf(
        "model %s ready in %d ms%n",
        classifier.modelVersion().orElse("none"), (System.nanoTime() - start) / 1_000_000);
    err.flush();
    return classifier;
  }
}
