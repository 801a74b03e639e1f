package org.example.inquiry.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.example.inquiry.schemas.registry.SchemaRegistryClient;
import org.example.inquiry.schemas.registry.SchemaRegistryException;

/**
 * Kafka deserializer for Confluent-format Avro. Fetches the writer schema by id (cached) and
 * resolves it against the generated class of the same full name, so consumers read older and newer
 * versions of an event alike. Without a generated class (or with {@code
 * specific.avro.reader=false}) it returns a {@link org.apache.avro.generic.GenericRecord}.
 *
 * <p>A registry outage (unreachable, timed out, 5xx) is not a verdict on the record: the
 * deserializer retries the lookup with a growing pause (see {@link RegistryOutages}) for as long as
 * {@link AvroSerdeConfig#REGISTRY_OUTAGE_WAIT_MS} allows (by default for as long as the outage
 * lasts), so records wait for the registry instead of being dead-lettered. Only an id the registry
 * answers it does not know (or a record that does not decode) fails. A consumer blocked longer than
 * its {@code max.poll.interval.ms} leaves its group and, with transactions, its uncommitted work is
 * aborted and redone when it returns: nothing is lost or doubled.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

  static {
    AvroClassTrust.install();
  }

  private SchemaRegistryClient registry;
  private boolean specific = true;
  private long outageWaitMs = -1;
  private final Map<Integer, DatumReader<?>> readers = new ConcurrentHashMap<>();

  /** For Kafka's reflective instantiation; {@link #configure} must follow. */
  public AvroDeserializer() {}

  public AvroDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (registry == null) {
      registry = AvroSerdeConfig.client(configs);
    }
    specific = AvroSerdeConfig.flag(configs, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    outageWaitMs = AvroSerdeConfig.number(configs, AvroSerdeConfig.REGISTRY_OUTAGE_WAIT_MS, -1);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry == null) {
      throw new SerializationException("AvroDeserializer used before configure()");
    }
    int id = ConfluentWireFormat.schemaId(topic, data);
    DatumReader<?> reader = readerWaitingOutOutages(id, topic);
    try {
      BinaryDecoder decoder =
          DecoderFactory.get()
              .binaryDecoder(
                  data,
                  ConfluentWireFormat.HEADER_LENGTH,
                  data.length - ConfluentWireFormat.HEADER_LENGTH,
                  null);
      Object value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "Trailing bytes after the Avro record (schema id " + id + ") on topic " + topic);
      }
      return (T) value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException se) {
        throw se;
      }
      throw new SerializationException(
          "Cannot decode Avro record with schema id " + id + " on topic " + topic + ": " + e, e);
    }
  }

  private DatumReader<?> readerWaitingOutOutages(int id, String topic) {
    try {
      return RegistryOutages.waitOut(
          () -> readers.computeIfAbsent(id, this::readerFor),
          outageWaitMs,
          "schema id " + id + " of a record on " + topic);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "Cannot fetch writer schema id "
              + id
              + " for a record on topic "
              + topic
              + (e.isUnavailable() ? " (" + e.getMessage() + ")" : ""),
          e);
    }
  }

  private DatumReader<?> readerFor(int id) {
    Schema writer = registry.getById(id);
    if (specific && writer.getType() == Schema.Type.RECORD) {
      Class<?> generated = generatedClass(writer.getFullName());
      if (generated != null) {
        SpecificData model = SpecificData.getForClass(generated);
        Schema reader = model.getSchema(generated);
        return new SpecificDatumReader<>(writer, reader, model);
      }
    }
    return new GenericDatumReader<>(writer, writer, GenericData.get());
  }

  private static Class<?> generatedClass(String fullName) {
    try {
      Class<?> type = Class.forName(fullName, true, AvroDeserializer.class.getClassLoader());
      return SpecificRecord.class.isAssignableFrom(type) ? type : null;
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
