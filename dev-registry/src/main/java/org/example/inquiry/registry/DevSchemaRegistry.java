package org.example.inquiry.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  /** Settings of a registry; {@code port} 0 picks a free port. */
  public record Settings(
      String bootstrapServers,
      String host,
      int port,
      String topic,
      short replicationFactor,
      CompatibilityLevel defaultLevel,
      WriteAccess writes) {

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

  /** Replays the schema topic, then serves HTTP. */
  public static DevSchemaRegistry start(Settings settings) {
    SchemaStore store = new SchemaStore(settings.defaultLevel());
    KafkaSchemaLog schemaLog =
        new KafkaSchemaLog(
            settings.bootstrapServers(), settings.topic(), settings.replicationFactor(), store);
    ExecutorService executor = Executors.newFixedThreadPool(8);
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
      server.createContext("/", new RegistryApi(store, schemaLog, settings.writes()));
      server.setExecutor(executor);
      server.start();
      DevSchemaRegistry registry = new DevSchemaRegistry(server, schemaLog, executor);
      log.info(
          "Development schema registry on {} (schemas in topic {} at {}, {} subjects)",
          registry.url(),
          settings.topic(),
          settings.bootstrapServers(),
          store.subjects().size());
      return registry;
    } catch (IOException e) {
      schemaLog.close();
      executor.shutdownNow();
      throw new UncheckedIOException(
          "Cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
    }
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getHostString() + ":" + address.getPort();
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
