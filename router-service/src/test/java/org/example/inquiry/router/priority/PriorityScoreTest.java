package org.example.inquiry.router.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityScoreTest {

  final PriorityScore score =
      new PriorityScore(
          Map.of(
              "urgency",
              30.0,
              "amountAtRisk",
              25.0,
              "lifetimeValue",
              15.0,
              "acquisitionPayback",
              10.0,
              "riskRating",
              10.0,
              "kycState",
              10.0));

  @Test
  void theScoreIsTheSumOfItsExplainedComponents() {
    var result =
        score.score(
            new PriorityScore.Factors(
                "HIGH", new BigDecimal("22000"), new BigDecimal("2400000"), 9, "LOW", "VERIFIED"));

    assertThat(result.components())
        .extracting(PriorityScore.Component::name)
        .containsExactly(
            "urgency",
            "amountAtRisk",
            "lifetimeValue",
            "acquisitionPayback",
            "riskRating",
            "kycState",
            "overdueExposure",
            "brokenPromises");
    double sum = result.components().stream().mapToDouble(PriorityScore.Component::points).sum();
    assertThat(result.value()).isEqualTo((int) Math.round(sum));
    assertThat(result.components().get(0).points()).isEqualTo(22.5);
  }

  @Test
  void moreMoneyMoreValueAndWorseKycComeFirst() {
    var small =
        score.score(
            new PriorityScore.Factors(
                "NORMAL", new BigDecimal("100"), null, null, null, "VERIFIED"));
    var large =
        score.score(
            new PriorityScore.Factors(
                "NORMAL", new BigDecimal("500000"), null, null, null, "VERIFIED"));
    var failedKyc =
        score.score(
            new PriorityScore.Factors("NORMAL", new BigDecimal("100"), null, null, null, "FAILED"));

    assertThat(large.value()).isGreaterThan(small.value());
    assertThat(failedKyc.value()).isGreaterThan(small.value());
    assertThat(
            score
                .score(
                    new PriorityScore.Factors(
                        "CRITICAL",
                        new BigDecimal("5000000"),
                        new BigDecimal("99000000"),
                        48,
                        "VERY_HIGH",
                        "FAILED"))
                .value())
        .isEqualTo(100);
  }

  @Test
  void overdueMoneyAndBrokenPromisesRaiseThePriorityWithTheirFactsInWords() {
    var weighted =
        new PriorityScore(
            Map.of(
                "urgency", 28.0,
                "amountAtRisk", 22.0,
                "lifetimeValue", 13.0,
                "acquisitionPayback", 8.0,
                "riskRating", 8.0,
                "kycState", 9.0,
                "overdueExposure", 8.0,
                "brokenPromises", 4.0));
    var clean = new PriorityScore.Finances("USD", BigDecimal.ZERO, 0, 0, 0, 0, BigDecimal.ZERO, 0);
    var late =
        new PriorityScore.Finances(
            "USD", new BigDecimal("39420"), 2, 45, 1, 1, new BigDecimal("-400000"), 1);
    var onTime =
        weighted.score(
            new PriorityScore.Factors(
                "NORMAL",
                new BigDecimal("1000"),
                new BigDecimal("640000"),
                14,
                "MEDIUM",
                "VERIFIED",
                clean));
    var behind =
        weighted.score(
            new PriorityScore.Factors(
                "NORMAL",
                new BigDecimal("1000"),
                new BigDecimal("640000"),
                14,
                "MEDIUM",
                "VERIFIED",
                late));

    assertThat(behind.value()).isGreaterThan(onTime.value());
    var overdue = component(behind, "overdueExposure");
    assertThat(overdue.value()).isBetween(0.76, 0.77);
    assertThat(overdue.basis())
        .isEqualTo("USD 39,420.00 overdue on 2 invoices, the oldest 45 days");
    var promises = component(behind, "brokenPromises");
    assertThat(promises.value()).isEqualTo(0.5);
    assertThat(promises.basis()).isEqualTo("1 broken promise to pay, 1 running");
    var value = component(behind, "lifetimeValue");
    assertThat(value.basis())
        .isEqualTo("USD 640,000.00 in the customer master, -400,000.00 from 1 approved effect");
    assertThat(value.value()).isLessThan(component(onTime, "lifetimeValue").value());
    assertThat(component(onTime, "overdueExposure").basis()).isNull();
    assertThat(component(onTime, "overdueExposure").points()).isZero();
  }

  @Test
  void theAdjustedLifetimeValueNeverGoesBelowZero() {
    var finances =
        new PriorityScore.Finances("USD", BigDecimal.ZERO, 0, 0, 0, 0, new BigDecimal("-900"), 3);
    assertThat(PriorityScore.adjustedLifetimeValue(new BigDecimal("500"), finances))
        .isEqualByComparingTo("0");
    assertThat(PriorityScore.adjustedLifetimeValue(null, finances)).isNull();
    assertThat(PriorityScore.adjustedLifetimeValue(new BigDecimal("500"), null))
        .isEqualByComparingTo("500");
  }

  private static PriorityScore.Component component(PriorityScore.Score score, String name) {
    return score.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
