package org.example.inquiry.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.example.inquiry.testing.FreePorts;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.LocalJwt;

/**
 * The five services as real processes from their executable jars, on free loopback ports, against
 * the embedded KRaft broker and the in-process development registry of this JVM. Logs go to {@code
 * target/e2e-logs/<instance>.log}. {@link #start(int)} runs several instances of each service:
 * {@code intake-service}, {@code intake-service-2}, ..., each with its own port and state, in the
 * service's one consumer group (or Streams application), so they share its partitions.
 */
final class PipelineUnderTest implements AutoCloseable {

  static final List<String> SERVICES =
      List.of(
          "intake-service",
          "classifier-service",
          "router-service",
          "resolution-service",
          "metrics-service");

  private final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final int perService;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Path logs;

  private PipelineUnderTest(int perService) {
    this.perService = perService;
    this.logs = Path.of(perService == 1 ? "target/e2e-logs" : "target/e2e-logs/x" + perService);
  }

  static PipelineUnderTest start() {
    return start(1);
  }

  /** Each service {@code perService} times. */
  static PipelineUnderTest start(int perService) {
    PipelineUnderTest pipeline = new PipelineUnderTest(perService);
    try {
      pipeline.launchAll();
      // Every process starts at once on a 2-core machine: more instances take longer.
      pipeline.awaitReady(Duration.ofSeconds(perService == 1 ? 480 : 720L * perService));
      return pipeline;
    } catch (RuntimeException | Error e) {
      pipeline.close();
      throw e;
    }
  }

  /**
   * The URL of a service's first instance, or of an instance by name ({@code router-service-2}).
   */
  String url(String service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  /** Instance {@code k} (1-based) of a service: the service's name, then {@code name-k}. */
  static String instance(String service, int k) {
    return k == 1 ? service : service + "-" + k;
  }

  private static int instanceNumber(String instance) {
    String service = serviceOf(instance);
    return instance.equals(service)
        ? 1
        : Integer.parseInt(instance.substring(service.length() + 1));
  }

  private static String serviceOf(String instance) {
    return SERVICES.stream()
        .filter(s -> instance.equals(s) || instance.startsWith(s + "-"))
        .findFirst()
        .orElseThrow();
  }

  KafkaTestEnvironment kafka() {
    return kafka;
  }

  private Path state;

  private void launchAll() {
    try {
      Files.createDirectories(logs);
      state = Files.createTempDirectory("e2e-state");
      for (String service : SERVICES) {
        for (int k = 1; k <= perService; k++) {
          String name = instance(service, k);
          Files.deleteIfExists(logs.resolve(name + ".log"));
          ports.put(name, FreePorts.next());
          processes.put(name, launch(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Process launch(String service) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                javaBinary(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                executableJar(serviceOf(service)).toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", kafka.registryUrl());
    env.put("SERVER_PORT", Integer.toString(ports.get(service)));
    env.put("SERVER_ADDRESS", "127.0.0.1");
    env.put("INQUIRY_JWT_PUBLIC_KEY", LocalJwt.get().publicKeyLocation());
    env.put("INQUIRY_STATE_DIR", state.resolve(service).toString());
    env.put("METRICS_GAUGE_REFRESH", "2s");
    if (perService > 1) {
      // Names every consumer after its process, so a group's members show which instance they are.
      String clientId = "instance-" + instanceNumber(service) + "-" + serviceOf(service);
      env.put("SPRING_KAFKA_CONSUMER_CLIENT_ID", clientId);
      env.put("SPRING_KAFKA_STREAMS_CLIENT_ID", clientId);
    }
    return builder.start();
  }

  /**
   * Stops a service (SIGTERM, as an orchestrator would) and starts it again on its port and state.
   */
  void restart(String service) {
    Process process = processes.get(service);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      processes.put(service, launch(service));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitReady(Duration.ofSeconds(120));
  }

  /**
   * Kills a service (SIGKILL: no shutdown hook, no graceful close, as a crash) and starts it again
   * on its port and state, waiting until it is ready.
   */
  void killAndRestart(String service) {
    Process process = processes.get(service);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
      processes.put(service, launch(service));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitReady(Duration.ofSeconds(180));
  }

  /** True when the service answers its readiness probe with 200. */
  boolean isReady(String service) {
    return ready(service);
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String service : processes.keySet()) {
      Process process = processes.get(service);
      while (!ready(service)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(service + " exited at start:\n" + tail(service));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              service + " not ready in " + timeout + ":\n" + tail(service));
        }
        sleep(500);
      }
    }
  }

  private boolean ready(String service) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String tail(String service) {
    try {
      List<String> lines = Files.readAllLines(logs.resolve(service + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    for (Process process : processes.values()) {
      process.destroy();
    }
    for (Process process : processes.values()) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Path executableJar(String service) throws IOException {
    Path target = Path.of("..", service, "target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No executable jar in " + target + "; build with ./mvnw package"));
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
