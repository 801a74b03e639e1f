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
import java.util.ArrayList;
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
 * target/e2e-logs/<service>.log}.
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
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Path logs = Path.of("target/e2e-logs");

  static PipelineUnderTest start() {
    PipelineUnderTest pipeline = new PipelineUnderTest();
    try {
      pipeline.launchAll();
      pipeline.awaitReady(Duration.ofSeconds(480));
      return pipeline;
    } catch (RuntimeException | Error e) {
      pipeline.close();
      throw e;
    }
  }

  String url(String service) {
    return "http://127.0.0.1:" + ports.get(service);
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
        Files.deleteIfExists(logs.resolve(service + ".log"));
        ports.put(service, FreePorts.next());
        processes.add(launch(service));
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
                executableJar(service).toString())
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
    return builder.start();
  }

  /**
   * Stops a service (SIGTERM, as an orchestrator would) and starts it again on its port and state.
   */
  void restart(String service) {
    int index = SERVICES.indexOf(service);
    Process process = processes.get(index);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      processes.set(index, launch(service));
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
    int index = SERVICES.indexOf(service);
    Process process = processes.get(index);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
      processes.set(index, launch(service));
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
    for (String service : SERVICES) {
      Process process = processes.get(SERVICES.indexOf(service));
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
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
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
