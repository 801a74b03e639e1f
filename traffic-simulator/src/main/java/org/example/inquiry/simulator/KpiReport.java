package org.example.inquiry.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Renders metrics-service's {@code GET /api/v1/kpis} answer as a readable two-column table:
 * whatever the {@code all} group holds (rates as percentages, seconds as durations, maps and top
 * lists inline), then the stage event and dead-letter counts.
 */
final class KpiReport {

  private KpiReport() {}

  static List<String> lines(JsonNode kpis) {
    List<String> rows = new ArrayList<>();
    JsonNode all = kpis.path("groups").path("all");
    if (all.isMissingNode() || all.isNull()) {
      rows.add(row("(no KPIs yet)", ""));
    } else {
      for (Map.Entry<String, JsonNode> e : all.properties()) {
        add(rows, label(e.getKey()), e.getKey(), e.getValue());
      }
    }
    JsonNode stages = kpis.path("stageEvents");
    if (stages.isObject() && !stages.isEmpty()) {
      rows.add(row("stage events", inline(stages, false)));
    }
    JsonNode dead = kpis.path("deadLetters");
    if (dead.isObject()) {
      List<String> nonZero = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : dead.properties()) {
        if (e.getValue().asLong(0) != 0) {
          nonZero.add(e.getKey() + " " + e.getValue().asString());
        }
      }
      rows.add(
          row(
              "dead letters",
              nonZero.isEmpty()
                  ? "none (" + dead.size() + " dead-letter topics watched)"
                  : String.join(", ", nonZero)));
    }
    return rows;
  }

  private static void add(List<String> rows, String label, String key, JsonNode value) {
    if (value.isObject() && value.has("count") && value.has("average")) {
      rows.add(
          row(
              label,
              value.path("count").asInt()
                  + " measured"
                  + (value.path("average").isNull()
                      ? ""
                      : ": average "
                          + duration(value.path("average").asDouble())
                          + ", p50 "
                          + duration(value.path("p50").asDouble())
                          + ", p90 "
                          + duration(value.path("p90").asDouble()))));
    } else if (value.isObject()) {
      rows.add(row(label, value.isEmpty() ? "none" : inline(value, key.endsWith("Seconds"))));
    } else if (value.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : value) {
        items.add(
            item.has("name")
                ? item.path("name").asString()
                    + " "
                    + item.path("count").asLong()
                    + (item.has("previous")
                        ? " (before " + item.path("previous").asLong() + ")"
                        : "")
                : item.toString());
      }
      rows.add(row(label, items.isEmpty() ? "none" : String.join(", ", items)));
    } else if (value.isNull()) {
      rows.add(row(label, "-"));
    } else if (key.endsWith("Rate") || key.endsWith("Attainment")) {
      rows.add(row(label, String.format(Locale.ROOT, "%.1f %%", value.asDouble() * 100)));
    } else if (key.endsWith("Seconds")) {
      rows.add(row(label, duration(value.asDouble())));
    } else {
      rows.add(row(label, value.asString()));
    }
  }

  private static String inline(JsonNode object, boolean durations) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      JsonNode v = e.getValue();
      String shown =
          v.isNull() ? "-" : durations && v.isNumber() ? duration(v.asDouble()) : v.asString();
      parts.add(e.getKey() + " " + shown);
    }
    return String.join(", ", parts);
  }

  /** camelCase to words: firstContactResolutionRate -> first contact resolution rate. */
  static String label(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }
    return String.format(
        Locale.ROOT, "%d h %02d min", (long) seconds / 3600, ((long) seconds % 3600) / 60);
  }

  private static String row(String label, String value) {
    return String.format(Locale.ROOT, "  %-34s %s", label, value);
  }
}
