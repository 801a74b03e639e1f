package org.example.inquiry.registry;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.example.inquiry.schemas.registry.CompatibilityLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development schema registry: the Confluent REST subset on a local port, its schemas in the
 * compacted {@code _schemas} topic. For local runs and tests only; production uses a real
 * Confluent-API registry. Start it in-process with {@link #start}, stop it with {@link #close}.
 */
public final class DevSchemaRegistry implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevSchemaRegistry.class);

  private final HttpServer server;
  private final KafkaSchemaLog schemaLog;
  private final ExecutorService executor;

  private DevSchemaRegistry(HttpServer server, KafkaSchemaLog schemaLog, ExecutorService executor) {
    this.server = server;
    this.schemaLog = schemaLog;
    this.executor = executor;
  }

  /**
   * Settings of a registry; {@code port} 0 picks a free port.
   *
   * @param kafkaProperties Kafka client settings of the registry's own connection (security
   *     protocol, SASL, TLS), none for a plaintext broker
   * @param reads who may read (open, or HTTP Basic or bearer credentials)
   * @param tls the server certificate when the registry serves HTTPS, or null for HTTP
   */
  public record Settings(
      String bootstrapServers,
      String host,
      int port,
      String topic,
      short replicationFactor,
      CompatibilityLevel defaultLevel,
      WriteAccess writes,
      Map<String, Object> kafkaProperties,
      ReadAccess reads,
      Tls tls) {

    public Settings {
      kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
      reads = reads == null ? ReadAccess.open() : reads;
    }

    /** Plain HTTP, reads open to anyone, a plaintext broker. */
    public Settings(
        String bootstrapServers,
        String host,
        int port,
        String topic,
        short replicationFactor,
        CompatibilityLevel defaultLevel,
        WriteAccess writes) {
      this(
          bootstrapServers,
          host,
          port,
          topic,
          replicationFactor,
          defaultLevel,
          writes,
          Map.of(),
          ReadAccess.open(),
          null);
    }

    /** The same settings served over HTTPS with this key store, reads limited by {@code reads}. */
    public Settings secured(Tls tls, ReadAccess reads) {
      return new Settings(
          bootstrapServers,
          host,
          port,
          topic,
          replicationFactor,
          defaultLevel,
          writes,
          kafkaProperties,
          reads,
          tls);
    }

    /** The same settings with Kafka client properties for the registry's own connection. */
    public Settings withKafkaProperties(Map<String, ?> properties) {
      return new Settings(
          bootstrapServers,
          host,
          port,
          topic,
          replicationFactor,
          defaultLevel,
          writes,
          Map.copyOf(properties),
          reads,
          tls);
    }

    /** Loopback, a free port, {@code _schemas}, replication 1, BACKWARD_TRANSITIVE. */
    public static Settings forTests(String bootstrapServers) {
      return new Settings(
          bootstrapServers,
          "127.0.0.1",
          0,
          "_schemas",
          (short) 1,
          CompatibilityLevel.BACKWARD_TRANSITIVE,
          WriteAccess.open());
    }
  }

  /**
   * The server certificate of an HTTPS registry.
   *
   * @param keyStore a key store with the server's private key and certificate chain
   * @param password the key store's (and key's) password
   * @param type {@code PKCS12} (default) or {@code JKS}
   */
  public record Tls(Path keyStore, String password, String type) {

    SSLContext context() {
      try (InputStream in = Files.newInputStream(keyStore)) {
        KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? "PKCS12" : type);
        char[] secret = password == null ? new char[0] : password.toCharArray();
        store.load(in, secret);
        KeyManagerFactory keys =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, secret);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "Cannot load the registry's TLS key store " + keyStore + ": " + e.getMessage(), e);
      }
    }
  }

  /** Replays the schema topic, then serves HTTP (or HTTPS). */
  public static DevSchemaRegistry start(Settings settings) {
    SchemaStore store = new SchemaStore(settings.defaultLevel());
    SSLContext ssl = settings.tls() == null ? null : settings.tls().context();
    KafkaSchemaLog schemaLog =
        new KafkaSchemaLog(
            settings.bootstrapServers(),
            settings.kafkaProperties(),
            settings.topic(),
            settings.replicationFactor(),
            store);
    ExecutorService executor = Executors.newFixedThreadPool(8);
    try {
      InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
      HttpServer server;
      if (ssl != null) {
        HttpsServer https = HttpsServer.create(address, 64);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server = https;
      } else {
        server = HttpServer.create(address, 64);
      }
      server.createContext(
          "/", new RegistryApi(store, schemaLog, settings.writes(), settings.reads()));
      server.setExecutor(executor);
      server.start();
      DevSchemaRegistry registry = new DevSchemaRegistry(server, schemaLog, executor);
      log.info(
          "Development schema registry on {} (schemas in topic {} at {}, {} subjects; reads {},"
              + " writes {})",
          registry.url(),
          settings.topic(),
          settings.bootstrapServers(),
          store.subjects().size(),
          settings.reads().describe(),
          settings.writes().describe());
      return registry;
    } catch (IOException e) {
      schemaLog.close();
      executor.shutdownNow();
      throw new UncheckedIOException(
          "Cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
    }
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8081} (https when TLS is on). */
  public String url() {
    InetSocketAddress address = server.getAddress();
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://" + address.getHostString() + ":" + address.getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    schemaLog.close();
  }
}
