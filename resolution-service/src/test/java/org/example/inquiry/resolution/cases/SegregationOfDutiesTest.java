package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.example.inquiry.schemas.KycStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segregation of duties holds whatever spelling of a name reaches the workflow (case, surrounding
 * white space, Unicode compatibility forms, invisible characters), and financial actions reference
 * only the case customer's own ledger documents.
 */
class SegregationOfDutiesTest {

  final CaseWorkflow workflow = new CaseWorkflow(Map.of("USD", BigDecimal.ONE), 0.75);

  static final Function<String, String> LEDGER =
      Map.of("INV-2026-000123", "C-1001", "INV-2026-000999", "C-2002")::get;

  static final Function<String, CustomerFacts> CUSTOMERS =
      id ->
          "C-1001".equals(id)
              ? new CustomerFacts(
                  "C-1001",
                  "Acme",
                  "ENTERPRISE",
                  "NA",
                  KycStatus.VERIFIED,
                  LocalDate.parse("2030-01-01"),
                  "am.jsmith")
              : null;

  InquiryCase opened() {
    return workflow.routed(null, Cases.routedSeedCase(), Cases.RECEIVED.plusSeconds(2)).next();
  }

  Step handle(InquiryCase current, CaseCommand command) {
    return workflow.handle(current, command, CUSTOMERS, LEDGER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"OLGA", "Olga", " olga ", "\tolga", "ｏｌｇａ", "ol\u200bga", "olga\u00ad"})
  void theMakerMayNotApproveUnderAnotherSpellingOfHerName(String spelling) {
    var proposed = handle(opened(), Cases.propose("olga", "REBILL", "20000.00", "USD"));
    String actionId = proposed.outcome().actionId();

    var approval =
        handle(proposed.next(), Cases.decide("APPROVE", spelling, actionId, null, "approver"));

    assertThat(approval.outcome().accepted()).isFalse();
    assertThat(approval.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
    assertThat(approval.outcome().refusal().reason()).contains("maker-checker");
    assertThat(approval.next().action(actionId).approvedBy()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AM.JSMITH", "Am.JSmith", " am.jsmith", "ａｍ．ｊｓｍｉｔｈ", "am.\u200djsmith"})
  void theExcludedAccountManagerMayNotActUnderAnotherSpelling(String spelling) {
    var proposed = handle(opened(), Cases.propose("ben", "REBILL", "20000.00", "USD"));
    String actionId = proposed.outcome().actionId();

    var approval =
        handle(proposed.next(), Cases.decide("APPROVE", spelling, actionId, null, "approver"));
    var claim = handle(opened(), Cases.claim(spelling, "agent"));
    var assign = handle(opened(), assignTo(spelling));

    assertThat(approval.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
    assertThat(approval.outcome().refusal().reason()).contains("segregation of duties");
    assertThat(claim.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
    assertThat(assign.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"IVY", " ivy", "ｉｖｙ", "i\u200bvy"})
  void oneApproverCountsOnceWhateverTheSpelling(String spelling) {
    var proposed = handle(opened(), Cases.propose("ben", "REBILL", "20000.00", "USD"));
    String actionId = proposed.outcome().actionId();
    var first = handle(proposed.next(), Cases.decide("APPROVE", "ivy", actionId, null, "approver"));

    var second =
        handle(first.next(), Cases.decide("APPROVE", spelling, actionId, null, "approver"));

    assertThat(second.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
    assertThat(second.next().action(actionId).state()).isEqualTo(InquiryCase.ActionState.PENDING);
    assertThat(second.next().action(actionId).approvedBy()).containsExactly("ivy");
  }

  @Test
  void anAccountManagerFromTheCustomerMasterIsExcludedWhateverItsSpellingThere() {
    InquiryCase unlinked =
        workflow
            .routed(null, Cases.routedUnknownSenderCase(), Cases.RECEIVED.plusSeconds(2))
            .next();
    Function<String, CustomerFacts> shouting =
        id ->
            new CustomerFacts(
                id,
                "Acme",
                "ENTERPRISE",
                "NA",
                KycStatus.VERIFIED,
                LocalDate.parse("2030-01-01"),
                " AM.JSmith ");

    var linked = workflow.handle(unlinked, Cases.link("ben", "C-1001"), shouting, LEDGER);
    var claim = workflow.handle(linked.next(), Cases.claim("am.jsmith", "agent"), shouting, LEDGER);

    assertThat(linked.next().excludedPeople()).containsExactly("am.jsmith");
    assertThat(claim.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
  }

  @Nested
  class DocumentOwnership {

    @Test
    void anActionOnTheCustomersOwnInvoiceIsProposed() {
      var proposed =
          handle(
              opened(), Cases.proposeOn("ben", "CREDIT_NOTE", "500.00", "USD", "INV-2026-000123"));

      assertThat(proposed.outcome().accepted()).isTrue();
    }

    @Test
    void anActionOnAnotherCustomersInvoiceIsRefusedWithoutNamingTheOwner() {
      var proposed =
          handle(
              opened(), Cases.proposeOn("ben", "CREDIT_NOTE", "500.00", "USD", "INV-2026-000999"));

      assertThat(proposed.outcome().accepted()).isFalse();
      assertThat(proposed.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
      assertThat(proposed.outcome().refusal().reason())
          .contains("does not belong to customer C-1001")
          .doesNotContain("C-2002");
      assertThat(proposed.next().actions()).isEmpty();
      assertThat(proposed.next().timeline())
          .last()
          .extracting(InquiryCase.TimelineEntry::event)
          .isEqualTo(Activity.ATTEMPT_REFUSED);
    }

    @Test
    void anActionOnADocumentTheLedgerDoesNotKnowIsRefused() {
      var proposed =
          handle(
              opened(), Cases.proposeOn("ben", "CREDIT_NOTE", "500.00", "USD", "INV-1999-000001"));

      assertThat(proposed.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
      assertThat(proposed.outcome().refusal().reason()).contains("is not in the ledger");
      assertThat(proposed.next().actions()).isEmpty();
    }
  }

  private static CaseCommand assignTo(String assignee) {
    return Cases.assign("sup.billing", assignee);
  }
}
