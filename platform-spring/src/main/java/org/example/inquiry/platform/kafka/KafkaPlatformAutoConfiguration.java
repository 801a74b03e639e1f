package org.example.inquiry.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroClassTrust;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.CheckedAvroDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

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
  public static final String DLT_REASON_HEADER = DeadLetterHeaders.REASON;

  /** Producers may send dead letters up to this size (the DLTs take them, see TopicSpec). */
  static final int MAX_REQUEST_BYTES = TopicSpec.DEAD_LETTER_MAX_BYTES;

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
      @Value("${spring.application.name}") String service,
      KafkaPlatformProperties properties,
      ObjectProvider<KafkaAdmin> admin) {
    // Retention, compaction and size limits are decisions of the catalogue: an existing topic
    // whose configuration differs is brought in line at start-up.
    admin.ifAvailable(a -> a.setModifyTopicConfigs(true));
    var topics = TopicDeclarations.ownedBy(service, properties.replicationFactor());
    log.info("{} declares topics {}", service, topics.stream().map(t -> t.name()).toList());
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  /** Registry settings for the Avro serdes of Kafka Streams topologies. */
  @Bean
  @ConditionalOnMissingBean
  AvroSerdeSettings avroSerdeSettings(KafkaProperties kafka) {
    Map<String, Object> configs = new HashMap<>(kafka.getProperties());
    configs.putAll(kafka.getStreams().getProperties());
    return new AvroSerdeSettings(configs);
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
    DeadLetterHeaders.addReason(recoverer);
    return recoverer;
  }

  /**
   * Listeners read with {@link CheckedAvroDeserializer} behind {@code ErrorHandlingDeserializer}: a
   * tombstone on an event topic, a record with another topic's schema or an oversize record fails
   * to deserialize and is dead-lettered at once, as garbage is.
   */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer checkedValueDeserializer() {
    return factory -> {
      Object delegate = factory.getConfigurationProperties().get(VALUE_DELEGATE);
      if (AvroDeserializer.class.getName().equals(String.valueOf(delegate))
          || AvroDeserializer.class.equals(delegate)) {
        factory.updateConfigs(Map.of(VALUE_DELEGATE, CheckedAvroDeserializer.class.getName()));
      }
    };
  }

  /** Dead letters carry the original record plus headers: allow up to what the DLTs take. */
  @Bean
  DefaultKafkaProducerFactoryCustomizer deadLetterSizedRequests() {
    return factory ->
        factory.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES));
  }

  @Bean
  BackgroundConsumers backgroundConsumers() {
    return new BackgroundConsumers();
  }

  @Bean
  ListenerContainersHealthIndicator kafkaConsumersHealthIndicator(
      KafkaListenerEndpointRegistry registry,
      BackgroundConsumers background,
      ObjectProvider<MeterRegistry> meters) {
    return new ListenerContainersHealthIndicator(registry, background, meters.getIfAvailable());
  }

  /** The per-container gauges, once the containers exist. */
  @Bean
  ApplicationListener<ApplicationStartedEvent> kafkaConsumerGauges(
      ObjectProvider<ListenerContainersHealthIndicator> indicator) {
    return event -> indicator.ifAvailable(ListenerContainersHealthIndicator::registerGauges);
  }

  @Bean
  @ConditionalOnMissingBean
  BatchAfterRollbackProcessor<Object, Object> afterRollbackProcessor(
      DeadLetterPublishingRecoverer recoverer,
      KafkaTemplate<Object, Object> template,
      KafkaPlatformProperties properties) {
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(properties.retryAttempts());
    backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
    BatchAfterRollbackProcessor<Object, Object> processor =
        new BatchAfterRollbackProcessor<>(
            recoverer,
            backOff,
            template,
            properties.retryAttempts(),
            properties.retryInitialInterval().toMillis(),
            properties.retryMaxInterval().toMillis());
    // Bad data does not get better by waiting: straight to the dead-letter topic.
    processor.addNotRetryableExceptions(
        DeserializationException.class,
        SerializationException.class,
        ConversionException.class,
        InvalidEventException.class,
        // a null (tombstone) or unconvertible payload for the listener's parameter
        MethodArgumentResolutionException.class);
    return processor;
  }

  /** Batch listeners process each poll in one transaction through this. */
  @Bean
  @ConditionalOnMissingBean
  TransactionalBatches transactionalBatches(
      DeadLetterPublishingRecoverer recoverer, BatchAfterRollbackProcessor<?, ?> rollbacks) {
    return new TransactionalBatches(recoverer, rollbacks);
  }

  /**
   * The listener containers' transaction manager with transaction synchronization, so that what a
   * listener remembers in memory (intake's ids registered a moment ago) can wait for the commit:
   * spring-kafka leaves it off by default.
   */
  @Bean
  static BeanPostProcessor kafkaTransactionSynchronization() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaTransactionManager<?, ?> manager) {
          manager.setTransactionSynchronization(
              AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
        }
        return bean;
      }
    };
  }

  private static String rootMessage(Throwable e) {
    return DeadLetterHeaders.rootMessage(e);
  }

  private static final String VALUE_DELEGATE = "spring.deserializer.value.delegate.class";
}
