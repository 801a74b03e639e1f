package org.example.inquiry.platform.kafka;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerdes;

/**
 * The schema registry settings of the service ({@code schema.registry.url}, several URLs with
 * failover, credentials, TLS trust: see {@code RegistryConnection}), from {@code
 * spring.kafka.properties.*} and {@code spring.kafka.streams.properties.*}, for the Avro serdes a
 * Kafka Streams topology builds itself (Kafka configures only the serdes it instantiates).
 *
 * @param configs the registry keys of the service's Kafka configuration
 */
public record AvroSerdeSettings(Map<String, Object> configs) {

  public AvroSerdeSettings {
    configs = Map.copyOf(AvroSerdeConfig.registrySettings(configs));
  }

  /** A value serde for generated event classes, configured with these settings. */
  public <T extends SpecificRecord> Serde<T> serde() {
    return AvroSerdes.specific(configs);
  }
}
