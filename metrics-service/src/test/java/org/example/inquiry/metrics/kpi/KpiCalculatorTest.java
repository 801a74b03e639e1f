package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiCalculatorTest {

  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static InquiryFacts resolved(
      String id, Instant received, Duration after, boolean fcr, String... teams) {
    InquiryFacts f = new InquiryFacts();
    f.inquiryId = id;
    f.receivedAt = received;
    f.channel = "PORTAL";
    f.teams = List.of(teams);
    f.types = List.of("refund");
    f.resolvedAt = received.plus(after);
    f.resolutions = 1;
    f.firstContactResolution = fcr;
    return f;
  }

  @Test
  void firstContactResolutionIsResolvedAtFirstContactOverResolved_3200Of4000Is80Percent() {
    List<InquiryFacts> facts = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      facts.add(
          resolved("i" + i, FROM.plusSeconds(i * 60L), Duration.ofHours(2), i < 3200, "billing"));
    }

    var all = KpiCalculator.compute(facts, FROM, TO, NOW, KpiCalculator.GroupBy.NONE).get("all");

    assertThat(all.resolved()).isEqualTo(4000);
    assertThat(all.firstContactResolutionRate()).isEqualTo(0.8);
  }

  @Test
  void responseAndResolutionTimesHaveExactAveragesAndNearestRankPercentiles() {
    List<InquiryFacts> facts = new ArrayList<>();
    for (int minutes : new int[] {10, 20, 30, 40, 100}) {
      InquiryFacts f =
          resolved(
              "r" + minutes,
              FROM.plus(Duration.ofDays(1)),
              Duration.ofMinutes(minutes * 2L),
              true,
              "billing");
      f.firstResponseAt = f.receivedAt.plus(Duration.ofMinutes(minutes));
      facts.add(f);
    }

    var all = KpiCalculator.compute(facts, FROM, TO, NOW, KpiCalculator.GroupBy.NONE).get("all");

    assertThat(all.firstResponseSeconds())
        .isEqualTo(new KpiCalculator.Durations(5, 2400.0, 1800L, 6000L));
    assertThat(all.resolutionSeconds().average()).isEqualTo(4800.0);
    assertThat(all.averageCycleSeconds()).containsEntry("received_to_first_response", 2400.0);
  }

  @Test
  void anInquiryResolvedByTwoTeamsCountsForEachTeamAndOnceOverall() {
    var facts =
        List.of(
            resolved("a", FROM.plusSeconds(60), Duration.ofHours(1), true, "operations", "billing"),
            resolved("b", FROM.plusSeconds(60), Duration.ofHours(1), false, "billing"));

    Map<String, KpiCalculator.Kpis> byTeam =
        KpiCalculator.compute(facts, FROM, TO, NOW, KpiCalculator.GroupBy.TEAM);

    assertThat(byTeam.get("billing").resolved()).isEqualTo(2);
    assertThat(byTeam.get("billing").firstContactResolutionRate()).isEqualTo(0.5);
    assertThat(byTeam.get("operations").resolved()).isEqualTo(1);
    assertThat(byTeam.get("operations").firstContactResolutionRate()).isEqualTo(1.0);
    assertThat(
            KpiCalculator.compute(facts, FROM, TO, NOW, KpiCalculator.GroupBy.NONE)
                .get("all")
                .resolved())
        .isEqualTo(2);
  }

  @Test
  void aReopenedInquiryIsBackInTheBacklogAndNotCountedResolved() {
    InquiryFacts f =
        resolved("re", FROM.plus(Duration.ofDays(2)), Duration.ofHours(3), true, "billing");
    f.lastReopenedAt = f.resolvedAt.plus(Duration.ofHours(1));
    f.reopenings = 1;
    f.resolutionDueAt = f.receivedAt.plus(Duration.ofDays(1));

    var all =
        KpiCalculator.compute(List.of(f), FROM, TO, NOW, KpiCalculator.GroupBy.NONE).get("all");

    assertThat(all.resolved()).isZero();
    assertThat(all.openBacklog()).isEqualTo(1);
    assertThat(all.agingBacklog()).isEqualTo(1);
    assertThat(all.resolutionSlaAttainment()).isEqualTo(0.0);
  }

  @Test
  void slaCsatAndFinancialImpact() {
    InquiryFacts onTime =
        resolved("on", FROM.plus(Duration.ofDays(3)), Duration.ofHours(5), true, "billing");
    onTime.responseDueAt = onTime.receivedAt.plus(Duration.ofHours(4));
    onTime.firstResponseAt = onTime.receivedAt.plus(Duration.ofHours(1));
    onTime.csatScore = 5;
    onTime.ratedAt = onTime.resolvedAt.plus(Duration.ofHours(1));
    onTime.adjustments =
        List.of(
            new InquiryFacts.Adjustment("REBILL", new BigDecimal("22000.0000"), "USD"),
            new InquiryFacts.Adjustment("WRITE_OFF", new BigDecimal("150.0000"), "USD"));
    onTime.approvalsApproved = 2;
    InquiryFacts late =
        resolved("late", FROM.plus(Duration.ofDays(3)), Duration.ofHours(9), false, "billing");
    late.responseDueAt = late.receivedAt.plus(Duration.ofHours(4));
    late.firstResponseAt = late.receivedAt.plus(Duration.ofHours(6));
    late.csatScore = 2;
    late.ratedAt = late.resolvedAt.plus(Duration.ofHours(1));
    late.approvalsRejected = 1;
    InquiryFacts dispute = new InquiryFacts();
    dispute.inquiryId = "d";
    dispute.receivedAt = FROM.plus(Duration.ofDays(4));
    dispute.types = List.of("dispute");
    dispute.amount = new BigDecimal("1240.0000");
    dispute.currency = "USD";

    var all =
        KpiCalculator.compute(
                List.of(onTime, late, dispute), FROM, TO, NOW, KpiCalculator.GroupBy.NONE)
            .get("all");

    assertThat(all.responseSlaAttainment()).isEqualTo(0.5);
    assertThat(all.csatPositiveRate()).isEqualTo(0.5);
    assertThat(all.csatResponses()).isEqualTo(2);
    assertThat(all.adjustments()).containsEntry("REBILL/USD", new BigDecimal("22000.0000"));
    assertThat(all.writtenOff()).containsEntry("USD", new BigDecimal("150.0000"));
    assertThat(all.amountInOpenDisputes()).containsEntry("USD", new BigDecimal("1240.0000"));
    assertThat(all.actionsApproved()).isEqualTo(2);
    assertThat(all.actionsRejected()).isEqualTo(1);
    assertThat(all.received()).isEqualTo(3);
    assertThat(all.openBacklog()).isEqualTo(1);
  }

  @Test
  void recurringIssuesCompareWithThePreviousPeriod() {
    var thisMonth =
        resolved("x", FROM.plus(Duration.ofDays(1)), Duration.ofHours(1), true, "billing");
    thisMonth.rootCause = "carrier delay";
    var lastMonth =
        resolved("y", FROM.minus(Duration.ofDays(10)), Duration.ofHours(1), true, "billing");
    lastMonth.rootCause = "carrier delay";
    var lastMonth2 =
        resolved("z", FROM.minus(Duration.ofDays(9)), Duration.ofHours(1), true, "billing");
    lastMonth2.rootCause = "carrier delay";

    var all =
        KpiCalculator.compute(
                List.of(thisMonth, lastMonth, lastMonth2),
                FROM,
                TO,
                NOW,
                KpiCalculator.GroupBy.NONE)
            .get("all");

    assertThat(all.topRootCauses()).containsExactly(new KpiCalculator.Trend("carrier delay", 1, 2));
    assertThat(all.topTypes()).containsExactly(new KpiCalculator.Trend("refund", 1, 2));
  }

  @Test
  void aCaseWaitingForTheCustomerIsNeverOverdueAndItsMovedDueTimeJudgesItsSla() {
    // open, due yesterday by its routed due time, but its clock stopped two days ago: not aging
    InquiryFacts waiting = resolved("w", FROM.plus(Duration.ofDays(20)), Duration.ZERO, false);
    waiting.resolvedAt = null;
    waiting.resolutions = 0;
    waiting.resolutionDueAt = NOW.minus(Duration.ofDays(1));
    waiting.slaPausedAt = NOW.minus(Duration.ofDays(2));
    // resolved after its routed due time, within the due time its pause moved it to
    InquiryFacts resumed = resolved("r", FROM.plus(Duration.ofDays(2)), Duration.ofDays(4), false);
    resumed.resolutionDueAt = FROM.plus(Duration.ofDays(7)); // moved by a three-day wait

    var all =
        KpiCalculator.compute(List.of(waiting, resumed), FROM, TO, NOW, KpiCalculator.GroupBy.NONE)
            .get("all");

    assertThat(all.openBacklog()).isEqualTo(1);
    assertThat(all.agingBacklog()).isZero();
    assertThat(all.resolutionSlaAttainment()).isEqualTo(1.0);
    assertThat(waiting.resolutionDue(NOW)).isEqualTo(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void theFactsFollowTheClockPausedAndResumedWithTheMovedDueTime() {
    Instant routedDue = NOW.plus(Duration.ofHours(4));
    InquiryFacts f = new InquiryFacts();
    f.resolutionDueAt = routedDue;
    f = FactsFolder.fold(f, "p", clock("SLA_PAUSED", NOW.minus(Duration.ofHours(2)), routedDue));
    assertThat(f.slaPausedAt).isEqualTo(NOW.minus(Duration.ofHours(2)));
    assertThat(f.resolutionDue(NOW)).isEqualTo(routedDue.plus(Duration.ofHours(2)));
    Instant moved = routedDue.plus(Duration.ofHours(3));
    f = FactsFolder.fold(f, "p", clock("SLA_RESUMED", NOW.plus(Duration.ofHours(1)), moved));
    assertThat(f.slaPausedAt).isNull();
    assertThat(f.resolutionDueAt).isEqualTo(moved);
    assertThat(f.resolutionDue(NOW.plus(Duration.ofDays(1)))).isEqualTo(moved);
  }

  static org.example.inquiry.schemas.InquiryWorked clock(String activity, Instant at, Instant due) {
    return org.example.inquiry.schemas.InquiryWorked.newBuilder()
        .setEventId(java.util.UUID.randomUUID().toString())
        .setInquiryId("p")
        .setOccurredAt(at)
        .setActivity(activity)
        .setActor("omar")
        .setResolutionDueAt(due)
        .build();
  }
}
