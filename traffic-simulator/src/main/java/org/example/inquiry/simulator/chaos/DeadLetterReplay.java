package org.example.inquiry.simulator.chaos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.example.inquiry.schemas.catalog.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./stack dlt replay TOPIC}: after the cause of dead letters is fixed (a schema registered,
 * a consumer corrected, the data repaired at its source), publishes the original records of {@code
 * TOPIC-dlt} to {@code TOPIC} again: each original record (topic, partition, offset) once, even
 * when several consumer groups dead-lettered it, with its key, bytes and a header {@code
 * inquiry-replayed-from}. Its progress is the committed offset of the group {@code
 * dlt-replay-TOPIC} ({@code dlt-replay-TOPIC-GROUP} with {@code --group}), so a second replay does
 * not repeat the first, and replaying one group's dead letters leaves the others' for later. A dry
 * run commits nothing.
 */
@Command(
    name = "dlt-replay",
    mixinStandardHelpOptions = true,
    description =
        "Publishes the dead letters of TOPIC-dlt to TOPIC again, once per original record.")
public final class DeadLetterReplay implements Callable<Integer> {

  @Parameters(index = "0", description = "the source topic, e.g. inquiries-routed")
  String topic;

  @Option(names = "--bootstrap-server", defaultValue = "127.0.0.1:9092")
  String bootstrap;

  @Option(
      names = "--group",
      description =
          "only dead letters written by this consumer group (header kafka_dlt-original-consumer-group)")
  String group;

  @Option(names = "--dry-run", description = "list what would be replayed, publish nothing")
  boolean dryRun;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DeadLetterReplay()).execute(args));
  }

  @Override
  public Integer call() {
    if (topic.endsWith(Topics.DLT_SUFFIX) || Topics.byName(topic).isEmpty()) {
      System.err.println("dlt replay: " + topic + " is not a data topic of the catalogue");
      return 2;
    }
    String dlt = Topics.deadLetterName(topic);
    Map<String, Object> consumerConfig = new HashMap<>();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, progressGroup(topic, group));
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    int replayed = 0;
    int skipped = 0;
    Set<String> seen = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(dlt).stream()
              .map(p -> new TopicPartition(dlt, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      for (TopicPartition tp : partitions) {
        var committed = consumer.committed(Set.of(tp)).get(tp);
        if (committed == null) {
          consumer.seekToBeginning(List.of(tp));
        } else {
          consumer.seek(tp, committed.offset());
        }
      }
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          String originalGroup = header(record, "kafka_dlt-original-consumer-group");
          String original =
              header(record, "kafka_dlt-original-topic")
                  + "-"
                  + headerLong(record, "kafka_dlt-original-partition")
                  + "@"
                  + headerLong(record, "kafka_dlt-original-offset");
          if ((group != null && !group.equals(originalGroup)) || !seen.add(original)) {
            skipped++;
            continue;
          }
          System.out.printf(
              "%s %s (dead-lettered by %s: %s)%n",
              dryRun ? "would replay" : "replaying",
              original,
              originalGroup,
              header(record, "inquiry-dlt-reason"));
          if (!dryRun) {
            ProducerRecord<byte[], byte[]> again =
                new ProducerRecord<>(topic, null, record.key(), record.value());
            again
                .headers()
                .add(
                    new RecordHeader(
                        "inquiry-replayed-from",
                        (dlt + "-" + record.partition() + "@" + record.offset())
                            .getBytes(StandardCharsets.UTF_8)));
            producer.send(again).get();
          }
          replayed++;
        }
      }
      if (!dryRun) {
        producer.flush();
        consumer.commitSync();
      }
    } catch (Exception e) {
      System.err.println("dlt replay: " + e);
      return 1;
    }
    System.out.printf(
        "dlt replay: %d record(s) %s to %s, %d dead letter(s) skipped (other group or already"
            + " replayed from another group's copy)%n",
        replayed, dryRun ? "would be published" : "published", topic, skipped);
    return 0;
  }

  /** The consumer group whose committed offsets are a replay's progress. */
  static String progressGroup(String topic, String group) {
    return "dlt-replay-" + topic + (group == null ? "" : "-" + group);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static String headerLong(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    if (h == null) {
      return "?";
    }
    byte[] v = h.value();
    if (v.length == 8) {
      return Long.toString(ByteBuffer.wrap(v).getLong());
    }
    if (v.length == 4) {
      return Integer.toString(ByteBuffer.wrap(v).getInt());
    }
    return new String(v, StandardCharsets.UTF_8);
  }
}
