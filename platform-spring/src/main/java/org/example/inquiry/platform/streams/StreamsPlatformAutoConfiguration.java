package org.example.inquiry.platform.streams;

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
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Kafka Streams services send records they cannot deserialize to {@code <topic>-dlt} with the
 * original bytes and the error in headers, and keep processing the partition; a failed stream
 * thread is replaced rather than stopping the service.
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
      KafkaTemplate<byte[], byte[]> template =
          new KafkaTemplate<>(
              new DefaultKafkaProducerFactory<>(
                  producer, new ByteArraySerializer(), new ByteArraySerializer()));
      DeadLetterPublishingRecoverer recoverer =
          new DeadLetterPublishingRecoverer(
              template,
              (record, exception) -> {
                log.warn(
                    "Dead-lettering undeserializable {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    exception.toString());
                return new TopicPartition(
                    Topics.deadLetterName(record.topic()), record.partition());
              });
      Properties properties = new Properties();
      properties.putAll(factoryBean.getStreamsConfiguration());
      properties.put(
          StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
          RecoveringDeserializationExceptionHandler.class);
      properties.put(
          RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer);
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

  @Bean
  @ConditionalOnBean(StreamsBuilderFactoryBean.class)
  HealthIndicator kafkaStreamsHealthIndicator(
      StreamsBuilderFactoryBean factoryBean, ObjectProvider<StreamsStarter> starter) {
    return new KafkaStreamsHealthIndicator(factoryBean, starter.getIfAvailable());
  }
}
