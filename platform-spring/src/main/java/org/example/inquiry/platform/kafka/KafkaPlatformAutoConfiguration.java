package org.example.inquiry.platform.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroClassTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * What every service's Kafka wiring shares: the topics it owns (from the catalogue, by {@code
 * spring.application.name}), and the dead-letter path. Listener containers are transactional, so a
 * failing record is retried with back-off after each rollback, then published with its original
 * bytes and the error in headers to {@code <topic>-dlt} in a transaction that also commits its
 * offset, and the partition flows on.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(KafkaPlatformProperties.class)
public class KafkaPlatformAutoConfiguration {

  /** Header on every dead letter with the root cause of the failure, in plain words. */
  public static final String DLT_REASON_HEADER = "inquiry-dlt-reason";

  private static final Logger log = LoggerFactory.getLogger(KafkaPlatformAutoConfiguration.class);

  static {
    // Before any generated event class is built (builders deep-copy defaults through Avro's
    // class loading, which refuses untrusted packages).
    AvroClassTrust.install();
  }

  @Bean
  @ConditionalOnProperty(
      name = "inquiry.kafka.declare-topics",
      havingValue = "true",
      matchIfMissing = true)
  KafkaAdmin.NewTopics ownedTopics(
      @Value("${spring.application.name}") String service, KafkaPlatformProperties properties) {
    var topics = TopicDeclarations.ownedBy(service, properties.replicationFactor());
    log.info("{} declares topics {}", service, topics.stream().map(t -> t.name()).toList());
    return new KafkaAdmin.NewTopics(topics.toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
  }

  @Bean
  @ConditionalOnMissingBean
  EventPublisher eventPublisher(KafkaTemplate<Object, Object> template) {
    return new EventPublisher(template);
  }

  @Bean
  @ConditionalOnMissingBean
  DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(
      KafkaTemplate<Object, Object> template) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template,
            (record, exception) -> {
              log.warn(
                  "Dead-lettering {}-{}@{} (key {}): {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  record.key(),
                  rootMessage(exception));
              return new TopicPartition(Topics.deadLetterName(record.topic()), record.partition());
            });
    // The top-level exception is often a wrapper ("failed to deserialize"); say what really failed.
    recoverer.setHeadersFunction(
        (record, exception) ->
            new RecordHeaders(
                new Header[] {
                  new RecordHeader(
                      DLT_REASON_HEADER, rootMessage(exception).getBytes(StandardCharsets.UTF_8))
                }));
    return recoverer;
  }

  @Bean
  @ConditionalOnMissingBean
  AfterRollbackProcessor<Object, Object> afterRollbackProcessor(
      DeadLetterPublishingRecoverer recoverer,
      KafkaTemplate<Object, Object> template,
      KafkaPlatformProperties properties) {
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(properties.retryAttempts());
    backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
    DefaultAfterRollbackProcessor<Object, Object> processor =
        new DefaultAfterRollbackProcessor<>(recoverer, backOff, template, true);
    // Bad data does not get better by waiting: straight to the dead-letter topic.
    processor.addNotRetryableExceptions(
        DeserializationException.class,
        SerializationException.class,
        ConversionException.class,
        InvalidEventException.class);
    return processor;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
