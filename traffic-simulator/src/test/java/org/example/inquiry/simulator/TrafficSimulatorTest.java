package org.example.inquiry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrafficSimulatorTest {

  private static String run(StringWriter err, String... args) {
    CommandLine cl = TrafficSimulator.commandLine();
    cl.setErr(new PrintWriter(err, true));
    return String.valueOf(cl.execute(args));
  }

  @Test
  void badOptionsExitWith2AndSayWhy() {
    StringWriter err = new StringWriter();

    assertThat(run(err, "--count", "0")).isEqualTo("2");
    assertThat(err.toString()).contains("--count must be at least 1");
    assertThat(run(new StringWriter(), "--rate", "-1")).isEqualTo("2");
    assertThat(run(new StringWriter(), "--no-such-option")).isEqualTo("2");
    StringWriter duration = new StringWriter();
    assertThat(run(duration, "--kpi-wait", "soon")).isEqualTo("2");
    assertThat(duration.toString()).contains("'soon' is not a duration");
    StringWriter key = new StringWriter();
    assertThat(run(key, "--private-key", "/nonexistent/private.pem")).isEqualTo("2");
    assertThat(key.toString()).contains("./stack up creates .stack/auth/private.pem");
  }

  @Test
  void parsesDurations() {
    var converter = new TrafficSimulator.DurationConverter();

    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void saysHowToStartTheStackWhenIntakeDoesNotAnswer(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("private.pem");
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    String exit;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit =
          run(
              new StringWriter(),
              "--private-key",
              key.toString(),
              "--data",
              TestData.dataDir().toString(),
              "--port-offset",
              String.valueOf(closed - 8080),
              "--kafka",
              "none");
    } finally {
      System.setErr(original);
    }

    assertThat(exit).isEqualTo("1");
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains(
            "intake does not answer on http://127.0.0.1:" + closed + ": start it with ./stack up");
  }
}
