package org.example.inquiry.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the alerting rules and the Grafana dashboard query. */
final class MonitoringFiles {

  static final Path ALERTS = Path.of("../deploy/prometheus/alerts.yml");
  static final Path DASHBOARD = Path.of("../deploy/grafana/dashboards/inquiry-kpis.json");

  /** PromQL functions, keywords and Prometheus' own series: not metrics a service exports. */
  private static final Set<String> NOT_METRICS =
      Set.of(
          "rate",
          "delta",
          "increase",
          "max",
          "min",
          "sum",
          "avg",
          "by",
          "without",
          "histogram_quantile",
          "le",
          "up",
          "on",
          "and",
          "or",
          "unless");

  private static final Pattern EXPR =
      Pattern.compile("(?:expr|\\\"expr\\\")\\s*:\\s*\\\"?(.+?)\\\"?,?$", Pattern.MULTILINE);
  private static final Pattern NAME =
      Pattern.compile("(?<![\\w{\\\"=~.$])([a-z_][a-z0-9_]*)(?=\\s*(\\{|\\[|\\)|>|<|==|\\*|$))");

  private MonitoringFiles() {}

  static Set<String> referencedMetrics() {
    Set<String> names = new TreeSet<>();
    for (Path file : new Path[] {ALERTS, DASHBOARD}) {
      try {
        Matcher expr = EXPR.matcher(Files.readString(file));
        while (expr.find()) {
          // Label selectors and grouping labels (by/without/on/ignoring) are no metric names.
          String query =
              expr.group(1)
                  .replaceAll("\\{[^}]*\\}", "{}")
                  .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
          Matcher name = NAME.matcher(query);
          while (name.find()) {
            String metric = name.group(1);
            if (!NOT_METRICS.contains(metric)) {
              names.add(metric);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }
}
