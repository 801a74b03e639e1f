package org.example.inquiry.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.example.inquiry.client.LocalPorts;
import org.example.inquiry.client.PlatformClient;
import org.example.inquiry.client.PlatformEndpoints;
import org.example.inquiry.client.Tokens;

/**
 * The local stack the scenarios run against, as {@code ./stack} runs it: a standalone KRaft broker
 * from the Maven Central jars, the development registry and the five services as processes.
 *
 * <p>By default the suite starts its own stack with a fresh state in {@code target/scenario-stack},
 * on the usual ports plus {@value #DEFAULT_OFFSET} (so it runs beside a developer's stack) and with
 * the {@code scenario} profile (a compressed SLA clock), and stops it at the end. With {@code
 * -Dscenarios.stack=running} (or {@code SCENARIO_STACK=running}) it uses the stack already running
 * instead and leaves it running; the exact KPI check then applies when the suite's inquiries are
 * the only ones the stack ever received (a stack started for it), and is skipped with the count
 * when other traffic shares the KPIs. That stack is found as {@code ./stack} finds it: its ports
 * are the usual ones plus {@code -Dscenarios.portOffset} (or {@code STACK_PORT_OFFSET}, default 0),
 * its keys in {@code -Dscenarios.stackHome} (or {@code STACK_HOME}, default {@code .stack}); it
 * must run with {@code STACK_PROFILES=scenario}, e.g. {@code STACK_PORT_OFFSET=3000
 * STACK_PROFILES=scenario ./stack up --brokers 3}.
 */
final class LocalStack implements AutoCloseable {

  static final int DEFAULT_OFFSET = 20000;

  private final Path root;
  private final Path home;
  private final int offset;
  private final boolean owned;

  private LocalStack(Path root, Path home, int offset, boolean owned) {
    this.root = root;
    this.home = home;
    this.offset = offset;
    this.owned = owned;
  }

  static LocalStack startOrAttach() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String mode = System.getProperty("scenarios.stack", System.getenv("SCENARIO_STACK"));
    if ("running".equals(mode)) {
      String offset =
          System.getProperty("scenarios.portOffset", System.getenv("STACK_PORT_OFFSET"));
      String home = System.getProperty("scenarios.stackHome", System.getenv("STACK_HOME"));
      return new LocalStack(
          root,
          home == null || home.isBlank() ? root.resolve(".stack") : root.resolve(home),
          offset == null || offset.isBlank() ? 0 : Integer.parseInt(offset.trim()),
          false);
    }
    Path home = Path.of("target", "scenario-stack").toAbsolutePath();
    int offset = Integer.getInteger("scenarios.portOffset", DEFAULT_OFFSET);
    LocalStack stack = new LocalStack(root, home, offset, true);
    stack.down(); // a stack left over by an interrupted run of this suite
    deleteRecursively(home);
    try {
      // -Dscenarios.instances=metrics=2,resolution=2: the same scenarios, KPIs exact, on several
      // instances of those services (./stack up --instances).
      String instances = System.getProperty("scenarios.instances", "");
      stack.run(instances.isBlank() ? List.of("up") : List.of("up", "--instances", instances), 900);
    } catch (RuntimeException e) {
      stack.down(); // whatever did start must not outlive the suite
      throw e;
    }
    return stack;
  }

  /** True when the suite started this stack from empty: every KPI is the suite's own. */
  boolean fresh() {
    return owned;
  }

  PlatformClient client() {
    return new PlatformClient(
        PlatformEndpoints.local("127.0.0.1", offset),
        Tokens.fromPrivateKey(home.resolve("auth/private.pem")));
  }

  String bootstrapServers() {
    return "127.0.0.1:" + LocalPorts.of("kafka", offset);
  }

  String registryUrl() {
    return "http://127.0.0.1:" + LocalPorts.of("registry", offset);
  }

  /** The web console that resolution serves (sign-in, queue, cases, supervisor view). */
  String consoleUrl() {
    return "http://127.0.0.1:" + LocalPorts.of("resolution", offset) + "/console";
  }

  /** The IMAP port of the stack's development mail server. */
  int imapPort() {
    return LocalPorts.of("mail-imap", offset);
  }

  @Override
  public void close() {
    if (owned) {
      down();
    }
  }

  private void down() {
    if (Files.isDirectory(home.resolve("pids"))) {
      run(List.of("down"), 120);
    }
  }

  private void run(List<String> arguments, int timeoutSeconds) {
    Path log = Path.of("target", "scenario-stack-" + arguments.get(0) + ".log");
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(
                  concat(
                      "bash", root.resolve("stack").toString(), arguments.toArray(String[]::new)))
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("STACK_HOME", home.toString());
      env.put("STACK_PORT_OFFSET", Integer.toString(offset));
      env.put("STACK_PROFILES", "scenario");
      // The stack's flags with the JIT stopped at C1: the services start in about half the time and
      // a suite of a few dozen inquiries never runs long enough for C2 to pay off (e2e-tests start
      // their services the same way). A developer's own stack keeps the full JIT.
      env.putIfAbsent(
          "STACK_JAVA_OPTS",
          "-Xms256m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1");
      // The suite starts its stack once, from nothing: class data sharing would only add the
      // recording of each service's archive to its stop (docs/BENCHMARKS.md, "Start-up").
      env.putIfAbsent("STACK_CDS", "off");
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroy();
        throw new IllegalStateException(
            "./stack " + arguments + " did not finish in " + timeoutSeconds + " s:\n" + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "./stack " + arguments + " exited " + process.exitValue() + ":\n" + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> concat(String first, String second, String... rest) {
    List<String> all = new ArrayList<>(List.of(first, second));
    all.addAll(List.of(rest));
    return all;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
