package org.example.inquiry.classifier.learning;

import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.example.inquiry.classifier.classification.CurrentClassifier;
import org.example.inquiry.classifier.config.ClassifierProperties;
import org.example.inquiry.classifier.training.Engine;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.kafka.BackgroundConsumers;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The learning loop's wiring: the labelled-history topology, the promoted-model watcher, the
 * retraining and its optional schedule ({@code classifier.retrain.cron}, off by default).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LearningConfig {

  private static final Logger log = LoggerFactory.getLogger(LearningConfig.class);

  @Bean
  Object labelledHistoryTopology(StreamsBuilder builder, AvroSerdeSettings registry) {
    LabelledHistoryTopology.build(builder, registry.<SpecificRecord>serde());
    return LabelledHistoryTopology.TEXTS_STORE;
  }

  @Bean
  StreamsInputTopics labelledHistoryInputs() {
    return StreamsInputTopics.of(
        Topics.INQUIRIES_RECEIVED.name(),
        Topics.INQUIRIES_RESOLVED.name(),
        Topics.INQUIRIES_WORKED.name());
  }

  @Bean
  KafkaLogs kafkaLogs(KafkaProperties kafka, DeadLetterPublishingRecoverer deadLetters) {
    return new KafkaLogs(kafka.buildConsumerProperties(), deadLetters);
  }

  @Bean
  HistoryReader historyReader(KafkaLogs logs, ClassifierProperties properties) {
    return new HistoryReader(logs, properties.retrain().timeout());
  }

  @Bean
  PromotedModelWatcher promotedModelWatcher(
      KafkaLogs logs,
      HistoryReader history,
      TrainingCorpus corpus,
      Engine engine,
      CurrentClassifier current,
      ClassifierProperties properties,
      BackgroundConsumers background) {
    return new PromotedModelWatcher(
        logs, history, corpus, engine, current, properties.retrain().timeout(), background);
  }

  @Bean
  Retraining retraining(
      HistoryReader history,
      TrainingCorpus corpus,
      Engine engine,
      CurrentClassifier current,
      EventPublisher publisher,
      ClassifierProperties properties) {
    return new Retraining(
        history,
        corpus,
        engine,
        current,
        publisher,
        properties.retrain().tolerance(),
        Clock.systemUTC());
  }

  @Bean
  ScheduledRetraining scheduledRetraining(Retraining retraining) {
    return new ScheduledRetraining(retraining);
  }

  /** Runs a retraining on {@code classifier.retrain.cron}; never when it is {@code -}. */
  static final class ScheduledRetraining {
    private final Retraining retraining;

    ScheduledRetraining(Retraining retraining) {
      this.retraining = retraining;
    }

    @Scheduled(cron = "${classifier.retrain.cron:-}")
    void run() {
      try {
        retraining.retrain("schedule");
      } catch (RuntimeException e) {
        log.error("Scheduled retraining failed", e);
      }
    }
  }
}
