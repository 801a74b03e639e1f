package org.example.inquiry.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Configuration keys of the Confluent-format Avro serde, named as Confluent's serde names them. */
public final class AvroSerdeConfig {

  /** URL of a Confluent-API schema registry. Required. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Whether the serializer registers a schema it has not seen; when false it only looks it up. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** Whether the deserializer returns generated classes (true, default) or GenericRecords. */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  private AvroSerdeConfig() {}

  static String registryUrl(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " must be set for the Avro serde");
    }
    // Confluent allows a comma-separated list; the first reachable one is enough here.
    return url.toString().split(",")[0].trim();
  }

  static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
  }
}
