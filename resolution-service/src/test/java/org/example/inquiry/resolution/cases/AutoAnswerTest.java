package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.ReferenceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoAnswerTest {

  final Map<String, AutoAnswer.LedgerItem> ledger =
      Map.of(
          "INV-98",
              new AutoAnswer.LedgerItem(
                  "INV-98",
                  "C-1001",
                  new BigDecimal("4800.00"),
                  BigDecimal.ZERO,
                  "USD",
                  LocalDate.parse("2026-10-15"),
                  "PAID"),
          "INV-123",
              new AutoAnswer.LedgerItem(
                  "INV-123",
                  "C-1001",
                  new BigDecimal("22000.00"),
                  new BigDecimal("22000.00"),
                  "USD",
                  LocalDate.parse("2026-11-19"),
                  "OVERDUE"),
          "INV-7",
              new AutoAnswer.LedgerItem(
                  "INV-7", "C-2000", new BigDecimal("10"), BigDecimal.TEN, "USD", null, "OPEN"));

  InquiryCase simple(List<String> types, String... invoices) {
    return simple(types, false, invoices);
  }

  InquiryCase simple(List<String> types, boolean triage, String... invoices) {
    return Cases.routed(
        r -> {
          r.types = types;
          r.triage = triage;
          r.context = context(CheckOutcome.PASSED, KycStatus.VERIFIED, invoices);
        });
  }

  static CaseContext context(CheckOutcome senderCheck, KycStatus kyc, String... invoices) {
    return new CaseContext(
        Cases.RECEIVED,
        Channel.PORTAL,
        "C-1001",
        null,
        null,
        kyc,
        senderCheck,
        null,
        Arrays.stream(invoices).map(i -> new Reference(ReferenceKind.INVOICE, i)).toList(),
        CheckOutcome.PASSED);
  }

  @Test
  void aPaymentStatusForTheCustomersOwnInvoicesIsAnsweredFromTheLedger() {
    var answer =
        AutoAnswer.answer(simple(List.of("payment-status"), "INV-98", "INV-123"), ledger::get);

    assertThat(answer)
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("INV-98: 4800 USD, status PAID, fully paid")
                    .contains(
                        "INV-123: 22000 USD, status OVERDUE, open 22000 USD, due 2026-11-19"));
  }

  @Test
  void anInvoiceCopyIsAnsweredWithTheInvoiceAsTheLedgerShowsItAndClaimsNoDocumentWasSent() {
    assertThat(AutoAnswer.answer(simple(List.of("invoice-copy"), "INV-98"), ledger::get))
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("INV-98: 4800 USD, status PAID")
                    .doesNotContain("copy was sent"));
  }

  @Test
  void unknownOrForeignInvoicesOtherTypesAndTriageGoToAPerson() {
    assertThat(AutoAnswer.answer(simple(List.of("payment-status"), "INV-404"), ledger::get))
        .isEmpty();
    assertThat(AutoAnswer.answer(simple(List.of("payment-status"), "INV-7"), ledger::get))
        .isEmpty();
    assertThat(
            AutoAnswer.answer(simple(List.of("payment-status", "dispute"), "INV-98"), ledger::get))
        .isEmpty();
    assertThat(AutoAnswer.answer(simple(List.of("payment-status")), ledger::get)).isEmpty();
    InquiryCase triaged = simple(List.of("payment-status"), true, "INV-98");
    assertThat(AutoAnswer.answer(triaged, ledger::get)).isEmpty();
  }

  @Test
  void anAutoAnsweredCaseIsResolvedAtFirstContact() {
    var workflow = new CaseWorkflow(Map.of("USD", BigDecimal.ONE), 0.75);
    var step =
        workflow.autoAnswered(
            simple(List.of("invoice-copy"), "INV-98"), "INV-98: ...", Cases.RECEIVED);

    assertThat(step.next().status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(step.next().resolution().firstContactResolution()).isTrue();
    assertThat(step.events()).hasSize(2).last().isInstanceOf(CaseEvent.Resolved.class);
    assertThat(step.next().conversation())
        .as("no customer message to answer: on the case, not sent")
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(InquiryCase.MessageKind.AUTO_ANSWER);
              assertThat(m.delivery().status()).isEqualTo(InquiryCase.DeliveryStatus.UNDELIVERABLE);
            });
  }

  InquiryCase from(String senderCheck, String kyc) {
    return Cases.routed(
        r -> {
          r.types = List.of("invoice-copy", "payment-status");
          r.context = context(CheckOutcome.valueOf(senderCheck), KycStatus.valueOf(kyc), "INV-123");
        });
  }

  @ParameterizedTest(name = "sender check {0}")
  @ValueSource(strings = {"FAILED", "UNKNOWN", "NOT_APPLICABLE"})
  void accountDataGoesOnlyToARegisteredContact(String senderCheck) {
    // A stranger quoting the customer id, a contact of another customer, a look-alike address or a
    // colleague at the customer's domain: intake's legitimacy check does not pass any of them.
    var decision = AutoAnswer.decide(from(senderCheck, "VERIFIED"), ledger::get);

    assertThat(decision)
        .isInstanceOfSatisfying(
            AutoAnswer.Withheld.class, w -> assertThat(w.reason()).contains("registered contact"));
    assertThat(AutoAnswer.answer(from(senderCheck, "VERIFIED"), ledger::get)).isEmpty();
  }

  @ParameterizedTest(name = "KYC {0}")
  @ValueSource(strings = {"PENDING", "EXPIRED", "FAILED", "UNKNOWN"})
  void accountDataIsDisclosedOnlyForAKycVerifiedCustomer(String kyc) {
    var decision = AutoAnswer.decide(from("PASSED", kyc), ledger::get);

    assertThat(decision)
        .isInstanceOfSatisfying(
            AutoAnswer.Withheld.class, w -> assertThat(w.reason()).contains("KYC"));
  }

  @Test
  void anotherCustomersInvoiceIsWithheldWithTheReason() {
    InquiryCase c = simple(List.of("invoice-copy"), "INV-7");

    assertThat(AutoAnswer.decide(c, ledger::get))
        .isInstanceOfSatisfying(
            AutoAnswer.Withheld.class,
            w -> assertThat(w.reason()).contains("does not belong to customer C-1001"));
  }

  @Test
  void theWithheldReasonIsOnTheCaseAndTheCaseStaysWithItsAgents() {
    var workflow = new CaseWorkflow(Map.of("USD", BigDecimal.ONE), 0.75);
    InquiryCase opened =
        workflow.routed(null, from("FAILED", "VERIFIED"), Cases.RECEIVED.plusSeconds(1)).next();

    var step = workflow.autoAnswerWithheld(opened, "the sender is not one", Cases.RECEIVED);

    assertThat(step.next().status()).isEqualTo(CaseStatus.OPEN);
    assertThat(step.next().timeline())
        .last()
        .satisfies(
            e -> {
              assertThat(e.event()).isEqualTo(Activity.AUTO_ANSWER_WITHHELD);
              assertThat(e.detail()).contains("the sender is not one");
            });
  }
}
