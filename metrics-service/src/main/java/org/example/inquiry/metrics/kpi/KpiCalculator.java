package org.example.inquiry.metrics.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KPI definitions, computed from inquiry facts for a period {@code [from, to)} and a grouping.
 * Pure and exact: the same facts always give the same numbers, so a replay from the log reproduces
 * them. Computed in two steps, {@link #partials} (counts, sums, exact distributions, per group) and
 * {@link #finish}, so that several metrics instances, each holding some partitions' inquiries, give
 * the same KPIs once their partials are {@link #merge merged}. Definitions (also in
 * docs/ARCHITECTURE.md):
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
    return finish(partials(facts, from, to, now, groupBy));
  }

  /**
   * The mergeable form of {@link #compute}: one {@link KpiPartial} per group. Partials of disjoint
   * sets of inquiries (each instance's partitions) {@link #merge merge} into the partials of their
   * union, and {@link #finish} gives exactly what {@code compute} over the union gives.
   */
  public static Map<String, KpiPartial> partials(
      Collection<InquiryFacts> facts, Instant from, Instant to, Instant now, GroupBy groupBy) {
    Map<String, KpiPartial> groups = new TreeMap<>();
    for (InquiryFacts f : facts) {
      add(groups, f, from, to, now, groupBy);
    }
    return groups;
  }

  /** Adds one inquiry's facts to the partials of its groups ({@link #partials}, one at a time). */
  static void add(
      Map<String, KpiPartial> groups,
      InquiryFacts f,
      Instant from,
      Instant to,
      Instant now,
      GroupBy groupBy) {
    for (String group : groupsOf(f, groupBy)) {
      groups.computeIfAbsent(group, g -> new KpiPartial()).add(f, from, to, now);
    }
  }

  /** Adds {@code other}'s partials into {@code into}, group by group; returns {@code into}. */
  public static Map<String, KpiPartial> merge(
      Map<String, KpiPartial> into, Map<String, KpiPartial> other) {
    other.forEach(
        (group, partial) -> {
          KpiPartial mine = into.get(group);
          if (mine == null) {
            into.put(group, new KpiPartial().merge(partial));
          } else {
            mine.merge(partial);
          }
        });
    return into;
  }

  /** The KPIs of each group, in group order. */
  public static Map<String, Kpis> finish(Map<String, KpiPartial> partials) {
    Map<String, Kpis> result = new LinkedHashMap<>();
    new TreeMap<>(partials).forEach((group, partial) -> result.put(group, partial.finish()));
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
}
