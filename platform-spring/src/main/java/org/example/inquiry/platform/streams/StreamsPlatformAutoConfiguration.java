package org.example.inquiry.platform.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.example.inquiry.platform.kafka.DeadLetterHeaders;
import org.example.inquiry.platform.kafka.ListenerContainersHealthIndicator;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Kafka Streams services send records they cannot deserialize or fail to process to {@code
 * <topic>-dlt} with the original bytes and the same headers as the listeners' dead letters ({@link
 * StreamsDeadLetters}), and keep processing the partition; a failed stream thread is replaced
 * rather than stopping the service.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(StreamsBuilder.class)
public class StreamsPlatformAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StreamsPlatformAutoConfiguration.class);

  @Bean
  StreamsBuilderFactoryBeanConfigurer deadLetterDeserializationHandler(
      KafkaProperties kafka, ObjectProvider<StreamsInputTopics> inputs) {
    return factoryBean -> {
      if (inputs.getIfAvailable() != null) {
        // Started by StreamsStarter once the input topics exist.
        factoryBean.setAutoStartup(false);
      }
      Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
      producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
      producer.put(ProducerConfig.ACKS_CONFIG, "all");
      producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSpec.DEAD_LETTER_MAX_BYTES);
      KafkaTemplate<byte[], byte[]> template =
          new KafkaTemplate<>(
              new DefaultKafkaProducerFactory<>(
                  producer, new ByteArraySerializer(), new ByteArraySerializer()));
      DeadLetterPublishingRecoverer recoverer =
          new DeadLetterPublishingRecoverer(
              template,
              (record, exception) -> {
                log.warn(
                    "Dead-lettering {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    DeadLetterHeaders.rootMessage(exception));
                return new TopicPartition(
                    Topics.deadLetterName(record.topic()), record.partition());
              });
      DeadLetterHeaders.addReason(recoverer);
      Properties properties = new Properties();
      properties.putAll(factoryBean.getStreamsConfiguration());
      String applicationId = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
      properties.put(
          StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
          StreamsDeadLetters.Deserialization.class);
      properties.put(
          StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
          StreamsDeadLetters.Processing.class);
      properties.put(
          StreamsDeadLetters.PUBLISHER, new StreamsDeadLetters.Publisher(recoverer, applicationId));
      factoryBean.setStreamsConfiguration(properties);
      // A source topic its owner has not created yet, or a broker restart, must not kill the
      // service: the stream thread is replaced and tries again.
      factoryBean.setStreamsUncaughtExceptionHandler(
          exception -> {
            log.error("Kafka Streams thread failed; replacing it", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
          });
    };
  }

  @Bean
  @ConditionalOnBean({StreamsInputTopics.class, StreamsBuilderFactoryBean.class})
  StreamsStarter streamsStarter(
      StreamsBuilderFactoryBean factoryBean, StreamsInputTopics inputs, KafkaProperties kafka) {
    return new StreamsStarter(
        factoryBean, inputs, () -> Admin.create(kafka.buildAdminProperties()));
  }

  /** Every state-store query of the service, local or forwarded to the owning instance. */
  @Bean
  @ConditionalOnBean(StreamsBuilderFactoryBean.class)
  @ConditionalOnMissingBean
  StoreQueries storeQueries(
      StreamsBuilderFactoryBean factoryBean, ObjectProvider<WebClient.Builder> http) {
    return new StoreQueries(factoryBean, http.getIfAvailable(WebClient::builder));
  }

  @Bean
  @ConditionalOnBean(StreamsBuilderFactoryBean.class)
  HealthIndicator kafkaStreamsHealthIndicator(
      StreamsBuilderFactoryBean factoryBean,
      ObjectProvider<StreamsStarter> starter,
      ObjectProvider<MeterRegistry> meters,
      KafkaProperties kafka) {
    KafkaStreamsHealthIndicator indicator =
        new KafkaStreamsHealthIndicator(factoryBean, starter.getIfAvailable());
    meters.ifAvailable(
        registry ->
            Gauge.builder(
                    ListenerContainersHealthIndicator.RUNNING_GAUGE,
                    indicator,
                    i -> i.running() ? 1 : 0)
                .description("1 while the background consumer runs, 0 when it stopped or died")
                .tag("consumer", String.valueOf(kafka.getStreams().getApplicationId()))
                .tag("kind", "streams")
                .register(registry));
    return indicator;
  }
}
