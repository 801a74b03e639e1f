package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules are valid for Prometheus (promtool), and name the metrics we think they do.
 */
class AlertRulesTest {

  @Test
  void promtoolAcceptsTheAlertingRules() throws IOException, InterruptedException {
    boolean available = commandExists("promtool");
    if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(
          "promtool is missing on CI: .ci/run installs the Debian package prometheus");
    }
    assumeTrue(available, "promtool not installed (apt-get install prometheus); CI installs it");
    Process check =
        new ProcessBuilder("promtool", "check", "rules", MonitoringFiles.ALERTS.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS");
  }

  @Test
  void theMonitoringFilesReferenceTheKpiAndPipelineMetrics() {
    assertThat(MonitoringFiles.referencedMetrics())
        .contains(
            "inquiry_kpi_sla_attainment_ratio",
            "inquiry_kpi_backlog_open",
            "inquiry_kpi_backlog_aging",
            "inquiry_dead_letters",
            "kafka_consumer_fetch_manager_records_lag_max",
            "inquiry_stage_events",
            "http_server_requests_seconds_bucket")
        .doesNotContain("up", "rate", "by", "application", "consumer", "kind");
  }

  private static boolean commandExists(String command) {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
