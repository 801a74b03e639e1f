package org.example.inquiry.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The producers' value serializer: Avro events in the Confluent format, and raw bytes unchanged.
 * Raw bytes are dead letters: the original payload of a record that could not be deserialized, sent
 * by the same transactional producer that commits the consumer's offsets.
 */
public class EventOrBytesSerializer extends DelegatingByTypeSerializer {

  public EventOrBytesSerializer() {
    super(delegates(), true);
  }

  private static Map<Class<?>, Serializer<?>> delegates() {
    Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
    delegates.put(byte[].class, new ByteArraySerializer());
    delegates.put(IndexedRecord.class, new AvroSerializer<>());
    return delegates;
  }
}
