package org.example.inquiry.classifier.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordRulesTest {

  private final KeywordRules rules = new KeywordRules();

  @Test
  void aDelayedShipmentUnderALetterOfCreditIsLogisticsAndLetterOfCreditAtOnce() {
    KeywordRules.Outcome result =
        rules.evaluate(
            "Delayed shipment, LC-77",
            "The delivery for order PO-5521 under our letter of credit is delayed by two weeks.",
            null);

    assertThat(result.types()).contains("letter-of-credit", "logistics-billing");
    assertThat(result.firedRules()).contains("type:letter-of-credit", "type:logistics-billing");
  }

  @Test
  void legalThreatsRaiseUrgencyToCriticalAndSayWhichRuleFired() {
    KeywordRules.Outcome result =
        rules.evaluate(
            "Invoice overcharged", "If this is not fixed our lawyer will take legal action.", null);

    assertThat(result.urgency()).isEqualTo("CRITICAL");
    assertThat(result.firedRules()).contains("urgency:legal-threat", "type:billing-discrepancy");
  }

  @Test
  void overdueAndStoppedShipmentsRaiseUrgencyToHigh() {
    assertThat(rules.evaluate("Payment plan", "Our account is overdue.", null).urgency())
        .isEqualTo("HIGH");
    KeywordRules.Outcome stopped =
        rules.evaluate("Shipment", "You have stopped our shipment without reason.", null);
    assertThat(stopped.urgency()).isEqualTo("HIGH");
    assertThat(stopped.firedRules()).contains("urgency:stopped-shipment");
  }

  @Test
  void fraudIsCriticalEvenWhenAnotherRuleOnlyRaisesToHigh() {
    KeywordRules.Outcome result =
        rules.evaluate(
            "Unauthorised debit", "An overdue notice arrived for a fraudulent order.", null);

    assertThat(result.urgency()).isEqualTo("CRITICAL");
    assertThat(result.firedRules()).contains("urgency:fraud", "urgency:overdue");
  }

  @Test
  void aLargeStatedOrQuotedAmountRaisesUrgencyAtTheConfiguredThreshold() {
    KeywordRules small = new KeywordRules(KeywordRules.defaultRules(), new BigDecimal("50000"));

    assertThat(small.evaluate("Question", "About USD 49,999.99 on INV-1", null).urgency())
        .isEqualTo("NORMAL");
    assertThat(small.evaluate("Question", "About USD 50,000.00 on INV-1", null).firedRules())
        .contains("urgency:large-amount");
    assertThat(small.evaluate("Question", "no amount in text", new BigDecimal("50000")).urgency())
        .isEqualTo("HIGH");
    assertThat(
            new KeywordRules(KeywordRules.defaultRules(), null)
                .evaluate("Q", "USD 9,000,000", null)
                .urgency())
        .isEqualTo("NORMAL");
  }

  @Test
  void aVetoRemovesATypeAnotherRuleSet() {
    KeywordRules.Outcome result =
        rules.evaluate(
            "Deduction", "The deduction is undisputed, we only need the credit note.", null);

    assertThat(result.types()).doesNotContain("dispute").contains("refund");
    assertThat(result.vetoed()).containsExactly("dispute");
    assertThat(result.firedRules()).contains("type:dispute", "veto:not-a-dispute");
  }

  @Test
  void configuredRulesAndThresholdChangeTheVersion() {
    KeywordRules custom =
        new KeywordRules(
            List.of(
                new KeywordRules.Rule(
                    "urgency:insolvency",
                    KeywordRules.Action.URGENCY,
                    "insolven",
                    null,
                    "CRITICAL")),
            new BigDecimal("100000"));

    assertThat(custom.evaluate("", "we are insolvent", null).urgency()).isEqualTo("CRITICAL");
    assertThat(custom.version()).startsWith("keyword-rules-2+").isNotEqualTo(rules.version());
    assertThat(new KeywordRules().version()).isEqualTo(rules.version());
    assertThat(new KeywordRules(KeywordRules.defaultRules(), new BigDecimal("1")).version())
        .isNotEqualTo(rules.version());
  }

  @Test
  void rejectsIncompleteRules() {
    assertThatThrownBy(
            () -> new KeywordRules.Rule("type:x", KeywordRules.Action.TYPE, "x", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new KeywordRules.Rule("u", KeywordRules.Action.URGENCY, "x", null, "SOON"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyAndHugeTextsAreEvaluatedWithoutFailing() {
    for (String body : new String[] {"", "   \n\t ", "x".repeat(1_000_000), null}) {
      KeywordRules.Outcome result = rules.evaluate(null, body, null);
      assertThat(result.types()).isEmpty();
      assertThat(result.urgency()).isEqualTo("NORMAL");
    }
  }
}
