package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.ReferenceKind;
import org.junit.jupiter.api.Test;

/**
 * A dispute or payment-status inquiry whose invoice clears in the ledger is resolved or flagged.
 */
class LedgerWatchTest {

  final CaseWorkflow workflow = new CaseWorkflow(Map.of("USD", BigDecimal.ONE), 0.75);
  final Instant later = Cases.RECEIVED.plus(Duration.ofHours(3));

  InquiryCase opened(List<String> types, CheckOutcome sender) {
    InquiryCase routed =
        Cases.routed(
            r -> {
              r.types = types;
              r.context =
                  new CaseContext(
                      Cases.RECEIVED,
                      Channel.EMAIL,
                      "C-1001",
                      "ENTERPRISE",
                      "NA",
                      KycStatus.VERIFIED,
                      sender,
                      null,
                      List.of(new Reference(ReferenceKind.INVOICE, "INV-7")),
                      CheckOutcome.PASSED);
            });
    return workflow.routed(null, routed, Cases.RECEIVED.plusSeconds(2)).next();
  }

  static Function<String, AutoAnswer.LedgerItem> ledger(
      String open, String status, Instant updatedAt, String customer) {
    AutoAnswer.LedgerItem item =
        new AutoAnswer.LedgerItem(
            "INV-7",
            customer,
            new BigDecimal("900"),
            new BigDecimal(open),
            "USD",
            LocalDate.parse("2026-11-30"),
            status,
            updatedAt);
    return number -> "INV-7".equals(number) ? item : null;
  }

  static List<Activity> activities(Step step) {
    return step.events().stream()
        .filter(CaseEvent.Worked.class::isInstance)
        .map(e -> ((CaseEvent.Worked) e).activity())
        .toList();
  }

  @Test
  void aPaymentStatusInquiryIsResolvedOnceItsInvoiceIsPaidInTheLedger() {
    InquiryCase c = opened(List.of("payment-status"), CheckOutcome.PASSED);
    var paid = ledger("0", "PAID", Cases.RECEIVED.plus(Duration.ofHours(2)), "C-1001");

    Step step = workflow.slaTick(c, later, paid);

    assertThat(activities(step)).containsExactly(Activity.LEDGER_CLEARED);
    assertThat(step.events()).anyMatch(CaseEvent.Resolved.class::isInstance);
    assertThat(step.next().status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(step.next().resolution().code()).isEqualTo(LedgerWatch.RESOLUTION_CODE);
    assertThat(step.next().resolution().resolvedBy()).isEqualTo(LedgerWatch.ACTOR);
    assertThat(workflow.slaTick(step.next(), later.plusSeconds(10), paid).events()).isEmpty();
  }

  @Test
  void aDisputeIsFlaggedForItsAgentOnceAndStaysOpen() {
    InquiryCase c = opened(List.of("dispute"), CheckOutcome.PASSED);
    var credited = ledger("0", "PAID", Cases.RECEIVED.plus(Duration.ofHours(2)), "C-1001");

    Step step = workflow.slaTick(c, later, credited);

    assertThat(activities(step)).containsExactly(Activity.LEDGER_CLEARED);
    CaseEvent.Worked flag = (CaseEvent.Worked) step.events().get(0);
    assertThat(flag.assignee()).isEqualTo(c.assignee());
    assertThat(flag.detail()).contains("INV-7 (PAID)");
    assertThat(step.next().isOpen()).isTrue();
    assertThat(activities(workflow.slaTick(step.next(), later.plusSeconds(10), credited)))
        .doesNotContain(Activity.LEDGER_CLEARED);
  }

  @Test
  void onlyAnInvoiceOfTheCustomerClearedSinceTheInquiryCameInCounts() {
    InquiryCase c = opened(List.of("payment-status"), CheckOutcome.PASSED);

    assertThat(
            workflow
                .slaTick(c, later, ledger("0", "PAID", Cases.RECEIVED.minusSeconds(60), "C-1001"))
                .events())
        .as("paid before the inquiry: the auto-answer or the agent answers that")
        .isEmpty();
    assertThat(
            workflow.slaTick(c, later, ledger("100", "PARTIALLY_PAID", later, "C-1001")).events())
        .isEmpty();
    assertThat(workflow.slaTick(c, later, ledger("0", "PAID", later, "C-2002")).events()).isEmpty();
    assertThat(workflow.slaTick(c, later, n -> null).events()).isEmpty();
  }

  @Test
  void aSenderTheLedgerMayNotBeDisclosedToIsFlaggedNotAnswered() {
    InquiryCase c = opened(List.of("payment-status"), CheckOutcome.FAILED);

    Step step =
        workflow.slaTick(
            c, later, ledger("0", "PAID", Cases.RECEIVED.plus(Duration.ofHours(2)), "C-1001"));

    assertThat(activities(step)).containsExactly(Activity.LEDGER_CLEARED);
    assertThat(step.next().isOpen()).isTrue();
  }
}
