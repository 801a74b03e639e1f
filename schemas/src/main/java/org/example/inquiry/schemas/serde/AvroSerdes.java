package org.example.inquiry.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.example.inquiry.schemas.registry.SchemaRegistryClient;

/** Kafka Streams serdes over the Confluent-format Avro serializer and deserializer. */
public final class AvroSerdes {

  private AvroSerdes() {}

  /** A configured serde for a generated event class, for values (isKey false) or keys. */
  public static <T extends SpecificRecord> Serde<T> specific(
      SchemaRegistryClient registry, boolean isKey) {
    Serde<T> serde =
        Serdes.serdeFrom(new AvroSerializer<T>(registry), new AvroDeserializer<T>(registry));
    serde.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), isKey);
    return serde;
  }

  /**
   * A serde configured from a registry URL, for values; it reads with {@link
   * CheckedAvroDeserializer}, so a record that breaks its topic's contract fails to deserialize.
   */
  public static <T extends SpecificRecord> Serde<T> specific(String registryUrl) {
    return specific(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
  }

  /**
   * A serde configured from the registry settings in a configuration map (URLs, credentials, TLS:
   * see {@link AvroSerdeConfig}), for values; it reads with {@link CheckedAvroDeserializer}.
   */
  public static <T extends SpecificRecord> Serde<T> specific(Map<String, ?> configs) {
    Serde<T> serde = Serdes.serdeFrom(new AvroSerializer<T>(), new CheckedAvroDeserializer<T>());
    serde.configure(AvroSerdeConfig.registrySettings(configs), false);
    return serde;
  }
}
