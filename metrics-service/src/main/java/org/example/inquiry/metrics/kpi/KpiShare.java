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
    Folding folding = new Folding(query);
    facts.forEach(folding::add);
    return folding.share(partitions, stageEvents, deadLetters);
  }

  /**
   * Folds an instance's inquiries into its share one at a time, as its store is read: a query holds
   * the partials, never every inquiry's facts at once.
   */
  static final class Folding {
    private final KpiQuery query;
    private final List<KpiQuery.Bucket> buckets;
    private final Map<String, KpiPartial> groups = new TreeMap<>();
    private final List<Map<String, KpiPartial>> series = new ArrayList<>();

    Folding(KpiQuery query) {
      this.query = query;
      this.buckets = query.buckets();
      buckets.forEach(b -> series.add(new TreeMap<>()));
    }

    void add(InquiryFacts f) {
      KpiCalculator.add(groups, f, query.from(), query.to(), query.now(), query.groupBy());
      for (int i = 0; i < buckets.size(); i++) {
        KpiQuery.Bucket b = buckets.get(i);
        KpiCalculator.add(
            series.get(i), f, b.start(), b.end(), query.now(), KpiCalculator.GroupBy.NONE);
      }
    }

    KpiShare share(
        List<String> partitions, Map<String, Long> stageEvents, Map<String, Long> deadLetters) {
      List<KpiPartial> buckets = new ArrayList<>(series.size());
      series.forEach(bucket -> buckets.add(bucket.get("all")));
      return new KpiShare(partitions, groups, buckets, stageEvents, deadLetters);
    }
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
