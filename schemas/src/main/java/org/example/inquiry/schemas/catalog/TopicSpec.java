package org.example.inquiry.schemas.catalog;

import java.time.Duration;
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
 * @param retention how long records are kept ({@code null}: broker default or forever if compacted)
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

  /** Topic-level configuration to create the topic with. */
  public Map<String, String> config() {
    if (compacted) {
      return Map.of("cleanup.policy", "compact", "min.insync.replicas", "1");
    }
    if (retention != null) {
      return Map.of("retention.ms", Long.toString(retention.toMillis()));
    }
    return Map.of();
  }
}
