package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several metrics instances give exactly the KPIs of one: the inquiries split at random between
 * instances, each instance's share sent through JSON as between instances, merged and finished,
 * equal (to the last BigDecimal scale) the direct computation over all inquiries.
 */
class KpiMergeTest {

  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant TO = Instant.parse("2026-11-11T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-08T12:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> TEAMS = List.of("billing", "credit", "operations", "treasury");
  static final List<String> TYPES = List.of("dispute", "refund", "letter-of-credit", "kyc");

  static List<InquiryFacts> randomFacts(Random random, int count) {
    List<InquiryFacts> facts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      InquiryFacts f = new InquiryFacts();
      f.inquiryId = "i" + i;
      // From before the previous period to after the end, so every boundary is crossed.
      Instant received = FROM.minus(Duration.ofDays(12)).plusSeconds(random.nextInt(24 * 86400));
      if (random.nextInt(20) > 0) {
        f.receivedAt = received;
      }
      f.channel =
          random.nextInt(10) == 0 ? null : List.of("PORTAL", "EMAIL").get(random.nextInt(2));
      f.types = pick(random, TYPES);
      f.teams = pick(random, TEAMS);
      f.priority = random.nextInt(100);
      if (random.nextBoolean()) {
        f.classifiedAt = received.plusSeconds(random.nextInt(30));
      }
      if (random.nextInt(4) > 0) {
        f.routedAt = received.plusSeconds(1 + random.nextInt(60));
        f.responseDueAt = received.plus(Duration.ofHours(1 + random.nextInt(8)));
        f.resolutionDueAt = received.plus(Duration.ofHours(8 + random.nextInt(72)));
      }
      if (random.nextInt(3) > 0) {
        f.firstResponseAt = received.plusSeconds(random.nextInt(6 * 3600));
      }
      if (random.nextInt(4) == 0) {
        f.firstApprovalAt = received.plusSeconds(random.nextInt(20 * 3600));
        f.approvalsApproved = random.nextInt(3);
        f.approvalsRejected = random.nextInt(2);
      }
      if (random.nextInt(3) > 0) {
        f.resolvedAt = received.plusSeconds(60 + random.nextInt(3 * 86400));
        f.resolutions = 1;
        f.firstContactResolution = random.nextBoolean();
        f.rootCause = random.nextInt(3) == 0 ? null : "cause-" + random.nextInt(14);
        List<InquiryFacts.Adjustment> adjustments = new ArrayList<>();
        for (int a = random.nextInt(3); a > 0; a--) {
          adjustments.add(
              new InquiryFacts.Adjustment(
                  List.of("REBILL", "WRITE_OFF", "CREDIT_NOTE").get(random.nextInt(3)),
                  new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(5)),
                  List.of("USD", "EUR").get(random.nextInt(2))));
        }
        f.adjustments = adjustments;
        if (random.nextInt(8) == 0) {
          f.reopenings = 1;
          f.lastReopenedAt = f.resolvedAt.plusSeconds(random.nextInt(7200) - 3600);
        }
      }
      if (random.nextInt(3) == 0) {
        f.amount = new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(3));
        f.currency = List.of("USD", "EUR").get(random.nextInt(2));
      }
      if (random.nextInt(3) == 0) {
        f.csatScore = 1 + random.nextInt(5);
        f.ratedAt = received.plusSeconds(random.nextInt(4 * 86400));
      }
      facts.add(f);
    }
    return facts;
  }

  static List<String> pick(Random random, List<String> from) {
    List<String> picked = new ArrayList<>();
    for (int n = random.nextInt(3); n > 0; n--) {
      picked.add(from.get(random.nextInt(from.size())));
    }
    return picked;
  }

  /** The facts dealt to {@code instances} instances at random, each instance's share via JSON. */
  static KpiShare mergedShares(
      Random random, List<InquiryFacts> facts, int instances, KpiQuery query) {
    List<List<InquiryFacts>> parts = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      parts.add(new ArrayList<>());
    }
    facts.forEach(f -> parts.get(random.nextInt(instances)).add(f));
    List<KpiShare> shares = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      KpiShare share =
          KpiShare.of(
              List.of("p" + i),
              parts.get(i),
              query,
              Map.of("received", (long) parts.get(i).size()),
              Map.of());
      shares.add(JSON.readValue(JSON.writeValueAsString(share), KpiShare.class));
    }
    return KpiShare.merge(shares);
  }

  @Test
  void mergedSharesOfAnySplitEqualTheDirectComputation() {
    Random random = new Random(17);
    List<InquiryFacts> facts = randomFacts(random, 3000);
    for (KpiCalculator.GroupBy groupBy : KpiCalculator.GroupBy.values()) {
      Map<String, KpiCalculator.Kpis> direct = DirectKpis.compute(facts, FROM, TO, NOW, groupBy);
      assertThat(KpiCalculator.compute(facts, FROM, TO, NOW, groupBy))
          .as("one instance, %s", groupBy)
          .isEqualTo(direct);
      for (int instances = 1; instances <= 4; instances++) {
        KpiShare merged =
            mergedShares(random, facts, instances, new KpiQuery(FROM, TO, NOW, groupBy, null));
        assertThat(KpiCalculator.finish(merged.groups()))
            .as("%d instances, %s", instances, groupBy)
            .isEqualTo(direct);
        assertThat(merged.stageEvents()).containsEntry("received", (long) facts.size());
        assertThat(merged.partitions()).hasSize(instances);
      }
    }
  }

  @Test
  void mergedSeriesEqualTheDirectComputationPerBucket() {
    Random random = new Random(4711);
    List<InquiryFacts> facts = randomFacts(random, 1500);
    KpiQuery query = new KpiQuery(FROM, TO, NOW, KpiCalculator.GroupBy.NONE, "day");
    KpiShare merged = mergedShares(random, facts, 3, query);
    List<KpiQuery.Bucket> buckets = query.buckets();
    assertThat(buckets).hasSize(10);
    assertThat(merged.series()).hasSize(10);
    for (int i = 0; i < buckets.size(); i++) {
      assertThat(merged.series().get(i).finish())
          .isEqualTo(
              DirectKpis.compute(
                      facts,
                      buckets.get(i).start(),
                      buckets.get(i).end(),
                      NOW,
                      KpiCalculator.GroupBy.NONE)
                  .get("all"));
    }
  }

  @Test
  void anInstanceWithoutInquiriesAddsNothing() {
    Random random = new Random(1);
    List<InquiryFacts> facts = randomFacts(random, 200);
    KpiQuery query = new KpiQuery(FROM, TO, NOW, KpiCalculator.GroupBy.TEAM, "day");
    KpiShare empty = KpiShare.of(List.of(), List.of(), query, Map.of(), Map.of());
    KpiShare full = KpiShare.of(List.of("p0"), facts, query, Map.of(), Map.of());
    KpiShare merged = KpiShare.merge(List.of(empty, full));
    assertThat(KpiCalculator.finish(merged.groups()))
        .isEqualTo(DirectKpis.compute(facts, FROM, TO, NOW, KpiCalculator.GroupBy.TEAM));
    assertThat(KpiShare.merge(List.of(empty)).groups()).isEmpty();
    assertThat(KpiShare.merge(List.of(empty)).series()).containsOnlyNulls().hasSize(10);
  }
}
