package org.example.inquiry.simulator.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.example.inquiry.simulator.TestData;
import org.example.inquiry.simulator.traffic.ChannelMix;
import org.example.inquiry.simulator.traffic.GeneratedInquiry;
import org.example.inquiry.simulator.traffic.InquiryGenerator;
import org.example.inquiry.simulator.traffic.InquiryType;
import org.example.inquiry.simulator.traffic.SampleData;
import org.junit.jupiter.api.Test;

class ActionPlanTest {

  private static final Set<String> SUPPORTED_CURRENCIES =
      Set.of("USD", "EUR", "GBP", "CHF", "CAD", "JPY");

  @Test
  void proposesActionsThatFitTheTypeWithPositiveAmountsInSupportedCurrencies() {
    SampleData data = SampleData.load(TestData.dataDir());
    InquiryGenerator generator =
        new InquiryGenerator(data, ChannelMix.DEFAULT, 42, "sim-test", 0.05, 0.03);
    Map<InquiryType, Set<String>> seen = new EnumMap<>(InquiryType.class);
    for (int i = 0; i < 2000; i++) {
      GeneratedInquiry q = generator.generate(i);
      RandomGenerator random = InquiryGenerator.randomFor(42, i, 1);
      ActionPlan plan = ActionPlan.forInquiry(q, random);
      if (plan == null) {
        continue;
      }
      seen.computeIfAbsent(q.type(), t -> new HashSet<>()).add(plan.type());
      assertThat(plan.amount()).as(q.key()).isPositive();
      assertThat(plan.amount().scale()).isEqualTo(2);
      assertThat(plan.currency()).isIn(SUPPORTED_CURRENCIES);
      assertThat(plan.reason()).isNotBlank();
      if (plan.invoiceReference() != null) {
        assertThat(plan.invoiceReference()).isEqualTo(q.invoice().documentNumber());
      }
    }
    assertThat(seen.get(InquiryType.DISPUTE)).containsExactly("CREDIT_NOTE");
    assertThat(seen.get(InquiryType.REFUND)).containsExactly("REFUND");
    assertThat(seen.get(InquiryType.BILLING_DISCREPANCY)).containsOnly("CREDIT_NOTE", "REBILL");
    assertThat(seen.get(InquiryType.LOGISTICS_BILLING)).contains("REVISED_DELIVERY", "REBILL");
    assertThat(seen.get(InquiryType.CREDIT_LIMIT)).containsExactly("CREDIT_LIMIT_CHANGE");
    assertThat(seen.get(InquiryType.DEBT_RESTRUCTURING)).containsExactly("PAYMENT_PLAN");
    assertThat(seen)
        .doesNotContainKeys(
            InquiryType.INVOICE_COPY, InquiryType.PAYMENT_STATUS, InquiryType.GENERAL);
  }

  @Test
  void approversAreNeverTheMakerNorExcluded() {
    RandomGenerator random = InquiryGenerator.randomFor(1, 1, 1);
    for (int i = 0; i < 100; i++) {
      assertThat(Staff.approversFor("ivy", Set.of("kim"), random))
          .containsExactlyInAnyOrder("jon", "lee");
    }
    assertThat(Staff.agentsOf("billing", Set.of("alice"))).containsExactly("ben", "chloe");
    assertThat(Staff.agentsOf("unknown-team", Set.of())).containsExactly("gus", "gina");
  }

  @Test
  void ratingsAreMostlyFourOrFive() {
    RandomGenerator random = InquiryGenerator.randomFor(3, 3, 3);
    int high = 0;
    for (int i = 0; i < 10_000; i++) {
      int score = CaseWork.score(random, false);
      assertThat(score).isBetween(1, 5);
      if (score >= 4) {
        high++;
      }
    }
    assertThat(high / 10_000.0).isBetween(0.75, 0.85);
  }
}
