package org.example.inquiry.classifier.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.CurrentClassifier;
import org.example.inquiry.classifier.classification.KeywordRules;
import org.example.inquiry.classifier.learning.TrainingCorpus;
import org.example.inquiry.classifier.model.OnnxSentenceEncoder;
import org.example.inquiry.classifier.model.RecentEncoder;
import org.example.inquiry.classifier.training.CorpusFiles;
import org.example.inquiry.classifier.training.Engine;
import org.example.inquiry.classifier.training.FinanceCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Builds the {@link Classifier}: the configured rules, and the default model for the corpus, loaded
 * from the artifact built at package time or the model cache when its version (engine, corpus hash)
 * is there, trained otherwise (deterministic, so every instance has the same model and version).
 * The learning loop replaces the model with the promoted one, if any.
 */
@Configuration(proxyBeanMethods = false)
public class ClassifierConfig {

  private static final Logger log = LoggerFactory.getLogger(ClassifierConfig.class);

  @Bean
  TrainingCorpus trainingCorpus(ClassifierProperties properties) {
    FinanceCorpus corpus =
        CorpusFiles.load(
            new PathMatchingResourcePatternResolver(),
            properties.corpus(),
            properties.writtenCorpus());
    return new TrainingCorpus(corpus, properties.corpus() + " and " + properties.writtenCorpus());
  }

  @Bean
  Engine engine(ClassifierProperties properties) {
    return engineFor(properties);
  }

  /** The engine the properties ask for: with or without embeddings, with the model cache. */
  public static Engine engineFor(ClassifierProperties properties) {
    Path cache =
        properties.modelCacheDir() == null || properties.modelCacheDir().isBlank()
            ? null
            : Path.of(properties.modelCacheDir());
    return Engine.of(
        properties.embeddings()
            ? new OnnxSentenceEncoder(OnnxSentenceEncoder.Model.named(properties.encoder()))
            : null,
        cache);
  }

  /**
   * {@code classifier.embeddings}: texts the served models embedded ({@code source=computed}) and
   * texts one of them had embedded a moment before ({@code source=remembered}). Embedding is most
   * of the classifier's CPU; against the inquiries classified, this shows how many the cascade
   * sends past the TF-IDF model.
   */
  @Bean
  MeterBinder classifierEmbeddings(Engine engine) {
    return registry -> {
      RecentEncoder encoder = engine.servingEncoder();
      if (encoder == null) {
        return;
      }
      FunctionCounter.builder("classifier.embeddings", encoder, RecentEncoder::computed)
          .description("Texts embedded by the sentence encoder")
          .tag("source", "computed")
          .register(registry);
      FunctionCounter.builder("classifier.embeddings", encoder, RecentEncoder::remembered)
          .description("Texts whose embedding was taken from the recent ones")
          .tag("source", "remembered")
          .register(registry);
    };
  }

  /** Starts with the default model; the promoted one replaces it before the listener starts. */
  @Bean
  CurrentClassifier currentClassifier(
      ClassifierProperties properties, TrainingCorpus corpus, Engine engine) {
    return new CurrentClassifier(classifier(properties, corpus.corpus().orElse(null), engine));
  }

  /**
   * The classifier the service runs with these properties: rules, the default model of the corpus
   * (none without a corpus), thresholds. The offline {@code classify} command uses it too.
   */
  public static Classifier classifier(
      ClassifierProperties properties, FinanceCorpus corpus, Engine engine) {
    KeywordRules rules = new KeywordRules(rules(properties), properties.largeAmountThreshold());
    Classifier.Model model = null;
    if (corpus == null) {
      log.warn("No training corpus: classifying by rules alone");
    } else {
      model = engine.defaultModel(corpus, log::info);
    }
    return new Classifier(
        rules,
        model,
        properties.triageThreshold(),
        properties.secondaryThreshold(),
        properties.urgencyOverride());
  }

  static List<KeywordRules.Rule> rules(ClassifierProperties properties) {
    Map<String, KeywordRules.Rule> byId = new LinkedHashMap<>();
    if (!properties.replaceDefaultRules()) {
      KeywordRules.defaultRules().forEach(r -> byId.put(r.id(), r));
    }
    properties.rules().forEach(r -> byId.put(r.id(), r));
    return new ArrayList<>(byId.values());
  }
}
