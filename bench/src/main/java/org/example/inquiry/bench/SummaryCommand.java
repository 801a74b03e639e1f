package org.example.inquiry.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The run's table (Markdown, for docs/BENCHMARKS.md) and its last line, from the figures every
 * phase appended to the results file.
 */
@Command(name = "summary", description = "the results table and the bench: line")
final class SummaryCommand implements Callable<Integer> {

  @Option(names = "--results", required = true)
  Path resultsFile;

  private Map<String, String> r;

  @Override
  public Integer call() {
    r = new Results(resultsFile).read();
    StringBuilder out = new StringBuilder();
    out.append("\n| measure | pipeline | baseline (same broker, same run) | ratio | target |\n");
    out.append("|---|---|---|---|---|\n");
    row(
        out,
        "burst of " + r.getOrDefault("count", "?") + ", submitted -> routed (records/s)",
        "burst_pipeline_rps",
        "burst_relay_rps",
        "relay chain, " + ThroughputCommand.HOPS + " transactional hops",
        ratio("burst_pipeline_rps", "burst_relay_rps"),
        ">= 0.6");
    out.append(
        String.format(
            Locale.ROOT,
            "| paced at %s/s: p50 / p99 / p99.9 (ms) | %s / %s / %s | %s / %s / %s (relay chain) | p99 x%s | <= 1.5 |%n",
            v("paced_pipeline_rate"),
            v("paced_pipeline_p50_ms"),
            v("paced_pipeline_p99_ms"),
            v("paced_pipeline_p999_ms"),
            v("paced_relay_p50_ms"),
            v("paced_relay_p99_ms"),
            v("paced_relay_p999_ms"),
            ratio("paced_pipeline_p99_ms", "paced_relay_p99_ms")));
    out.append(
        String.format(
            Locale.ROOT,
            "| intake POST /api/v1/inquiries, %s connections (requests/s; p50 / p99 ms) | %s; %s / %s | %s; %s / %s (minimal WebFlux -> Kafka) | %s | >= 0.5 |%n",
            r.getOrDefault("http_connections", "32"),
            v("http_intake_rps"),
            v("http_intake_p50_ms"),
            v("http_intake_p99_ms"),
            v("http_minimal_rps"),
            v("http_minimal_p50_ms"),
            v("http_minimal_p99_ms"),
            ratio("http_intake_rps", "http_minimal_rps")));
    out.append(
        String.format(
            Locale.ROOT,
            "| KPI replay, %s events (events/s) | %s (%s s; %s s from launch) | %s (ConsumerPerformance, same topics) | %s | >= 0.5 |%n",
            v("replay_events"),
            v("replay_eps"),
            v("replay_processing_s"),
            v("replay_s_from_launch"),
            v("cp_eps"),
            ratio("replay_eps", "cp_eps")));
    out.append(
        String.format(
            Locale.ROOT,
            "| burst with 2 instances per stage (records/s) | %s | %s (1 instance) | %s | >= 1.6 |%n",
            v("x2.burst_pipeline_rps"),
            v("burst_pipeline_rps"),
            scale()));
    out.append(
        String.format(
            Locale.ROOT,
            "| all five services ready after start (s) | %s | | | <= 60 |%n",
            v("up_s")));
    out.append(
        "\n| service | heap in use, max (MB) | heap limit (MB) | RSS, max (MB) | CPU per record of"
            + " the burst (ms) | CPU to start (s) |\n");
    out.append("|---|---|---|---|---|---|\n");
    Map<String, String> services = new TreeMap<>();
    r.keySet().stream()
        .filter(k -> k.startsWith("heap_mb."))
        .forEach(k -> services.put(k.substring("heap_mb.".length()), k));
    double maxHeap = Double.NaN;
    for (String s : services.keySet()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              s,
              v("heap_mb." + s),
              v("heap_max_mb." + s),
              v("rss_mb." + s),
              v("cpu_ms_per_record." + s),
              v("startup_cpu_s." + s)));
      double h = d("heap_mb." + s);
      if (!Double.isNaN(h)) {
        maxHeap = Double.isNaN(maxHeap) ? h : Math.max(maxHeap, h);
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nrelay chain: %s ms CPU per record (its %d hops' threads). Records: %s bytes on"
                + " average (InquirySubmitted, Avro); HTTP bodies %s bytes. Load average %s before,"
                + " %s after. %s; JVM flags of the services: %s.%n",
            v("relay_cpu_ms_per_record"),
            ThroughputCommand.HOPS,
            v("record_bytes_mean"),
            v("http_body_bytes_mean"),
            v("load_before"),
            v("load_after"),
            v("machine"),
            v("service_java_opts")));
    for (String phase : new String[] {"http", "replay"}) {
      String lag = r.get("quiet." + phase + ".lag");
      if (lag == null || "0".equals(lag)) {
        continue;
      }
      if (lag.startsWith("-")) {
        out.append(
            String.format(
                Locale.ROOT,
                "%nWhether the stack had caught up before the %s phase is not known: its lag"
                    + " could not be measured.%n",
                phase));
      } else {
        out.append(
            String.format(
                Locale.ROOT,
                "%nThe stack had not caught up before the %s phase: %s records still behind"
                    + " after %s s; that phase shared the cores with the backlog.%n",
                phase,
                lag,
                v("quiet." + phase + ".s")));
      }
    }
    System.out.println(out);
    System.out.printf(
        Locale.ROOT,
        "bench: pipeline_vs_relay=%s p99_vs_relay=%s intake_vs_minimal=%s replay_vs_consumer=%s"
            + " max_heap_mb=%s up_s=%s scale_2x=%s%n",
        ratio("burst_pipeline_rps", "burst_relay_rps"),
        ratio("paced_pipeline_p99_ms", "paced_relay_p99_ms"),
        ratio("http_intake_rps", "http_minimal_rps"),
        ratio("replay_eps", "cp_eps"),
        Double.isNaN(maxHeap) ? "n/a" : String.format(Locale.ROOT, "%.0f", maxHeap),
        v("up_s"),
        scale());
    return 0;
  }

  private String scale() {
    return ratio("x2.burst_pipeline_rps", "burst_pipeline_rps");
  }

  private void row(
      StringBuilder out,
      String measure,
      String pipeline,
      String baseline,
      String baselineName,
      String ratio,
      String target) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s (%s) | %s | %s |%n",
            measure,
            v(pipeline),
            v(baseline),
            baselineName,
            ratio,
            target));
  }

  private String v(String key) {
    return r.getOrDefault(key, "n/a");
  }

  private double d(String key) {
    try {
      return Double.parseDouble(r.get(key));
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private String ratio(String a, String b) {
    double x = d(a);
    double y = d(b);
    if (Double.isNaN(x) || Double.isNaN(y) || y == 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", x / y);
  }
}
