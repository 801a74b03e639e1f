package org.example.inquiry.resolution.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The supervisor's view of metrics-service's KPI reports: the headline figures as tiles and the
 * charts (backlog and resolution SLA attainment per team, inquiries received and resolved per day).
 * Pure: it reads the reports' JSON as the KPI API documents it.
 */
public record KpiBoard(List<Tile> tiles, List<BarChart> charts) {

  /** One headline figure; {@code name} is the KPI's field name in the API. */
  public record Tile(String name, String label, String value) {}

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /**
   * @param overall the report without grouping ({@code groups.all})
   * @param byTeam the report grouped by team
   * @param daily the report with a daily series
   */
  static KpiBoard of(JsonNode overall, JsonNode byTeam, JsonNode daily) {
    JsonNode all = overall.path("groups").path("all");
    List<Tile> tiles = new ArrayList<>();
    tiles.add(count(all, "received", "Received"));
    tiles.add(count(all, "resolved", "Resolved"));
    tiles.add(count(all, "openBacklog", "Open backlog"));
    tiles.add(count(all, "agingBacklog", "Aging backlog"));
    tiles.add(
        new Tile(
            "firstResponseMedian",
            "Median first response",
            duration(all.path("firstResponseSeconds").path("p50"))));
    tiles.add(
        new Tile(
            "resolutionMedian",
            "Median resolution",
            duration(all.path("resolutionSeconds").path("p50"))));
    tiles.add(rate(all, "responseSlaAttainment", "Response SLA met"));
    tiles.add(rate(all, "resolutionSlaAttainment", "Resolution SLA met"));
    tiles.add(rate(all, "firstContactResolutionRate", "First-contact resolution"));
    tiles.add(rate(all, "csatPositiveRate", "CSAT positive"));
    tiles.add(count(all, "actionsApproved", "Actions approved"));
    tiles.add(count(all, "actionsRejected", "Actions rejected"));

    Map<String, Long> backlog = new LinkedHashMap<>();
    Map<String, Double> attainment = new LinkedHashMap<>();
    byTeam
        .path("groups")
        .properties()
        .forEach(
            e -> {
              backlog.put(e.getKey(), e.getValue().path("openBacklog").asLong(0));
              JsonNode met = e.getValue().path("resolutionSlaAttainment");
              if (met.isNumber()) {
                attainment.put(e.getKey(), met.asDouble() * 100);
              }
            });
    Map<String, Long> received = new LinkedHashMap<>();
    Map<String, Long> resolved = new LinkedHashMap<>();
    for (JsonNode bucket : daily.path("series")) {
      String day = DAY.format(Instant.parse(bucket.path("start").asString()));
      received.put(day, bucket.path("kpis").path("received").asLong(0));
      resolved.put(day, bucket.path("kpis").path("resolved").asLong(0));
    }
    List<BarChart> charts = new ArrayList<>();
    charts.add(BarChart.of("Open backlog per team", backlog, n -> Long.toString(n.longValue())));
    charts.add(
        BarChart.of(
            "Resolution SLA met per team (%)",
            attainment, n -> String.format(Locale.ROOT, "%.1f %%", n.doubleValue())));
    charts.add(BarChart.of("Received per day", received, n -> Long.toString(n.longValue())));
    charts.add(BarChart.of("Resolved per day", resolved, n -> Long.toString(n.longValue())));
    return new KpiBoard(tiles, charts);
  }

  /** A tile's value, or null when the board has no such tile. */
  public String value(String name) {
    return tiles.stream()
        .filter(t -> t.name().equals(name))
        .map(Tile::value)
        .findFirst()
        .orElse(null);
  }

  private static Tile count(JsonNode kpis, String name, String label) {
    JsonNode n = kpis.path(name);
    return new Tile(name, label, n.isNumber() ? Long.toString(n.asLong()) : "0");
  }

  private static Tile rate(JsonNode kpis, String name, String label) {
    JsonNode n = kpis.path(name);
    return new Tile(
        name,
        label,
        n.isNumber() ? String.format(Locale.ROOT, "%.1f %%", n.asDouble() * 100) : "–");
  }

  private static String duration(JsonNode seconds) {
    return seconds.isNumber() ? Countdown.span(Duration.ofSeconds(seconds.asLong())) : "–";
  }
}
