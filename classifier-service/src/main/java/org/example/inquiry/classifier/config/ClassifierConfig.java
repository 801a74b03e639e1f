package org.example.inquiry.classifier.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.KeywordRules;
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
 * and version).
 */
@Configuration(proxyBeanMethods = false)
class ClassifierConfig {

  private static final Logger log = LoggerFactory.getLogger(ClassifierConfig.class);

  @Bean
  Classifier classifier(ClassifierProperties properties, ResourceLoader resources)
      throws IOException {
    KeywordRules rules = new KeywordRules(rules(properties), properties.largeAmountThreshold());
    return new Classifier(
        rules,
        model(resources.getResource(properties.corpus())),
        properties.triageThreshold(),
        properties.secondaryThreshold());
  }

  static List<KeywordRules.Rule> rules(ClassifierProperties properties) {
    Map<String, KeywordRules.Rule> byId = new LinkedHashMap<>();
    if (!properties.replaceDefaultRules()) {
      KeywordRules.defaultRules().forEach(r -> byId.put(r.id(), r));
    }
    properties.rules().forEach(r -> byId.put(r.id(), r));
    return new ArrayList<>(byId.values());
  }

  private static Classifier.Model model(Resource corpus) throws IOException {
    if (!corpus.exists()) {
      log.warn("No training corpus at {}: classifying by rules alone", corpus.getDescription());
      return null;
    }
    byte[] csv;
    try (InputStream in = corpus.getInputStream()) {
      csv = in.readAllBytes();
    }
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
