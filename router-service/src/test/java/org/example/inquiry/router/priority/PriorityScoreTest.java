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
            "kycState");
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
}
