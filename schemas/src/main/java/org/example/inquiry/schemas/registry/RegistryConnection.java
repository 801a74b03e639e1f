package org.example.inquiry.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach a Confluent-API schema registry: one or more base URLs (tried in order, failing over
 * to the next when one cannot be reached), the credentials (HTTP Basic or a bearer token) and the
 * TLS trust (and client key) material, from the configuration keys Confluent's serdes use:
 *
 * <ul>
 *   <li>{@code schema.registry.url}: comma-separated base URLs; a URL may carry {@code
 *       user:password@} (Confluent's {@code basic.auth.credentials.source=URL});
 *   <li>{@code basic.auth.credentials.source} {@code USER_INFO} (default) or {@code URL}, {@code
 *       basic.auth.user.info}: {@code user:password};
 *   <li>{@code bearer.auth.credentials.source} {@code STATIC_TOKEN}, {@code bearer.auth.token};
 *   <li>{@code schema.registry.ssl.truststore.location}, {@code .password}, {@code .type} ({@code
 *       PKCS12}, {@code JKS} or {@code PEM}: a file of X.509 certificates, e.g. Strimzi's or
 *       cert-manager's {@code ca.crt}); without them the JVM's default trust store applies;
 *   <li>{@code schema.registry.ssl.keystore.location}, {@code .password}, {@code .type}, {@code
 *       schema.registry.ssl.key.password}: a client certificate for mutual TLS.
 * </ul>
 *
 * @param urls base URLs without credentials, in the order they are tried
 * @param authorizations the {@code Authorization} header for each URL, or null for none
 * @param sslContext TLS settings for {@code https} URLs, or null for the JVM default
 * @param timeout connect and request timeout
 * @param identity what identifies these settings (for sharing clients), without secrets in clear
 */
public record RegistryConnection(
    List<URI> urls,
    List<String> authorizations,
    SSLContext sslContext,
    Duration timeout,
    String identity) {

  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String SSL_PREFIX = "schema.registry.ssl.";
  public static final String TRUSTSTORE_LOCATION = SSL_PREFIX + "truststore.location";
  public static final String TRUSTSTORE_PASSWORD = SSL_PREFIX + "truststore.password";
  public static final String TRUSTSTORE_TYPE = SSL_PREFIX + "truststore.type";
  public static final String KEYSTORE_LOCATION = SSL_PREFIX + "keystore.location";
  public static final String KEYSTORE_PASSWORD = SSL_PREFIX + "keystore.password";
  public static final String KEYSTORE_TYPE = SSL_PREFIX + "keystore.type";
  public static final String KEY_PASSWORD = SSL_PREFIX + "key.password";
  public static final String ENDPOINT_IDENTIFICATION =
      SSL_PREFIX + "endpoint.identification.algorithm";

  /** Keys this class reads; everything else in a config map is ignored. */
  static final List<String> KEYS =
      List.of(
          URL,
          BASIC_AUTH_CREDENTIALS_SOURCE,
          BASIC_AUTH_USER_INFO,
          BEARER_AUTH_CREDENTIALS_SOURCE,
          BEARER_AUTH_TOKEN,
          TRUSTSTORE_LOCATION,
          TRUSTSTORE_PASSWORD,
          TRUSTSTORE_TYPE,
          KEYSTORE_LOCATION,
          KEYSTORE_PASSWORD,
          KEYSTORE_TYPE,
          KEY_PASSWORD,
          ENDPOINT_IDENTIFICATION);

  public RegistryConnection {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one schema registry URL is needed");
    }
    authorizations = Collections.unmodifiableList(new ArrayList<>(authorizations));
    if (authorizations.size() != urls.size()) {
      throw new IllegalArgumentException("one authorization (or null) per URL");
    }
    Objects.requireNonNull(timeout, "timeout");
  }

  /** One URL (credentials in it are used for HTTP Basic), or several separated by commas. */
  public static RegistryConnection of(String urls, Duration timeout, String userInfo) {
    Map<String, Object> configs = new TreeMap<>();
    configs.put(URL, urls);
    if (userInfo != null && !userInfo.isBlank()) {
      configs.put(BASIC_AUTH_USER_INFO, userInfo);
    }
    return fromConfigs(configs, timeout);
  }

  /** The settings named by a serde's (or any client's) configuration map. */
  public static RegistryConnection fromConfigs(Map<String, ?> configs, Duration timeout) {
    String list = string(configs, URL);
    if (list == null) {
      throw new IllegalArgumentException(URL + " must be set");
    }
    String basicSource = upper(string(configs, BASIC_AUTH_CREDENTIALS_SOURCE));
    if (basicSource != null && !basicSource.equals("USER_INFO") && !basicSource.equals("URL")) {
      throw new IllegalArgumentException(
          BASIC_AUTH_CREDENTIALS_SOURCE
              + " "
              + basicSource
              + " is not supported; use USER_INFO or URL");
    }
    String userInfo = string(configs, BASIC_AUTH_USER_INFO);
    if (userInfo != null && (!userInfo.contains(":") || userInfo.startsWith(":"))) {
      throw new IllegalArgumentException(BASIC_AUTH_USER_INFO + " must be user:password");
    }
    String bearerSource = upper(string(configs, BEARER_AUTH_CREDENTIALS_SOURCE));
    String token = string(configs, BEARER_AUTH_TOKEN);
    String bearer = null;
    if (bearerSource != null || token != null) {
      if (bearerSource != null && !bearerSource.equals("STATIC_TOKEN")) {
        throw new IllegalArgumentException(
            BEARER_AUTH_CREDENTIALS_SOURCE
                + " "
                + bearerSource
                + " is not supported; use STATIC_TOKEN");
      }
      if (token == null) {
        throw new IllegalArgumentException(BEARER_AUTH_TOKEN + " must be set for a bearer token");
      }
      if (userInfo != null) {
        throw new IllegalArgumentException(
            "configure either " + BASIC_AUTH_USER_INFO + " or " + BEARER_AUTH_TOKEN + ", not both");
      }
      bearer = "Bearer " + token;
    }
    String basic = userInfo == null ? null : basic(userInfo);
    List<URI> urls = new ArrayList<>();
    List<String> authorizations = new ArrayList<>();
    for (String raw : list.split(",")) {
      String trimmed = raw.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      URI uri =
          URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("schema registry URL must be http or https: " + trimmed);
      }
      String fromUrl = uri.getRawUserInfo();
      String authorization = bearer != null ? bearer : basic;
      if (fromUrl != null) {
        uri = URI.create(trimmed.replace(fromUrl + "@", ""));
        if (uri.getPath() != null && uri.getPath().endsWith("/")) {
          String s = uri.toString();
          uri = URI.create(s.substring(0, s.length() - 1));
        }
        if (authorization == null || "URL".equals(basicSource)) {
          authorization = basic(URLDecoder.decode(fromUrl, StandardCharsets.UTF_8));
        }
      }
      urls.add(uri);
      authorizations.add(authorization);
    }
    String identification = string(configs, ENDPOINT_IDENTIFICATION);
    if (identification != null && !identification.equalsIgnoreCase("https")) {
      throw new IllegalArgumentException(
          ENDPOINT_IDENTIFICATION
              + " '"
              + identification
              + "' is not supported: the registry's certificate must name its host (https)");
    }
    SSLContext ssl = sslContext(configs);
    return new RegistryConnection(urls, authorizations, ssl, timeout, identity(configs, urls));
  }

  /** True when at least one URL is https. */
  public boolean usesTls() {
    return urls.stream().anyMatch(u -> "https".equalsIgnoreCase(u.getScheme()));
  }

  private static SSLContext sslContext(Map<String, ?> configs) {
    String trustLocation = string(configs, TRUSTSTORE_LOCATION);
    String keyLocation = string(configs, KEYSTORE_LOCATION);
    if (trustLocation == null && keyLocation == null) {
      return null;
    }
    try {
      TrustManagerFactory trust = null;
      if (trustLocation != null) {
        KeyStore store =
            load(
                trustLocation,
                string(configs, TRUSTSTORE_TYPE),
                string(configs, TRUSTSTORE_PASSWORD),
                true);
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
      }
      KeyManagerFactory keys = null;
      if (keyLocation != null) {
        String storePassword = string(configs, KEYSTORE_PASSWORD);
        KeyStore store = load(keyLocation, string(configs, KEYSTORE_TYPE), storePassword, false);
        String keyPassword = string(configs, KEY_PASSWORD);
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, chars(keyPassword != null ? keyPassword : storePassword));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(),
          null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "cannot load the schema registry TLS settings (" + SSL_PREFIX + "*): " + e.getMessage(),
          e);
    }
  }

  private static KeyStore load(String location, String type, String password, boolean trust)
      throws GeneralSecurityException, IOException {
    Path path = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
    String kind = type == null ? guessType(path) : type.toUpperCase(Locale.ROOT);
    if (kind.equals("PEM")) {
      if (!trust) {
        throw new IllegalArgumentException(
            "a PEM key store is not supported for the registry client; use PKCS12");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      try (InputStream in = Files.newInputStream(path)) {
        int i = 0;
        for (Certificate certificate :
            CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("ca-" + i++, certificate);
        }
        if (i == 0) {
          throw new IllegalArgumentException("no certificate in " + path);
        }
      }
      return store;
    }
    KeyStore store = KeyStore.getInstance(kind);
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, chars(password));
    }
    return store;
  }

  private static String guessType(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".pem") || name.endsWith(".crt")) {
      return "PEM";
    }
    if (name.endsWith(".jks")) {
      return "JKS";
    }
    return "PKCS12";
  }

  private static char[] chars(String password) {
    return password == null ? null : password.toCharArray();
  }

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  private static String string(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return null;
    }
    String text = value instanceof Password p ? p.value() : value.toString();
    return text.isBlank() ? null : text.trim();
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  /** A stable key for these settings: the keys this class reads, secrets hashed. */
  private static String identity(Map<String, ?> configs, List<URI> urls) {
    StringBuilder key = new StringBuilder(urls.toString());
    for (String name : KEYS) {
      String value = string(configs, name);
      if (value == null) {
        continue;
      }
      boolean secret =
          name.contains("password")
              || name.contains("token")
              || name.contains("user.info")
              || name.equals(URL);
      key.append('|').append(name).append('=').append(secret ? sha256(value) : value);
    }
    return key.toString();
  }

  private static String sha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
