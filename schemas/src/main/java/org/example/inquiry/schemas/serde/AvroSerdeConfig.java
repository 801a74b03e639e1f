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

  /** Where the registry credentials come from; only {@code USER_INFO} is supported. */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

  /** {@code user:password} for HTTP Basic authentication at the registry. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /**
   * How long a deserializer waits out a registry outage (unreachable or 5xx) for a schema it has
   * not cached, in milliseconds; {@code -1} (the default) waits for as long as the outage lasts.
   * Only a registry that answers "no such schema" makes a record poison.
   */
  public static final String REGISTRY_OUTAGE_WAIT_MS = "registry.outage.wait.ms";

  private AvroSerdeConfig() {}

  /** The registry credentials, or null when none are configured. */
  static String userInfo(Map<String, ?> configs) {
    Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    if (source != null && !source.toString().isBlank() && !"USER_INFO".equals(source.toString())) {
      throw new ConfigException(
          BASIC_AUTH_CREDENTIALS_SOURCE + " " + source + " is not supported; use USER_INFO");
    }
    Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
    return userInfo == null || userInfo.toString().isBlank() ? null : userInfo.toString();
  }

  /** The registry client these configs name. */
  static org.example.inquiry.schemas.registry.HttpSchemaRegistryClient client(
      Map<String, ?> configs) {
    return org.example.inquiry.schemas.registry.HttpSchemaRegistryClient.shared(
        registryUrl(configs), userInfo(configs));
  }

  static String registryUrl(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " must be set for the Avro serde");
    }
    // Confluent allows a comma-separated list; the first reachable one is enough here.
    return url.toString().split(",")[0].trim();
  }

  static long number(Map<String, ?> configs, String key, long defaultValue) {
    Object value = configs.get(key);
    if (value == null || value.toString().isBlank()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "must be a whole number");
    }
  }

  static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
  }
}
