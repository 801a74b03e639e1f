package org.example.inquiry.classifier.learning;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;

/**
 * Group-less consumers that read a whole topic from its beginning (committed records only): every
 * instance needs all of the history and all of the decisions, not a share of them.
 */
final class KafkaLogs {

  private final Map<String, Object> consumerProperties;
  private final String registryUrl;

  KafkaLogs(Map<String, Object> consumerProperties, String registryUrl) {
    this.consumerProperties = consumerProperties;
    this.registryUrl = registryUrl;
  }

  /** A consumer assigned every partition of the topic, at its beginning. */
  <T> KafkaConsumer<String, T> openAtBeginning(String topic, Duration timeout) {
    Map<String, Object> props = new HashMap<>(consumerProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    AvroDeserializer<T> values = new AvroDeserializer<>();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values);
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return consumer;
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }
}
