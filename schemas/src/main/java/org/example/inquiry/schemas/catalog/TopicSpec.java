package org.example.inquiry.schemas.catalog;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One topic of the platform: its name, size, key and value types, and the single service that
 * writes it. Owners create their topics from these specs; consumers never create topics.
 *
 * @param name topic name, kebab-case, plural entity then past-tense verb
 * @param partitions partition count
 * @param keyType what the record key is (a string id, always UTF-8)
 * @param valueType generated Avro class of the value, or {@code null} for raw bytes (dead letters)
 * @param owner the one service allowed to write the topic
 * @param compacted true for reference data where only the latest value per key matters
 * @param retention how long records are kept: {@link #KEEP_FOREVER} for the event log (the system
 *     of record), a duration for dead letters, {@code null} for compacted topics (kept per key)
 */
public record TopicSpec(
    String name,
    int partitions,
    String keyType,
    Class<? extends SpecificRecord> valueType,
    String owner,
    boolean compacted,
    Duration retention) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(owner, "owner");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1 for " + name);
    }
  }

  /** Retention of the event log: records never expire (replay rebuilds every view from it). */
  public static final Duration KEEP_FOREVER = Duration.ofMillis(-1);

  /**
   * Largest record a dead-letter topic takes: above the broker's 1 MB default, so the largest
   * record an input topic accepts still fits with the error headers added to it.
   */
  public static final int DEAD_LETTER_MAX_BYTES = 4 * 1024 * 1024;

  /** The Confluent subject of the record values: {@code <topic>-value}. */
  public String valueSubject() {
    return name + "-value";
  }

  /** The Avro schema of the values, or {@code null} for a raw-bytes topic. */
  public Schema valueSchema() {
    if (valueType == null) {
      return null;
    }
    try {
      return (Schema) valueType.getField("SCHEMA$").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Not a generated Avro class: " + valueType, e);
    }
  }

  /** True when this topic holds dead letters of another topic. */
  public boolean isDeadLetter() {
    return name.endsWith(Topics.DLT_SUFFIX);
  }

  /**
   * The {@code min.insync.replicas} of a topic with this many replicas: 2 from three replicas on
   * (acks=all writes survive one broker down and never rest on a single copy), else 1.
   */
  public static int minInSyncReplicas(int replicationFactor) {
    return replicationFactor >= 3 ? 2 : 1;
  }

  /**
   * Topic-level configuration to create the topic with on a cluster where it has {@code
   * replicationFactor} replicas: {@link #config()} plus {@code min.insync.replicas}.
   */
  public Map<String, String> config(int replicationFactor) {
    Map<String, String> config = new LinkedHashMap<>(config());
    config.put("min.insync.replicas", Integer.toString(minInSyncReplicas(replicationFactor)));
    return Collections.unmodifiableMap(config);
  }

  /**
   * Topic-level configuration that does not depend on the cluster: cleanup policy, retention, size
   * limits ({@link #config(int)} adds the durability setting).
   */
  public Map<String, String> config() {
    Map<String, String> config = new LinkedHashMap<>();
    if (compacted) {
      config.put("cleanup.policy", "compact");
    } else {
      config.put("cleanup.policy", "delete");
    }
    if (retention != null) {
      config.put(
          "retention.ms", retention.isNegative() ? "-1" : Long.toString(retention.toMillis()));
      config.put("retention.bytes", "-1");
    }
    if (isDeadLetter()) {
      config.put("max.message.bytes", Integer.toString(DEAD_LETTER_MAX_BYTES));
    }
    return Collections.unmodifiableMap(config);
  }
}
