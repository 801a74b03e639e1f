package org.example.inquiry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

  @TempDir Path dir;

  @Test
  void theLastLineHasEveryRatioOfTheRun() throws Exception {
    Path file = dir.resolve("results.txt");
    Files.writeString(
        file,
        """
        count=20000
        burst_pipeline_rps=600
        burst_relay_rps=10000
        paced_pipeline_p99_ms=900
        paced_relay_p99_ms=450
        http_intake_rps=250
        http_minimal_rps=1000
        replay_eps=40000
        cp_eps=50000
        x2.burst_pipeline_rps=660
        heap_mb.classifier=171
        heap_mb.intake=120
        up_s=26.4
        quiet.http.lag=0
        quiet.http.s=3.0
        """);

    String out = summary(file);

    assertThat(out)
        .contains(
            "bench: pipeline_vs_relay=0.06 p99_vs_relay=2.00 intake_vs_minimal=0.25"
                + " replay_vs_consumer=0.80 max_heap_mb=171 up_s=26.4 scale_2x=1.10")
        .doesNotContain("had not caught up");
  }

  @Test
  void aPhaseMeasuredBeforeTheStackCaughtUpIsNamed() throws Exception {
    Path file = dir.resolve("results.txt");
    Files.writeString(
        file, "quiet.http.lag=-1\nquiet.http.s=1.0\nquiet.replay.lag=1234\nquiet.replay.s=600\n");

    String out = summary(file);

    assertThat(out)
        .contains(
            "had not caught up before the replay phase: 1234 records still behind after 600 s")
        .contains("caught up before the http phase is not known")
        .doesNotContain("-1 records");
  }

  private static String summary(Path file) {
    SummaryCommand command = new SummaryCommand();
    command.resultsFile = file;
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertThat(command.call()).isZero();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
