package org.example.inquiry.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client settings and admin chores of the benchmark. */
final class KafkaSupport {

  private KafkaSupport() {}

  /**
   * The producer settings the services use (application.yml of each service, {@code
   * spring.kafka.producer.*}), so that baselines send the way the pipeline does.
   */
  record ProducerTuning(int lingerMs, int batchSize, String compression) {

    static final ProducerTuning SERVICES = new ProducerTuning(5, 65_536, "lz4");

    Map<String, Object> apply(Map<String, Object> props) {
      props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
      props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
      props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
      return props;
    }

    @Override
    public String toString() {
      return "linger.ms=" + lingerMs + " batch.size=" + batchSize + " compression=" + compression;
    }
  }

  /** Idempotent, acks=all: how an adapter (and the benchmark's load) writes. */
  static Map<String, Object> producer(String bootstrap, String clientId, ProducerTuning tuning) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return tuning.apply(props);
  }

  /** read_committed, no auto commit: as every consumer of the platform reads. */
  static Map<String, Object> consumer(String bootstrap, String group) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  static void createTopics(Admin admin, Collection<String> names, int partitions)
      throws InterruptedException {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(new NewTopic(name, partitions, (short) 1));
    }
    try {
      admin.createTopics(topics).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create " + names, e.getCause());
      }
    }
  }

  static void deleteTopics(Admin admin, Collection<String> names) {
    try {
      admin.deleteTopics(names).all().get();
    } catch (ExecutionException | InterruptedException e) {
      System.err.println("bench: could not delete " + names + ": " + e.getMessage());
    }
  }

  /**
   * Total lag of every consumer group but the benchmark's own: how many committed records the stack
   * still has to read. A consumer commits only when it gets records, so after the last transaction
   * of a partition its committed offset stays short of the end by the commit marker, and by a whole
   * aborted transaction when the last one was aborted (a rolled-back poll, a failed group commit).
   * Where a group trails by more than a marker, a {@code read_committed} reader counts what is
   * really left there.
   */
  static long lagBeyondMarkers(Admin admin, String bootstrap)
      throws InterruptedException, ExecutionException {
    long lag = 0;
    List<String> ids = new ArrayList<>();
    for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
      if (!group.groupId().startsWith("bench-")) {
        ids.add(group.groupId());
      }
    }
    // Only groups with members: a group nobody reads for any more (an old tool's) never catches up.
    Map<String, ConsumerGroupDescription> described =
        ids.isEmpty() ? Map.of() : admin.describeConsumerGroups(ids).all().get();
    Map<TopicPartition, Long> trailing = new HashMap<>();
    for (ConsumerGroupDescription group : described.values()) {
      if (group.members().isEmpty()) {
        continue;
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest =
          committed.keySet().stream()
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      if (latest.isEmpty()) {
        continue;
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get();
      for (var entry : committed.entrySet()) {
        if (entry.getValue() == null) {
          continue;
        }
        long position = entry.getValue().offset();
        long behind = ends.get(entry.getKey()).offset() - position;
        if (behind > 1) {
          trailing.merge(entry.getKey(), position, Math::min);
        }
      }
    }
    if (!trailing.isEmpty()) {
      lag = committedRecordsFrom(bootstrap, trailing);
    }
    return lag;
  }

  /** The records a read_committed reader finds from each position to the partition's end. */
  static long committedRecordsFrom(String bootstrap, Map<TopicPartition, Long> positions) {
    long found = 0;
    try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumer(bootstrap, null))) {
      reader.assign(positions.keySet());
      positions.forEach(reader::seek);
      Map<TopicPartition, Long> ends = reader.endOffsets(positions.keySet());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline
          && positions.keySet().stream().anyMatch(tp -> reader.position(tp) < ends.get(tp))) {
        found += reader.poll(Duration.ofMillis(200)).count();
      }
    }
    return found;
  }

  /** Waits until the stack's consumers have caught up (or the time is up); returns the lag left. */
  static long awaitQuiet(Admin admin, String bootstrap, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    long lag = -1;
    int quiet = 0;
    while (System.nanoTime() < deadline) {
      try {
        lag = lagBeyondMarkers(admin, bootstrap);
      } catch (ExecutionException e) {
        lag = -1;
      }
      quiet = lag == 0 ? quiet + 1 : 0;
      if (quiet >= 2) {
        return 0;
      }
      Thread.sleep(1_000);
    }
    return lag;
  }
}
