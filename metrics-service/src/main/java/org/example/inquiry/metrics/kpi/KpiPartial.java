package org.example.inquiry.metrics.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KPIs of one group in mergeable form: counts, sums and exact distributions instead of ratios,
 * averages and percentiles. Each metrics instance folds the inquiries of its own partitions into
 * partials; the instance asked merges them and {@link #finish() finishes} the KPIs. Merging is
 * exact (integer counts, exact second histograms, {@link BigDecimal} sums), so the KPIs are the
 * same whatever the split: one instance or many, any partition assignment.
 *
 * <p>Fields are public for the JSON exchange between instances ({@code GET /api/v1/kpis/share}).
 */
public final class KpiPartial {

  /** The cycle-time stages, in the order the KPIs list them. */
  static final List<String> CYCLES =
      List.of(
          "received_to_classified",
          "received_to_routed",
          "received_to_first_response",
          "received_to_first_approval",
          "received_to_resolved");

  public long received;
  public long resolved;
  public long firstContact;
  public Distribution firstResponse = new Distribution();
  public Distribution resolution = new Distribution();
  public Map<String, SumCount> cycles = new LinkedHashMap<>();
  public long openBacklog;
  public long agingBacklog;
  public long responseDue;
  public long responseMet;
  public long resolutionDue;
  public long resolutionMet;
  public long rated;
  public long ratedPositive;
  public Map<String, BigDecimal> adjustments = new TreeMap<>();
  public Map<String, BigDecimal> writtenOff = new TreeMap<>();
  public Map<String, BigDecimal> amountInOpenDisputes = new TreeMap<>();
  public long actionsApproved;
  public long actionsRejected;
  public Map<String, Long> types = new TreeMap<>();
  public Map<String, Long> typesBefore = new TreeMap<>();
  public Map<String, Long> rootCauses = new TreeMap<>();
  public Map<String, Long> rootCausesBefore = new TreeMap<>();

  public KpiPartial() {
    CYCLES.forEach(c -> cycles.put(c, new SumCount()));
  }

  /** Exact distribution of whole seconds: how many durations of each length. */
  public static final class Distribution {
    public TreeMap<Long, Long> seconds = new TreeMap<>();

    void add(long value) {
      seconds.merge(value, 1L, Long::sum);
    }

    void merge(Distribution other) {
      other.seconds.forEach((s, n) -> seconds.merge(s, n, Long::sum));
    }

    KpiCalculator.Durations finish() {
      long count = 0;
      long sum = 0;
      for (Map.Entry<Long, Long> e : seconds.entrySet()) {
        count += e.getValue();
        sum += e.getKey() * e.getValue();
      }
      if (count == 0) {
        return new KpiCalculator.Durations(0, null, null, null);
      }
      return new KpiCalculator.Durations(
          (int) count,
          roundedAverage(sum, count),
          nearestRank(count, 0.5),
          nearestRank(count, 0.9));
    }

    /** The value at rank ceil(q * n) of the sorted durations (as {@code nearestRank} does). */
    private long nearestRank(long count, double quantile) {
      long rank = Math.max(1, (long) Math.ceil(quantile * count));
      long seen = 0;
      for (Map.Entry<Long, Long> e : seconds.entrySet()) {
        seen += e.getValue();
        if (seen >= rank) {
          return e.getKey();
        }
      }
      return seconds.lastKey();
    }
  }

  /** A sum of whole seconds and how many were added: enough for an exact average. */
  public static final class SumCount {
    public long sum;
    public long count;

    void add(long value) {
      sum += value;
      count++;
    }

    void merge(SumCount other) {
      sum += other.sum;
      count += other.count;
    }

    Double average() {
      return count == 0 ? null : roundedAverage(sum, count);
    }
  }

  /** The average to one decimal, computed as {@code LongStream.average()} does: sum / count. */
  static double roundedAverage(long sum, long count) {
    return Math.round((double) sum / count * 10) / 10.0;
  }

  /** Folds one inquiry into this group's partial for the period {@code [from, to)}. */
  void add(InquiryFacts f, Instant from, Instant to, Instant now) {
    boolean resolvedInPeriod = f.isResolved() && in(f.resolvedAt, from, to);
    if (in(f.receivedAt, from, to)) {
      received++;
    }
    if (resolvedInPeriod) {
      resolved++;
      if (f.firstContactResolution) {
        firstContact++;
      }
      for (InquiryFacts.Adjustment a : f.adjustments) {
        adjustments.merge(a.type() + "/" + a.currency(), a.amount(), BigDecimal::add);
        if ("WRITE_OFF".equals(a.type())) {
          writtenOff.merge(a.currency(), a.amount(), BigDecimal::add);
        }
      }
      actionsApproved += f.approvalsApproved;
      actionsRejected += f.approvalsRejected;
      f.types.forEach(t -> types.merge(t, 1L, Long::sum));
      if (f.rootCause != null) {
        rootCauses.merge(f.rootCause, 1L, Long::sum);
      }
    }
    if (f.receivedAt != null) {
      cycle("received_to_classified", f, f.classifiedAt, from, to);
      cycle("received_to_routed", f, f.routedAt, from, to);
      cycle("received_to_first_response", f, f.firstResponseAt, from, to);
      cycle("received_to_first_approval", f, f.firstApprovalAt, from, to);
      if (in(f.firstResponseAt, from, to)) {
        firstResponse.add(seconds(f, f.firstResponseAt));
      }
      if (resolvedInPeriod) {
        cycle("received_to_resolved", f, f.resolvedAt, from, to);
        resolution.add(seconds(f, f.resolvedAt));
      }
    }
    if (f.isOpen()) {
      openBacklog++;
      Instant due = f.resolutionDue(now);
      if (due != null && now.isAfter(due)) {
        agingBacklog++;
      }
      if (f.types.contains("dispute") && f.amount != null) {
        amountInOpenDisputes.merge(f.currency, f.amount, BigDecimal::add);
      }
    }
    if (in(f.responseDueAt, from, to) && !f.responseDueAt.isAfter(now)) {
      responseDue++;
      if (f.firstResponseAt != null && !f.firstResponseAt.isAfter(f.responseDueAt)) {
        responseMet++;
      }
    }
    Instant dueNow = f.resolutionDue(now);
    if (in(dueNow, from, to) && !dueNow.isAfter(now)) {
      resolutionDue++;
      if (f.isResolved() && !f.resolvedAt.isAfter(dueNow)) {
        resolutionMet++;
      }
    }
    if (f.csatScore != null && in(f.ratedAt, from, to)) {
      rated++;
      if (f.csatScore >= 4) {
        ratedPositive++;
      }
    }
    Instant previousFrom = from.minus(Duration.between(from, to));
    if (f.isResolved() && in(f.resolvedAt, previousFrom, from)) {
      f.types.forEach(t -> typesBefore.merge(t, 1L, Long::sum));
      if (f.rootCause != null) {
        rootCausesBefore.merge(f.rootCause, 1L, Long::sum);
      }
    }
  }

  private void cycle(String name, InquiryFacts f, Instant end, Instant from, Instant to) {
    if (in(end, from, to)) {
      cycles.get(name).add(seconds(f, end));
    }
  }

  private static long seconds(InquiryFacts f, Instant end) {
    return Duration.between(f.receivedAt, end).toSeconds();
  }

  private static boolean in(Instant t, Instant from, Instant to) {
    return t != null && !t.isBefore(from) && t.isBefore(to);
  }

  /** Adds another partial of the same group, query and period into this one. */
  KpiPartial merge(KpiPartial o) {
    received += o.received;
    resolved += o.resolved;
    firstContact += o.firstContact;
    firstResponse.merge(o.firstResponse);
    resolution.merge(o.resolution);
    o.cycles.forEach((name, sc) -> cycles.computeIfAbsent(name, n -> new SumCount()).merge(sc));
    openBacklog += o.openBacklog;
    agingBacklog += o.agingBacklog;
    responseDue += o.responseDue;
    responseMet += o.responseMet;
    resolutionDue += o.resolutionDue;
    resolutionMet += o.resolutionMet;
    rated += o.rated;
    ratedPositive += o.ratedPositive;
    o.adjustments.forEach((k, v) -> adjustments.merge(k, v, BigDecimal::add));
    o.writtenOff.forEach((k, v) -> writtenOff.merge(k, v, BigDecimal::add));
    o.amountInOpenDisputes.forEach((k, v) -> amountInOpenDisputes.merge(k, v, BigDecimal::add));
    actionsApproved += o.actionsApproved;
    actionsRejected += o.actionsRejected;
    o.types.forEach((k, v) -> types.merge(k, v, Long::sum));
    o.typesBefore.forEach((k, v) -> typesBefore.merge(k, v, Long::sum));
    o.rootCauses.forEach((k, v) -> rootCauses.merge(k, v, Long::sum));
    o.rootCausesBefore.forEach((k, v) -> rootCausesBefore.merge(k, v, Long::sum));
    return this;
  }

  /** The KPIs of the merged partial. */
  KpiCalculator.Kpis finish() {
    Map<String, Double> averageCycles = new LinkedHashMap<>();
    CYCLES.forEach(c -> averageCycles.put(c, cycles.getOrDefault(c, new SumCount()).average()));
    return new KpiCalculator.Kpis(
        received,
        resolved,
        resolved == 0 ? null : ratio(firstContact, resolved),
        firstResponse.finish(),
        resolution.finish(),
        averageCycles,
        openBacklog,
        agingBacklog,
        responseDue == 0 ? null : ratio(responseMet, responseDue),
        resolutionDue == 0 ? null : ratio(resolutionMet, resolutionDue),
        rated == 0 ? null : ratio(ratedPositive, rated),
        rated,
        new TreeMap<>(adjustments),
        new TreeMap<>(writtenOff),
        new TreeMap<>(amountInOpenDisputes),
        actionsApproved,
        actionsRejected,
        trends(types, typesBefore),
        trends(rootCauses, rootCausesBefore));
  }

  private static Double ratio(long part, long whole) {
    return Math.round(part * 10000.0 / whole) / 10000.0;
  }

  private static List<KpiCalculator.Trend> trends(
      Map<String, Long> current, Map<String, Long> previous) {
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
