package org.example.inquiry.metrics.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The KPI definitions, computed from inquiry facts for a period {@code [from, to)} and a grouping.
 * Pure and exact: the same facts always give the same numbers, so a replay from the log reproduces
 * them. Definitions (also in docs/ARCHITECTURE.md):
 *
 * <ul>
 *   <li>first-contact resolution rate = resolved at first contact / resolved, for inquiries
 *       resolved in the period;
 *   <li>first response and resolution time: from receipt, for responses / resolutions in the period
 *       (average, p50, p90, nearest rank);
 *   <li>cycle time from receipt to each later stage, for stages reached in the period;
 *   <li>backlog: open now; aging backlog: open now and past the resolution due time;
 *   <li>SLA attainment: met / due, for targets falling due in the period and not in the future;
 *   <li>CSAT: ratings of 4 or 5 / ratings, for ratings in the period;
 *   <li>financial impact: adjustments of inquiries resolved in the period by type and currency,
 *       written off, amounts in open disputes, approved vs rejected actions;
 *   <li>recurring issues: types and root causes of inquiries resolved in the period, with the
 *       change against the previous period of the same length.
 * </ul>
 */
public final class KpiCalculator {

  /** Grouping dimensions; an inquiry worked by two teams counts in both teams' groups. */
  public enum GroupBy {
    NONE,
    TEAM,
    TYPE,
    CHANNEL,
    PRIORITY
  }

  /** Distribution of durations in seconds. */
  public record Durations(int count, Double average, Long p50, Long p90) {}

  /** One count with its change against the previous period. */
  public record Trend(String name, long count, long previous) {}

  /** The KPIs of one group. */
  public record Kpis(
      long received,
      long resolved,
      Double firstContactResolutionRate,
      Durations firstResponseSeconds,
      Durations resolutionSeconds,
      Map<String, Double> averageCycleSeconds,
      long openBacklog,
      long agingBacklog,
      Double responseSlaAttainment,
      Double resolutionSlaAttainment,
      Double csatPositiveRate,
      long csatResponses,
      Map<String, BigDecimal> adjustments,
      Map<String, BigDecimal> writtenOff,
      Map<String, BigDecimal> amountInOpenDisputes,
      long actionsApproved,
      long actionsRejected,
      List<Trend> topTypes,
      List<Trend> topRootCauses) {}

  private KpiCalculator() {}

