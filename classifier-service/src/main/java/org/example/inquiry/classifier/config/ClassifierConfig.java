package org.example.inquiry.classifier.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.CurrentClassifier;
import org.example.inquiry.classifier.classification.KeywordRules;
import org.example.inquiry.classifier.learning.TrainingCorpus;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CorpusTraining;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds the {@link Classifier}: the configured rules, and the default model trained at start-up
 * from the corpus's train split (a few seconds; deterministic, so every instance has the same model
 * and version). The learning loop replaces the model with the promoted one, if any.
 */
@Configuration(proxyBeanMethods = false)
class ClassifierConfig {

  private static final Logger log = LoggerFactory.getLogger(ClassifierConfig.class);

  @Bean
  TrainingCorpus trainingCorpus(ClassifierProperties properties, ResourceLoader resources)
      throws IOException {
    Resource corpus = resources.getResource(properties.corpus());
    if (!corpus.exists()) {
      return new TrainingCorpus(null, corpus.getDescription());
    }
    try (InputStream in = corpus.getInputStream()) {
      return new TrainingCorpus(in.readAllBytes(), corpus.getDescription());
    }
  }

  /** Starts with the default model; the promoted one replaces it before the listener starts. */
  @Bean
  CurrentClassifier currentClassifier(ClassifierProperties properties, TrainingCorpus corpus)
      throws IOException {
    KeywordRules rules = new KeywordRules(rules(properties), properties.largeAmountThreshold());
    return new CurrentClassifier(
        new Classifier(
            rules, model(corpus), properties.triageThreshold(), properties.secondaryThreshold()));
  }

  static List<KeywordRules.Rule> rules(ClassifierProperties properties) {
    Map<String, KeywordRules.Rule> byId = new LinkedHashMap<>();
    if (!properties.replaceDefaultRules()) {
      KeywordRules.defaultRules().forEach(r -> byId.put(r.id(), r));
    }
    properties.rules().forEach(r -> byId.put(r.id(), r));
    return new ArrayList<>(byId.values());
  }

  private static Classifier.Model model(TrainingCorpus corpus) throws IOException {
    if (corpus.bytes().isEmpty()) {
      log.warn("No training corpus at {}: classifying by rules alone", corpus.location());
      return null;
    }
    byte[] csv = corpus.csv();
    long start = System.nanoTime();
    CorpusTraining.TrainedModel trained = CorpusTraining.train(csv, TrainingOptions.defaults());
    log.info(
        "Trained model {} on {} examples in {} ms; test split: {}",
        trained.version(),
        trained.trainSize(),
        (System.nanoTime() - start) / 1_000_000,
        trained.test() == null ? "none" : trained.test().summary());
    return new Classifier.Model(trained.classifier(), trained.version());
  }
}
