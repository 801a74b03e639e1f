package org.example.inquiry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.example.inquiry.simulator.traffic.Channel;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void drawsTheBarWithRateAndCounts() {
    Stats stats = new Stats();
    for (int i = 0; i < 120; i++) {
      stats.countSubmitted(Channel.PORTAL);
      stats.finished.incrementAndGet();
    }
    stats.ok.set(118);
    stats.refused.set(2);
    ProgressBar bar =
        new ProgressBar(
            new PrintStream(new ByteArrayOutputStream()), true, 200, stats, () -> 24_000_000_000L);

    assertThat(bar.line(120))
        .isEqualTo("[##################............] 120/200  5.0/s  ok 118  refused 2");
  }

  @Test
  void withoutATerminalPrintsOneLinePerTenPercent() {
    Stats stats = new Stats();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(sink, true), false, 50, stats, () -> 1);

    for (int i = 0; i < 50; i++) {
      stats.finished.incrementAndGet();
      bar.update(false);
      bar.update(false);
    }
    bar.update(true);

    String[] lines = sink.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(10);
    assertThat(lines[9]).startsWith("[##############################] 50/50");
    assertThat(sink.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
  }
}