  public static Map<String, Kpis> compute(
      Collection<InquiryFacts> facts, Instant from, Instant to, Instant now, GroupBy groupBy) {
    Map<String, List<InquiryFacts>> groups = new TreeMap<>();
    for (InquiryFacts f : facts) {
      for (String group : groupsOf(f, groupBy)) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(f);
      }
    }
    Map<String, Kpis> result = new LinkedHashMap<>();
    groups.forEach((group, members) -> result.put(group, kpis(members, from, to, now)));
    return result;
  }

  static List<String> groupsOf(InquiryFacts f, GroupBy groupBy) {
    return switch (groupBy) {
      case NONE -> List.of("all");
      case TEAM -> f.teams.isEmpty() ? List.of("unrouted") : f.teams;
      case TYPE -> f.types.isEmpty() ? List.of("unclassified") : f.types;
      case CHANNEL -> List.of(f.channel == null ? "unknown" : f.channel);
      case PRIORITY -> List.of(f.priorityBand());
    };
  }

  static Kpis kpis(List<InquiryFacts> facts, Instant from, Instant to, Instant now) {
    Predicate<Instant> inPeriod = t -> t != null && !t.isBefore(from) && t.isBefore(to);
    List<InquiryFacts> resolved =
        facts.stream().filter(f -> f.isResolved() && inPeriod.test(f.resolvedAt)).toList();
    long fcr = resolved.stream().filter(f -> f.firstContactResolution).count();

    Map<String, Double> cycles = new LinkedHashMap<>();
    cycles.put("received_to_classified", averageSeconds(facts, f -> f.classifiedAt, inPeriod));
    cycles.put("received_to_routed", averageSeconds(facts, f -> f.routedAt, inPeriod));
    cycles.put(
        "received_to_first_response", averageSeconds(facts, f -> f.firstResponseAt, inPeriod));
    cycles.put(
        "received_to_first_approval", averageSeconds(facts, f -> f.firstApprovalAt, inPeriod));
    cycles.put("received_to_resolved", averageSeconds(resolved, f -> f.resolvedAt, inPeriod));

    List<InquiryFacts> responseDue =
        facts.stream()
            .filter(f -> inPeriod.test(f.responseDueAt) && !f.responseDueAt.isAfter(now))
            .toList();
    long responseMet =
        responseDue.stream()
            .filter(f -> f.firstResponseAt != null && !f.firstResponseAt.isAfter(f.responseDueAt))
            .count();
    List<InquiryFacts> resolutionDue =
        facts.stream()
            .filter(f -> inPeriod.test(f.resolutionDueAt) && !f.resolutionDueAt.isAfter(now))
            .toList();
    long resolutionMet =
        resolutionDue.stream()
            .filter(f -> f.isResolved() && !f.resolvedAt.isAfter(f.resolutionDueAt))
            .count();

    List<InquiryFacts> rated =
        facts.stream().filter(f -> f.csatScore != null && inPeriod.test(f.ratedAt)).toList();
    long positive = rated.stream().filter(f -> f.csatScore >= 4).count();

    Map<String, BigDecimal> adjustments = new TreeMap<>();
    Map<String, BigDecimal> writtenOff = new TreeMap<>();
    for (InquiryFacts f : resolved) {
      for (InquiryFacts.Adjustment a : f.adjustments) {
        adjustments.merge(a.type() + "/" + a.currency(), a.amount(), BigDecimal::add);
        if ("WRITE_OFF".equals(a.type())) {
          writtenOff.merge(a.currency(), a.amount(), BigDecimal::add);
        }
      }
    }
    Map<String, BigDecimal> disputed = new TreeMap<>();
    facts.stream()
        .filter(f -> f.isOpen() && f.types.contains("dispute") && f.amount != null)
        .forEach(f -> disputed.merge(f.currency, f.amount, BigDecimal::add));

    Duration length = Duration.between(from, to);
    Instant previousFrom = from.minus(length);
    Predicate<Instant> inPrevious = t -> t != null && !t.isBefore(previousFrom) && t.isBefore(from);
    List<InquiryFacts> resolvedBefore =
        facts.stream().filter(f -> f.isResolved() && inPrevious.test(f.resolvedAt)).toList();

    return new Kpis(
        facts.stream().filter(f -> inPeriod.test(f.receivedAt)).count(),
        resolved.size(),
        resolved.isEmpty() ? null : ratio(fcr, resolved.size()),
        durations(facts, f -> f.firstResponseAt, inPeriod),
        durations(resolved, f -> f.resolvedAt, inPeriod),
        cycles,
        facts.stream().filter(InquiryFacts::isOpen).count(),
        facts.stream()
            .filter(f -> f.isOpen() && f.resolutionDueAt != null && now.isAfter(f.resolutionDueAt))
            .count(),
        responseDue.isEmpty() ? null : ratio(responseMet, responseDue.size()),
        resolutionDue.isEmpty() ? null : ratio(resolutionMet, resolutionDue.size()),
        rated.isEmpty() ? null : ratio(positive, rated.size()),
        rated.size(),
        adjustments,
        writtenOff,
        disputed,
        resolved.stream().mapToLong(f -> f.approvalsApproved).sum(),
        resolved.stream().mapToLong(f -> f.approvalsRejected).sum(),
        trends(resolved, resolvedBefore, f -> f.types),
        trends(
            resolved, resolvedBefore, f -> f.rootCause == null ? List.of() : List.of(f.rootCause)));
  }

  private static Double ratio(long part, long whole) {
    return Math.round(part * 10000.0 / whole) / 10000.0;
  }

  private static Durations durations(
      List<InquiryFacts> facts, Function<InquiryFacts, Instant> end, Predicate<Instant> inPeriod) {
    List<Long> seconds =
        facts.stream()
            .filter(f -> f.receivedAt != null && inPeriod.test(end.apply(f)))
            .map(f -> Duration.between(f.receivedAt, end.apply(f)).toSeconds())
            .sorted()
            .toList();
    if (seconds.isEmpty()) {
      return new Durations(0, null, null, null);
    }
    double average =
        Math.round(seconds.stream().mapToLong(Long::longValue).average().orElse(0) * 10) / 10.0;
    return new Durations(
        seconds.size(), average, nearestRank(seconds, 0.5), nearestRank(seconds, 0.9));
  }

  static long nearestRank(List<Long> sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static Double averageSeconds(
      List<InquiryFacts> facts, Function<InquiryFacts, Instant> end, Predicate<Instant> inPeriod) {
    return durations(facts, end, inPeriod).average();
  }

  private static List<Trend> trends(
      List<InquiryFacts> now,
      List<InquiryFacts> before,
      Function<InquiryFacts, List<String>> names) {
    Map<String, Long> current = new TreeMap<>();
    now.forEach(f -> names.apply(f).forEach(n -> current.merge(n, 1L, Long::sum)));
    Map<String, Long> previous = new TreeMap<>();
    before.forEach(f -> names.apply(f).forEach(n -> previous.merge(n, 1L, Long::sum)));
    return current.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .map(e -> new Trend(e.getKey(), e.getValue(), previous.getOrDefault(e.getKey(), 0L)))
        .toList();
  }
}
