package org.example.inquiry.classifier.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordRulesTest {

  private final KeywordRules rules = new KeywordRules();

  @Test
  void aDelayedShipmentUnderALetterOfCreditIsLogisticsAndLetterOfCreditAtOnce() {
    Classification result =
        rules.classify(
            "Delayed shipment, LC-77",
            "The delivery for order PO-5521 under our letter of credit is delayed by two weeks.");

    assertThat(result.types())
        .extracting(Classification.TypeScore::type)
        .contains("letter-of-credit", "logistics-billing");
    assertThat(result.triage()).isFalse();
    assertThat(result.decidedBy()).isEqualTo("RULES");
    assertThat(result.firedRules()).contains("type:letter-of-credit", "type:logistics-billing");
  }

  @Test
  void legalThreatsRaiseUrgencyToCriticalAndSayWhichRuleFired() {
    Classification result =
        rules.classify(
            "Invoice overcharged", "If this is not fixed our lawyer will take legal action.");

    assertThat(result.urgency()).isEqualTo("CRITICAL");
    assertThat(result.firedRules()).contains("urgency:legal-threat", "type:billing-discrepancy");
  }

  @Test
  void overdueRaisesUrgencyToHigh() {
    assertThat(
            rules
                .classify("Payment plan", "Our account is overdue, can we agree instalments?")
                .urgency())
        .isEqualTo("HIGH");
  }

  @Test
  void unrecognisedEmptyAndHugeInquiriesGoToTriageWithoutFailing() {
    for (String body : new String[] {"", "   \n\t ", "x".repeat(1_000_000), null}) {
      Classification result = rules.classify(null, body);
      assertThat(result.triage()).isTrue();
      assertThat(result.decidedBy()).isEqualTo("TRIAGE");
      assertThat(result.triageReason()).isNotBlank();
      assertThat(result.types())
          .singleElement()
          .extracting(Classification.TypeScore::type)
          .isEqualTo("general");
    }
  }
}
