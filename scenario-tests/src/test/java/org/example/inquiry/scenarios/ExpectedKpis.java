package org.example.inquiry.scenarios;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The KPIs the scenarios must produce, worked out independently from the case views the agents see
 * (resolution-service), with the definitions of docs/ARCHITECTURE.md#kpis: the oracle the metrics
 * service is checked against.
 */
record ExpectedKpis(
    long received,
    long resolved,
    Double firstContactResolutionRate,
    List<Long> firstResponseSeconds,
    List<Long> resolutionSeconds,
    long openBacklog,
    Double responseSlaAttainment,
    Double resolutionSlaAttainment,
    Double csatPositiveRate,
    long csatResponses,
    Map<String, BigDecimal> adjustments,
    Map<String, BigDecimal> amountInOpenDisputes,
    long actionsApproved,
    long actionsRejected) {

  /**
   * @param cases the case views of every inquiry the scenarios submitted
   * @param ratings the CSAT score given per inquiry id
   * @param now the instant SLA due times are judged at
   */
  static ExpectedKpis from(List<JsonNode> cases, Map<String, Integer> ratings, Instant now) {
    long resolved = 0;
    long fcr = 0;
    List<Long> response = new ArrayList<>();
    List<Long> resolution = new ArrayList<>();
    long open = 0;
    long responseDue = 0;
    long responseMet = 0;
    long resolutionDue = 0;
    long resolutionMet = 0;
    Map<String, BigDecimal> adjustments = new TreeMap<>();
    Map<String, BigDecimal> disputes = new TreeMap<>();
    long approved = 0;
    long rejected = 0;
    for (JsonNode c : cases) {
      Instant received = instant(c.path("context").path("receivedAt"));
      Instant firstResponse = instant(c.path("firstResponseAt"));
      Instant resolvedAt = instant(c.path("resolvedAt"));
      Instant responseDueAt = instant(c.path("responseDueAt"));
      Instant resolutionDueAt = instant(c.path("resolutionDueAt"));
      boolean isResolved = "RESOLVED".equals(c.path("status").asString());
      if (firstResponse != null) {
        response.add(Duration.between(received, firstResponse).toSeconds());
      }
      if (responseDueAt != null && !responseDueAt.isAfter(now)) {
        responseDue++;
        if (firstResponse != null && !firstResponse.isAfter(responseDueAt)) {
          responseMet++;
        }
      }
      if (resolutionDueAt != null && !resolutionDueAt.isAfter(now)) {
        resolutionDue++;
        if (isResolved && !resolvedAt.isAfter(resolutionDueAt)) {
          resolutionMet++;
        }
      }
      if (isResolved) {
        resolved++;
        resolution.add(Duration.between(received, resolvedAt).toSeconds());
        if (c.path("resolution").path("firstContactResolution").asBoolean()) {
          fcr++;
        }
        for (JsonNode a : c.path("actions")) {
          String state = a.path("state").asString();
          if ("APPROVED".equals(state)) {
            adjustments.merge(
                a.path("type").asString() + "/" + a.path("currency").asString(),
                a.path("amount").decimalValue(),
                BigDecimal::add);
            if (a.path("approvalsRequired").asInt() > 0) {
              approved++;
            }
          } else if ("REJECTED".equals(state)) {
            rejected++;
          }
        }
      } else {
        open++;
        boolean dispute = false;
        for (JsonNode t : c.path("types")) {
          dispute |= "dispute".equals(t.asString());
        }
        JsonNode amount = c.path("context").path("amount");
        if (dispute && amount.isNumber()) {
          disputes.merge(
              c.path("context").path("currency").asString(),
              amount.decimalValue(),
              BigDecimal::add);
        }
      }
    }
    long positive = ratings.values().stream().filter(score -> score >= 4).count();
    return new ExpectedKpis(
        cases.size(),
        resolved,
        resolved == 0 ? null : ratio(fcr, resolved),
        response.stream().sorted().toList(),
        resolution.stream().sorted().toList(),
        open,
        responseDue == 0 ? null : ratio(responseMet, responseDue),
        resolutionDue == 0 ? null : ratio(resolutionMet, resolutionDue),
        ratings.isEmpty() ? null : ratio(positive, ratings.size()),
        ratings.size(),
        adjustments,
        disputes,
        approved,
        rejected);
  }

  /** The distribution as metrics reports it: count, average (0.1 s), nearest-rank p50 and p90. */
  static Map<String, Object> distribution(List<Long> sortedSeconds) {
    Map<String, Object> d = new TreeMap<>();
    d.put("count", (long) sortedSeconds.size());
    if (sortedSeconds.isEmpty()) {
      d.put("average", null);
      d.put("p50", null);
      d.put("p90", null);
      return d;
    }
    double average = sortedSeconds.stream().mapToLong(Long::longValue).average().orElse(0);
    d.put("average", Math.round(average * 10) / 10.0);
    d.put("p50", nearestRank(sortedSeconds, 0.5));
    d.put("p90", nearestRank(sortedSeconds, 0.9));
    return d;
  }

  private static long nearestRank(List<Long> sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static Double ratio(long part, long whole) {
    return Math.round(part * 10000.0 / whole) / 10000.0;
  }

  private static Instant instant(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull()
        ? null
        : Instant.parse(node.asString());
  }
}
