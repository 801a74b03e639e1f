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
 * The KPI computation as it was before it became mergeable (one pass over all inquiries, sorted
 * lists for the percentiles): the oracle the partial-and-merge computation must equal exactly.
 */
final class DirectKpis {

  private DirectKpis() {}

  static Map<String, KpiCalculator.Kpis> compute(
      Collection<InquiryFacts> facts,
      Instant from,
      Instant to,
      Instant now,
      KpiCalculator.GroupBy groupBy) {
    Map<String, List<InquiryFacts>> groups = new TreeMap<>();
    for (InquiryFacts f : facts) {
      for (String group : groupsOf(f, groupBy)) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(f);
      }
    }
    Map<String, KpiCalculator.Kpis> result = new LinkedHashMap<>();
    groups.forEach((group, members) -> result.put(group, kpis(members, from, to, now)));
    return result;
  }

  static List<String> groupsOf(InquiryFacts f, KpiCalculator.GroupBy groupBy) {
    return switch (groupBy) {
      case NONE -> List.of("all");
      case TEAM -> f.teams.isEmpty() ? List.of("unrouted") : f.teams;
      case TYPE -> f.types.isEmpty() ? List.of("unclassified") : f.types;
      case CHANNEL -> List.of(f.channel == null ? "unknown" : f.channel);
      case PRIORITY -> List.of(f.priorityBand());
    };
  }

  static KpiCalculator.Kpis kpis(List<InquiryFacts> facts, Instant from, Instant to, Instant now) {
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

    return new KpiCalculator.Kpis(
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

  private static KpiCalculator.Durations durations(
      List<InquiryFacts> facts, Function<InquiryFacts, Instant> end, Predicate<Instant> inPeriod) {
    List<Long> seconds =
        facts.stream()
            .filter(f -> f.receivedAt != null && inPeriod.test(end.apply(f)))
            .map(f -> Duration.between(f.receivedAt, end.apply(f)).toSeconds())
            .sorted()
            .toList();
    if (seconds.isEmpty()) {
      return new KpiCalculator.Durations(0, null, null, null);
    }
    double average =
        Math.round(seconds.stream().mapToLong(Long::longValue).average().orElse(0) * 10) / 10.0;
    return new KpiCalculator.Durations(
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

  private static List<KpiCalculator.Trend> trends(
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
        .map(
            e ->
                new KpiCalculator.Trend(
                    e.getKey(), e.getValue(), previous.getOrDefault(e.getKey(), 0L)))
        .toList();
  }
}
