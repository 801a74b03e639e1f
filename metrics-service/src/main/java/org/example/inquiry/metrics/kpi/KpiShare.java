package org.example.inquiry.metrics.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one metrics instance knows for a {@link KpiQuery}: the partials of the inquiries in its
 * partitions, per group and per series bucket, its partitions' event and dead-letter counts, and
 * which topic partitions those came from (so the instance that merges can check that every
 * partition counted exactly once).
 *
 * @param partitions the topic partitions ({@code topic-partition}) whose stores were read
 * @param series one partial per bucket of the query's series; null where this instance has no
 *     inquiries at all
 */
public record KpiShare(
    List<String> partitions,
    Map<String, KpiPartial> groups,
    List<KpiPartial> series,
    Map<String, Long> stageEvents,
    Map<String, Long> deadLetters) {

  /** This instance's share: the KPI partials of its own inquiries. */
  static KpiShare of(
      List<String> partitions,
      Collection<InquiryFacts> facts,
      KpiQuery query,
      Map<String, Long> stageEvents,
      Map<String, Long> deadLetters) {
    List<KpiPartial> series = new ArrayList<>();
    for (KpiQuery.Bucket b : query.buckets()) {
      series.add(
          KpiCalculator.partials(facts, b.start(), b.end(), query.now(), KpiCalculator.GroupBy.NONE)
              .get("all"));
    }
    return new KpiShare(
        partitions,
        KpiCalculator.partials(facts, query.from(), query.to(), query.now(), query.groupBy()),
        series,
        stageEvents,
        deadLetters);
  }

  /** The shares of disjoint sets of partitions, added together. */
  static KpiShare merge(List<KpiShare> shares) {
    List<String> partitions = new ArrayList<>();
    Map<String, KpiPartial> groups = new TreeMap<>();
    List<KpiPartial> series = new ArrayList<>();
    Map<String, Long> stages = new TreeMap<>();
    Map<String, Long> deadLetters = new TreeMap<>();
    for (KpiShare share : shares) {
      partitions.addAll(share.partitions());
      KpiCalculator.merge(groups, share.groups());
      for (int i = 0; i < share.series().size(); i++) {
        if (series.size() <= i) {
          series.add(null);
        }
        KpiPartial bucket = share.series().get(i);
        if (bucket != null) {
          series.set(
              i,
              series.get(i) == null ? new KpiPartial().merge(bucket) : series.get(i).merge(bucket));
        }
      }
      share.stageEvents().forEach((k, v) -> stages.merge(k, v, Long::sum));
      share.deadLetters().forEach((k, v) -> deadLetters.merge(k, v, Long::sum));
    }
    return new KpiShare(partitions, groups, series, stages, deadLetters);
  }
}
