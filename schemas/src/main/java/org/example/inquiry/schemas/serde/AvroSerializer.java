package org.example.inquiry.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.example.inquiry.schemas.registry.SchemaRegistryClient;
import org.example.inquiry.schemas.registry.SchemaRegistryException;

/**
 * Kafka serializer writing Avro records in the Confluent wire format under the subject {@code
 * <topic>-value} (or {@code -key}), registering the schema on first use unless {@code
 * auto.register.schemas=false}.
 */
public class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {

  static {
    AvroClassTrust.install();
  }

  private SchemaRegistryClient registry;
  private boolean autoRegister = true;
  private boolean isKey;
  private long outageWaitMs = -1;
  // Generic records of different schemas share a class, so they are not cached.
  private final Map<Class<?>, DatumWriter<?>> writers = new ConcurrentHashMap<>();

  /** For Kafka's reflective instantiation; {@link #configure} must follow. */
  public AvroSerializer() {}

  public AvroSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (registry == null) {
      registry = AvroSerdeConfig.client(configs);
    }
    autoRegister = AvroSerdeConfig.flag(configs, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    outageWaitMs = AvroSerdeConfig.number(configs, AvroSerdeConfig.REGISTRY_OUTAGE_WAIT_MS, -1);
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (registry == null) {
      throw new SerializationException("AvroSerializer used before configure()");
    }
    Schema schema = record.getSchema();
    String subject = topic + (isKey ? "-key" : "-value");
    int id;
    try {
      id =
          RegistryOutages.waitOut(
              () ->
                  autoRegister
                      ? registry.register(subject, schema)
                      : registry.lookup(subject, schema),
              outageWaitMs,
              "the id of " + schema.getFullName() + " under " + subject);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "Cannot get a schema id for " + schema.getFullName() + " under " + subject, e);
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(256)) {
      out.write(ConfluentWireFormat.MAGIC_BYTE);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      DatumWriter<T> writer =
          record instanceof SpecificRecord
              ? writerFor(record)
              : new GenericDatumWriter<>(schema, GenericData.get());
      writer.write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot serialize " + schema.getFullName() + " for topic " + topic, e);
    }
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<T> writerFor(T record) {
    return (DatumWriter<T>)
        writers.computeIfAbsent(
            record.getClass(),
            type -> new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(type)));
  }
}
