package org.example.inquiry.platform.streams;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde for a service's private state (Kafka Streams stores and their changelogs), never for
 * the public topics, which are Avro. Records serialize by their components.
 */
public final class JsonSerde<T> implements Serde<T> {

  private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

  private final Class<T> type;
  private final JsonMapper json;

  public JsonSerde(Class<T> type) {
    this(type, JSON);
  }

  /** With a mapper of the state's own (mix-ins, features). */
  public JsonSerde(Class<T> type, JsonMapper json) {
    this.type = type;
    this.json = json;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return json.writeValueAsBytes(value);
      } catch (JacksonException e) {
        throw new SerializationException("Cannot write " + type.getSimpleName() + " as JSON", e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        return json.readValue(data, type);
      } catch (JacksonException e) {
        throw new SerializationException("Cannot read " + type.getSimpleName() + " from JSON", e);
      }
    };
  }
}
