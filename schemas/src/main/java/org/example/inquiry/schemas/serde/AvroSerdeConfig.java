package org.example.inquiry.schemas.serde;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.example.inquiry.schemas.registry.HttpSchemaRegistryClient;
import org.example.inquiry.schemas.registry.RegistryConnection;

/** Configuration keys of the Confluent-format Avro serde, named as Confluent's serde names them. */
public final class AvroSerdeConfig {

  /**
   * URL of a Confluent-API schema registry, or several separated by commas (tried in order, failing
   * over when one cannot be reached). Required.
   */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Whether the serializer registers a schema it has not seen; when false it only looks it up. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** Whether the deserializer returns generated classes (true, default) or GenericRecords. */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  /** Where the registry credentials come from: {@code USER_INFO} (default) or {@code URL}. */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE =
      RegistryConnection.BASIC_AUTH_CREDENTIALS_SOURCE;

  /** {@code user:password} for HTTP Basic authentication at the registry. */
  public static final String BASIC_AUTH_USER_INFO = RegistryConnection.BASIC_AUTH_USER_INFO;

  /** {@code STATIC_TOKEN}: send {@link #BEARER_AUTH_TOKEN} as a bearer token. */
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE =
      RegistryConnection.BEARER_AUTH_CREDENTIALS_SOURCE;

  /** The bearer token for the registry. */
  public static final String BEARER_AUTH_TOKEN = RegistryConnection.BEARER_AUTH_TOKEN;

  /** Trust store for an {@code https} registry ({@code PKCS12}, {@code JKS} or {@code PEM}). */
  public static final String SSL_TRUSTSTORE_LOCATION = RegistryConnection.TRUSTSTORE_LOCATION;

  /**
   * How long a deserializer waits out a registry outage (unreachable or 5xx) for a schema it has
   * not cached, in milliseconds; {@code -1} (the default) waits for as long as the outage lasts.
   * Only a registry that answers "no such schema" makes a record poison.
   */
  public static final String REGISTRY_OUTAGE_WAIT_MS = "registry.outage.wait.ms";

  private AvroSerdeConfig() {}

  /**
   * The registry client these configs name: its URLs (several, comma-separated, fail over),
   * credentials and TLS settings, see {@link RegistryConnection}.
   */
  static HttpSchemaRegistryClient client(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " must be set for the Avro serde");
    }
    try {
      return HttpSchemaRegistryClient.shared(configs);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /**
   * The registry settings of a configuration map (URL, credentials, TLS), without the rest: what a
   * serde built outside Kafka's configuration (a Kafka Streams serde) needs.
   */
  public static Map<String, Object> registrySettings(Map<String, ?> configs) {
    Map<String, Object> settings = new LinkedHashMap<>();
    configs.forEach(
        (key, value) -> {
          if (value != null
              && (key.equals(SCHEMA_REGISTRY_URL)
                  || key.startsWith("basic.auth.")
                  || key.startsWith("bearer.auth.")
                  || key.startsWith(RegistryConnection.SSL_PREFIX)
                  || key.equals(AUTO_REGISTER_SCHEMAS))) {
            settings.put(key, value);
          }
        });
    return settings;
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
