package org.example.inquiry.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;

/** Reads what a topic holds, committed records only, as a downstream consumer would. */
public final class TopicReader {

  private final KafkaTestEnvironment kafka;

  public TopicReader(KafkaTestEnvironment kafka) {
    this.kafka = kafka;
  }

  /** Avro values of every committed record, waiting until one matches (or the timeout). */
  public <T> List<ConsumerRecord<String, T>> readUntil(
      String topic, Predicate<List<ConsumerRecord<String, T>>> done, Duration timeout) {
    return read(topic, avroValues(), done, timeout);
  }

  /**
   * Everything committed to the topic when this is called: every partition read to its last stable
   * offset, without waiting for more. For checks that look again until the pipeline has caught up;
   * a check that nothing more arrives needs {@link #readAll}'s quiet time instead.
   */
  public <T> List<ConsumerRecord<String, T>> readCommitted(String topic) {
    List<ConsumerRecord<String, T>> records = new ArrayList<>();
    try (KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "enable.auto.commit",
                "false",
                "isolation.level",
                "read_committed"),
            new StringDeserializer(),
            this.<T>avroValues())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** Avro values; poison records (other tests put them on the same topics) read as null. */
  private <T> Deserializer<T> avroValues() {
    AvroDeserializer<T> avro = new AvroDeserializer<>();
    avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl()), false);
    Deserializer<T> values =
        (t, data) -> {
          try {
            return avro.deserialize(t, data);
          } catch (SerializationException e) {
            return null;
          }
        };
    return values;
  }

  /** The value of the first committed record with this key, waiting up to the timeout. */
  public <T> T firstValue(String topic, String key, Duration timeout) {
    return this.<T>readUntil(topic, rs -> rs.stream().anyMatch(r -> key.equals(r.key())), timeout)
        .stream()
        .filter(r -> key.equals(r.key()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no record with key " + key + " on " + topic + " within " + timeout))
        .value();
  }

  /** Raw values (dead letters) of every committed record, waiting until one matches. */
  public List<ConsumerRecord<String, byte[]>> readRawUntil(
      String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
    return read(topic, new ByteArrayDeserializer(), done, timeout);
  }

  /** Everything committed so far, reading until the topic stays quiet for a second. */
  public <T> List<ConsumerRecord<String, T>> readAll(String topic) {
    return readUntil(topic, records -> false, Duration.ofSeconds(3));
  }

  private <T> List<ConsumerRecord<String, T>> read(
      String topic,
      Deserializer<T> values,
      Predicate<List<ConsumerRecord<String, T>>> done,
      Duration timeout) {
    List<ConsumerRecord<String, T>> records = new ArrayList<>();
    try (KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "group.id",
                "topic-reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "isolation.level",
                "read_committed"),
            new StringDeserializer(),
            values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        if (done.test(records)) {
          break;
        }
      }
    }
    return records;
  }
}
