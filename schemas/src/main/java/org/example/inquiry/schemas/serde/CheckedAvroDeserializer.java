package org.example.inquiry.schemas.serde;

import java.util.Optional;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.registry.SchemaRegistryClient;

/**
 * The consumers' deserializer: {@link AvroDeserializer} plus the catalogue's contract of each
 * topic. A record that breaks it fails to deserialize, with the reason, so the consumer
 * dead-letters it and goes on (listeners through {@code ErrorHandlingDeserializer}, Kafka Streams
 * through its deserialization exception handler):
 *
 * <ul>
 *   <li>a tombstone (null value) on a topic that is not compacted: events are never deleted;
 *   <li>a record larger than {@link #MAX_EVENT_BYTES} (no valid event is that large: intake caps
 *       the body at 100,000 characters);
 *   <li>a record written with another record's schema (an {@code InquiryReceived} on {@code
 *       inquiries-routed}).
 * </ul>
 *
 * Topics outside the catalogue (Kafka Streams changelogs and repartition topics) are read as they
 * are. On a compacted topic a tombstone is a deletion and passes as {@code null}.
 */
public class CheckedAvroDeserializer<T> extends AvroDeserializer<T> {

  /** The largest event value accepted, in bytes. */
  public static final int MAX_EVENT_BYTES = 768 * 1024;

  /** For Kafka's reflective instantiation; {@link #configure} must follow. */
  public CheckedAvroDeserializer() {}

  public CheckedAvroDeserializer(SchemaRegistryClient registry) {
    super(registry);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    Optional<TopicSpec> spec = Topics.byName(topic).filter(s -> s.valueType() != null);
    if (spec.isEmpty()) {
      return super.deserialize(topic, data);
    }
    TopicSpec topicSpec = spec.get();
    if (data == null) {
      if (topicSpec.compacted()) {
        return null;
      }
      throw new SerializationException(
          "Tombstone (null value) on event topic " + topic + ": events are never deleted");
    }
    if (data.length > MAX_EVENT_BYTES) {
      throw new SerializationException(
          "Oversize record: "
              + data.length
              + " bytes on topic "
              + topic
              + ", an event is at most "
              + MAX_EVENT_BYTES);
    }
    T value = super.deserialize(topic, data);
    if (!topicSpec.valueType().isInstance(value)) {
      throw new SerializationException(
          "Wrong schema on topic "
              + topic
              + ": a "
              + describe(value)
              + " where the catalogue says "
              + topicSpec.valueType().getSimpleName());
    }
    return value;
  }

  private static String describe(Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema().getFullName();
    }
    return value == null ? "null" : value.getClass().getName();
  }
}
