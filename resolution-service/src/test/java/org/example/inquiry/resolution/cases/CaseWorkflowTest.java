package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.approval.ApprovalLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CaseWorkflowTest {

  final CaseWorkflow workflow =
      new CaseWorkflow(Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("1.08")), 0.75);

  InquiryCase opened() {
    return workflow.routed(null, Cases.routedSeedCase(), Cases.RECEIVED.plusSeconds(2)).next();
  }

  @Test
  void routingOpensTheCaseAssignedToTheLeadTeamsAgent() {
    InquiryCase opened = opened();

    assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(opened.assignee()).isEqualTo("omar");
    assertThat(opened.timeline())
        .extracting(InquiryCase.TimelineEntry::event)
        .containsExactly(Activity.RECEIVED, Activity.ROUTED);
  }

  @Test
  void aRefusedCommandLeavesTheCaseItWasGivenAsItWas() {
    InquiryCase opened = opened();
    var proposed = workflow.handle(opened, Cases.propose("ben", "REBILL", "22000.00", "USD"));

    var byMaker =
        workflow.handle(
            proposed.next(),
            Cases.decide("APPROVE", "ben", proposed.outcome().actionId(), null, "approver"));

    assertThat(opened.actions()).isEmpty();
    assertThat(opened.timeline()).hasSize(2);
    assertThat(proposed.next().timeline()).hasSize(3);
    assertThat(byMaker.next().timeline()).hasSize(4);
  }

  @Nested
  class ApprovalLayers {

    @Test
    void aBillingAdjustmentAboveTheElevatedThresholdNeedsASupervisorAndNoOrdinaryApprover() {
      var proposed = workflow.handle(opened(), Cases.propose("ben", "REBILL", "150000.00", "USD"));
      String actionId = proposed.outcome().actionId();
      InquiryCase.FinancialAction action = proposed.next().action(actionId);
      assertThat(action.level()).isEqualTo(ApprovalLevel.ELEVATED);
      assertThat(action.approverRole()).isEqualTo("supervisor");

      var byApprover =
          workflow.handle(
              proposed.next(), Cases.decide("APPROVE", "ivy", actionId, null, "approver"));
      assertThat(byApprover.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
      assertThat(byApprover.outcome().refusal().reason()).contains("supervisor");
      assertThat(byApprover.next().action(actionId).approvedBy()).isEmpty();

      var byMakerAsSupervisor =
          workflow.handle(
              byApprover.next(), Cases.decide("APPROVE", "ben", actionId, null, "supervisor"));
      assertThat(byMakerAsSupervisor.outcome().refusal())
          .as("maker-checker holds for supervisors too")
          .isInstanceOf(Refusal.Forbidden.class);

      var bySupervisor =
          workflow.handle(
              byMakerAsSupervisor.next(),
              Cases.decide("APPROVE", "sup.billing", actionId, "large, checked", "supervisor"));
      assertThat(bySupervisor.outcome().accepted()).isTrue();
      assertThat(bySupervisor.next().action(actionId).state())
          .isEqualTo(InquiryCase.ActionState.APPROVED);
      assertThat(bySupervisor.next().action(actionId).approvedBy()).containsExactly("sup.billing");
      assertThat(bySupervisor.events())
          .anySatisfy(e -> assertThat(e).isInstanceOf(CaseEvent.EffectApproved.class));
    }

    @Test
    void theSeedAdjustmentNeedsTwoDifferentApproversAndNeverTheMaker() {
      var proposed = workflow.handle(opened(), Cases.propose("ben", "REBILL", "22000.00", "USD"));
      String actionId = proposed.outcome().actionId();
      InquiryCase.FinancialAction action = proposed.next().action(actionId);
      assertThat(action.level()).isEqualTo(ApprovalLevel.DUAL);
      assertThat(action.approvalsRequired()).isEqualTo(2);
      assertThat(proposed.next().status()).isEqualTo(CaseStatus.PENDING_APPROVAL);

      var byMaker =
          workflow.handle(
              proposed.next(), Cases.decide("APPROVE", "ben", actionId, null, "approver", "agent"));
      assertThat(byMaker.outcome().accepted()).isFalse();
      assertThat(byMaker.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
      assertThat(byMaker.next().action(actionId).approvedBy()).isEmpty();
      assertThat(byMaker.next().timeline())
          .last()
          .extracting(InquiryCase.TimelineEntry::event)
          .isEqualTo(Activity.ATTEMPT_REFUSED);
      assertThat(byMaker.events()).singleElement().isInstanceOf(CaseEvent.Worked.class);

      var first =
          workflow.handle(
              byMaker.next(),
              Cases.decide("APPROVE", "ivy", actionId, "checked the BL", "approver"));
      assertThat(first.outcome().accepted()).isTrue();
      assertThat(((CaseEvent.Approved) first.events().get(0)).finalDecision()).isFalse();
      var again =
          workflow.handle(first.next(), Cases.decide("APPROVE", "ivy", actionId, null, "approver"));
      assertThat(again.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
      var second =
          workflow.handle(again.next(), Cases.decide("APPROVE", "jon", actionId, null, "approver"));
      assertThat(second.next().action(actionId).state())
          .isEqualTo(InquiryCase.ActionState.APPROVED);
      assertThat(((CaseEvent.Approved) second.events().get(0)).finalDecision()).isTrue();
      assertThat(second.next().status()).isEqualTo(CaseStatus.IN_PROGRESS);

      var resolved = workflow.handle(second.next(), Cases.resolve("ben"));
      InquiryCase done = ((CaseEvent.Resolved) resolved.events().get(0)).resolvedCase();
      assertThat(done.status()).isEqualTo(CaseStatus.RESOLVED);
      assertThat(done.actions())
          .singleElement()
          .satisfies(a -> assertThat(a.approvedBy()).containsExactly("ivy", "jon"));
    }

    @Test
    void resolvingBeforeApprovalAndApprovingARejectedActionAreConflicts() {
      var proposed = workflow.handle(opened(), Cases.propose("ben", "REFUND", "500.00", "EUR"));
      String actionId = proposed.outcome().actionId();

      var early = workflow.handle(proposed.next(), Cases.resolve("ben"));
      assertThat(early.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
      assertThat(early.next().status()).isEqualTo(CaseStatus.PENDING_APPROVAL);

      var rejected =
          workflow.handle(
              proposed.next(),
              Cases.decide("REJECT", "ivy", actionId, "no evidence of overcharge", "approver"));
      assertThat(rejected.next().action(actionId).state())
          .isEqualTo(InquiryCase.ActionState.REJECTED);
      var late =
          workflow.handle(
              rejected.next(), Cases.decide("APPROVE", "jon", actionId, null, "approver"));
      assertThat(late.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
      assertThat(late.outcome().refusal().reason()).contains("REJECTED");
    }

    @Test
    void anApproverWithoutTheRoleOrAnExcludedPersonIsRefused() {
      var proposed = workflow.handle(opened(), Cases.propose("ben", "REFUND", "500.00", "USD"));
      String actionId = proposed.outcome().actionId();

      assertThat(
              workflow
                  .handle(proposed.next(), Cases.decide("APPROVE", "kim", actionId, null, "agent"))
                  .outcome()
                  .refusal())
          .isInstanceOf(Refusal.Forbidden.class);
      var excluded =
          workflow.handle(
              proposed.next(), Cases.decide("APPROVE", "am.jsmith", actionId, null, "approver"));
      assertThat(excluded.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
      assertThat(excluded.outcome().refusal().reason()).contains("segregation of duties");
    }

    @Test
    void aRevisedDeliveryNeedsNoApprovalAndARejectionNeedsAReason() {
      var revised =
          workflow.handle(opened(), Cases.propose("omar", "REVISED_DELIVERY", "22000.00", "USD"));
      assertThat(revised.next().action(revised.outcome().actionId()).state())
          .isEqualTo(InquiryCase.ActionState.APPROVED);
      var refund = workflow.handle(revised.next(), Cases.propose("ben", "REFUND", "10.00", "USD"));
      assertThat(
              workflow
                  .handle(
                      refund.next(),
                      Cases.decide("REJECT", "ivy", refund.outcome().actionId(), " ", "approver"))
                  .outcome()
                  .refusal())
          .isInstanceOf(Refusal.Invalid.class);
    }

    @Test
    void anUnknownActionTypeOrCurrencyIsInvalid() {
      var bribe = workflow.handle(opened(), Cases.propose("ben", "BRIBE", "10.00", "USD"));
      var yen = workflow.handle(opened(), Cases.propose("ben", "REFUND", "10", "JPY"));

      assertThat(bribe.outcome().refusal()).isInstanceOf(Refusal.Invalid.class);
      assertThat(bribe.outcome().refusal().reason()).contains("CREDIT_NOTE");
      assertThat(yen.outcome().refusal().reason())
          .isEqualTo("currency JPY is not supported; one of [EUR, USD]");
      assertThat(yen.next().actions()).isEmpty();
    }
  }

  @Nested
  class FirstContactResolution {

    @Test
    void resolvedWithoutFollowUpAfterTheFirstResponseIsFirstContact() {
      var replied = workflow.handle(opened(), Cases.text("REPLY", "omar", "We are on it"));
      assertThat(replied.next().firstResponseAt()).isNotNull();
      assertThat(replied.events())
          .singleElement()
          .satisfies(
              e ->
                  assertThat(((CaseEvent.Worked) e).activity())
                      .isEqualTo(Activity.FIRST_RESPONDED));

      var resolved = workflow.handle(replied.next(), Cases.resolve("omar"));
      assertThat(resolved.next().resolution().firstContactResolution()).isTrue();
    }

    @Test
    void aFollowUpAfterTheFirstResponseOrAReopeningRulesItOut() {
      var replied = workflow.handle(opened(), Cases.text("REPLY", "omar", "We are on it"));
      var followed =
          workflow.followedUp(replied.next(), Cases.RECEIVED.plusSeconds(7200), Channel.EMAIL);
      assertThat(
              workflow
                  .handle(followed.next(), Cases.resolve("omar"))
                  .next()
                  .resolution()
                  .firstContactResolution())
          .isFalse();

      var resolved = workflow.handle(replied.next(), Cases.resolve("omar")).next();
      var reopened =
          workflow.handle(
              resolved, Cases.decide("REOPEN", "omar", null, "customer disagrees", "agent"));
      assertThat(reopened.next().reopenCount()).isEqualTo(1);
      assertThat(
              workflow
                  .handle(reopened.next(), Cases.resolve("omar"))
                  .next()
                  .resolution()
                  .firstContactResolution())
          .isFalse();
    }
  }

  @Test
  void aRepeatedCommandIdGivesTheSameOutcomeWithoutApplyingTwice() {
    var note = Cases.text("NOTE", "omar", "called the carrier");
    var once = workflow.handle(opened(), note);
    var twice = workflow.handle(once.next(), note);

    assertThat(twice.outcome()).isEqualTo(once.outcome());
    assertThat(twice.events()).isEmpty();
    assertThat(twice.next().timeline()).hasSize(once.next().timeline().size());
  }

  @Test
  void theCaseRemembersTheLastFiftyOutcomes() {
    InquiryCase c = opened();
    for (int i = 0; i < 60; i++) {
      c = workflow.handle(c, Cases.text("NOTE", "omar", "note " + i)).next();
    }

    assertThat(c.outcomes()).hasSize(50);
  }

  @Test
  void slaClocksWarnThenBreachOnceAndEscalateToTheLeadSupervisor() {
    InquiryCase opened = opened();

    var early = workflow.slaTick(opened, Cases.RECEIVED.plus(Duration.ofHours(1)));
    assertThat(early.events()).isEmpty();
    var warned = workflow.slaTick(opened, Cases.RECEIVED.plus(Duration.ofMinutes(190)));
    assertThat(warned.events())
        .singleElement()
        .satisfies(
            e -> assertThat(((CaseEvent.Worked) e).activity()).isEqualTo(Activity.SLA_WARNING));
    var breached = workflow.slaTick(warned.next(), Cases.RECEIVED.plus(Duration.ofHours(5)));
    CaseEvent.Worked breach = (CaseEvent.Worked) breached.events().get(0);
    assertThat(breach.activity()).isEqualTo(Activity.SLA_BREACHED);
    assertThat(breach.escalatedTo()).isEqualTo("sup.operations");
    assertThat(workflow.slaTick(breached.next(), Cases.RECEIVED.plus(Duration.ofHours(6))).events())
        .isEmpty();
  }

  @Test
  void commandsOnAnUnknownInquiryAreNotFoundAndCreateNothing() {
    var step = workflow.handle(null, Cases.text("NOTE", "omar", "x"));
    assertThat(step.next()).isNull();
    assertThat(step.outcome().refusal()).isInstanceOf(Refusal.NotFound.class);
  }

  @Nested
  class UnknownSender {

    final CustomerFacts pending =
        new CustomerFacts(
            "C-2001",
            "Borealis Foods GmbH",
            "MID_MARKET",
            "EMEA",
            KycStatus.PENDING,
            null,
            "am.kraus");
    final CustomerFacts verified =
        new CustomerFacts(
            "C-2001",
            "Borealis Foods GmbH",
            "MID_MARKET",
            "EMEA",
            KycStatus.VERIFIED,
            LocalDate.parse("2027-11-25"),
            "am.kraus");

    InquiryCase unlinked() {
      return workflow
          .routed(null, Cases.routedUnknownSenderCase(), Cases.RECEIVED.plusSeconds(2))
          .next();
    }

    @Test
    void noFinancialActionBeforeTheSenderIsLinkedToACustomer() {
      var refused =
          workflow.handle(
              unlinked(), Cases.propose("carl", "CREDIT_LIMIT_CHANGE", "80000.00", "EUR"));

      assertThat(refused.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
      assertThat(refused.outcome().refusal().reason()).contains("not linked");
      assertThat(refused.next().actions()).isEmpty();
    }

    @Test
    void linkingTakesTheCustomerAsTheMasterHasItAndExcludesItsAccountManager() {
      var linked = workflow.handle(unlinked(), Cases.link("carl", "C-2001"), id -> pending);

      assertThat(linked.outcome().accepted()).isTrue();
      assertThat(linked.next().context().customerId()).isEqualTo("C-2001");
      assertThat(linked.next().context().kycStatus()).isEqualTo(KycStatus.PENDING);
      assertThat(linked.next().context().segment()).isEqualTo("MID_MARKET");
      assertThat(linked.next().excludedPeople()).contains("am.kraus");
      assertThat(linked.next().timeline())
          .extracting(InquiryCase.TimelineEntry::event)
          .endsWith(Activity.CUSTOMER_LINKED);
      assertThat(linked.events()).hasSize(1);
    }

    @Test
    void anUnknownCustomerOrASecondLinkIsRefused() {
      assertThat(
              workflow
                  .handle(unlinked(), Cases.link("carl", "C-9999"), id -> null)
                  .outcome()
                  .refusal())
          .isInstanceOf(Refusal.NotFound.class);
      var linked = workflow.handle(unlinked(), Cases.link("carl", "C-2001"), id -> pending);
      var again = workflow.handle(linked.next(), Cases.link("carl", "C-3000"), id -> pending);
      assertThat(again.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
      assertThat(again.next().context().customerId()).isEqualTo("C-2001");
    }

    @Test
    void actionsWaitForTheKycVerificationAsTheMasterHasItNow() {
      var linked = workflow.handle(unlinked(), Cases.link("carl", "C-2001"), id -> pending);
      var propose = Cases.propose("carl", "CREDIT_LIMIT_CHANGE", "80000.00", "EUR");

      var whilePending = workflow.handle(linked.next(), propose, id -> pending);
      assertThat(whilePending.outcome().refusal()).isInstanceOf(Refusal.Conflict.class);
      assertThat(whilePending.outcome().refusal().reason()).contains("C-2001 is PENDING");

      var afterVerification =
          workflow.handle(
              whilePending.next(),
              Cases.propose("carl", "CREDIT_LIMIT_CHANGE", "80000.00", "EUR"),
              id -> verified);
      assertThat(afterVerification.outcome().accepted()).isTrue();
      assertThat(afterVerification.next().actions()).hasSize(1);
    }

    @Test
    void anExpiredVerificationCountsAsExpired() {
      var expired =
          new CustomerFacts(
              "C-2001",
              "Borealis Foods GmbH",
              "MID_MARKET",
              "EMEA",
              KycStatus.VERIFIED,
              LocalDate.parse("2026-01-31"),
              null);
      var linked = workflow.handle(unlinked(), Cases.link("carl", "C-2001"), id -> expired);
      var refused =
          workflow.handle(
              linked.next(),
              Cases.propose("carl", "CREDIT_LIMIT_CHANGE", "80000.00", "EUR"),
              id -> expired);
      assertThat(refused.outcome().refusal().reason()).contains("EXPIRED");
    }
  }

  @Nested
  class TeamAssignment {

    @Test
    void eachTeamOfAMultiTeamCaseHasItsOwnAssignee() {
      InquiryCase c = opened();
      var billing =
          workflow.handle(
              c,
              new CaseCommand.Assign(
                  Cases.issued("sup.billing", Set.of("supervisor")), "bea", "billing"));
      assertThat(billing.outcome().accepted()).isTrue();
      assertThat(billing.next().teams())
          .extracting(InquiryCase.Team::team, InquiryCase.Team::assignee)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("operations", "omar"),
              org.assertj.core.groups.Tuple.tuple("billing", "bea"));
      assertThat(billing.next().assignee())
          .as("billing does not lead: the case's assignee stays")
          .isEqualTo(c.assignee());
      assertThat(((CaseEvent.Worked) billing.events().get(0)).teams()).containsExactly("billing");

      var operations =
          workflow.handle(
              billing.next(),
              new CaseCommand.Claim(Cases.issued("olga", Set.of("agent")), "operations"));
      assertThat(operations.next().teams().get(0).assignee()).isEqualTo("olga");
      assertThat(operations.next().assignee()).as("operations leads").isEqualTo("olga");
      assertThat(operations.next().timeline())
          .last()
          .extracting(InquiryCase.TimelineEntry::detail)
          .isEqualTo("olga works the inquiry for operations");
    }

    @Test
    void aTeamTheCaseDoesNotHaveIsRefusedAndTheExcludedStayExcluded() {
      var wrong =
          workflow.handle(
              opened(),
              new CaseCommand.Assign(
                  Cases.issued("sup.billing", Set.of("supervisor")), "bea", "treasury"));
      assertThat(wrong.outcome().refusal()).isInstanceOf(Refusal.Invalid.class);
      assertThat(wrong.outcome().refusal().reason())
          .contains("team 'treasury' does not work this inquiry")
          .contains("[operations, billing]");
      var excluded =
          workflow.handle(
              opened(),
              new CaseCommand.Assign(
                  Cases.issued("sup.billing", Set.of("supervisor")), "am.jsmith", "billing"));
      assertThat(excluded.outcome().refusal()).isInstanceOf(Refusal.Forbidden.class);
    }
  }

  @Nested
  class Escalation {

    @Test
    void anAgentEscalatesToTheLeadOrANamedTeamsSupervisorWithWhy() {
      var lead =
          workflow.handle(
              opened(),
              new CaseCommand.Escalate(
                  Cases.issued("ben", Set.of("agent")), "customer threatens legal action", null));
      assertThat(lead.outcome().accepted()).isTrue();
      assertThat(lead.next().escalation().supervisor()).isEqualTo("sup.operations");
      assertThat(lead.next().escalation().reason()).isEqualTo("customer threatens legal action");
      CaseEvent.Worked worked = (CaseEvent.Worked) lead.events().get(0);
      assertThat(worked.activity()).isEqualTo(Activity.ESCALATED);
      assertThat(worked.escalatedTo()).isEqualTo("sup.operations");

      var billing =
          workflow.handle(
              lead.next(),
              new CaseCommand.Escalate(
                  Cases.issued("ben", Set.of("agent")),
                  "credit note above my authority",
                  "billing"));
      assertThat(billing.next().escalation().supervisor()).isEqualTo("sup.billing");

      var noReason =
          workflow.handle(
              opened(), new CaseCommand.Escalate(Cases.issued("ben", Set.of("agent")), " ", null));
      assertThat(noReason.outcome().refusal()).isInstanceOf(Refusal.Invalid.class);
    }

    @Test
    void aBreachedResolutionTargetPutsTheCaseInTheLeadSupervisorsQueue() {
      InquiryCase c = opened();
      var tick = workflow.slaTick(c, c.resolutionDueAt().plusSeconds(1));
      assertThat(tick.next().escalation()).isNotNull();
      assertThat(tick.next().escalation().supervisor()).isEqualTo("sup.operations");
      assertThat(tick.next().escalation().by()).isEqualTo("sla-clock");
    }
  }

  @Nested
  class Reclassification {

    @Test
    void theAgentsCorrectionBecomesTheTypesTheResolutionConfirms() {
      var corrected =
          workflow.handle(
              opened(),
              new CaseCommand.Reclassify(
                  Cases.issued("ben", Set.of("agent")),
                  List.of("dispute", "billing-discrepancy"),
                  "the customer disputes the quantities, the LC is fine"));
      assertThat(corrected.outcome().accepted()).isTrue();
      assertThat(corrected.next().types()).containsExactly("dispute", "billing-discrepancy");
      CaseEvent.Worked worked = (CaseEvent.Worked) corrected.events().get(0);
      assertThat(worked.activity()).isEqualTo(Activity.RECLASSIFIED);
      assertThat(worked.correctedTypes())
          .as("published at once as a labelled correction")
          .containsExactly("dispute", "billing-discrepancy");
      assertThat(worked.detail())
          .isEqualTo(
              "types [logistics-billing, letter-of-credit] -> [dispute, billing-discrepancy]: the"
                  + " customer disputes the quantities, the LC is fine");

      var resolved =
          workflow.handle(
              corrected.next(),
              new CaseCommand.Resolve(
                  Cases.issued("ben", Set.of("agent")), "ADJUSTED", "quantities", List.of()));
      InquiryCase done =
          resolved.events().stream()
              .filter(CaseEvent.Resolved.class::isInstance)
              .map(e -> ((CaseEvent.Resolved) e).resolvedCase())
              .findFirst()
              .orElseThrow();
      assertThat(done.resolution().confirmedTypes())
          .as("resolved without naming types: the corrected ones are the labelled example")
          .containsExactly("dispute", "billing-discrepancy");
    }

    @Test
    void badCorrectionsAreRefusedWithTheReason() {
      var issued = Cases.issued("ben", Set.of("agent"));
      assertThat(
              workflow
                  .handle(opened(), new CaseCommand.Reclassify(issued, List.of(), "why"))
                  .outcome()
                  .refusal())
          .isInstanceOf(Refusal.Invalid.class);
      assertThat(
              workflow
                  .handle(opened(), new CaseCommand.Reclassify(issued, List.of("Dispute!"), "why"))
                  .outcome()
                  .refusal()
                  .reason())
          .contains("not type names: [Dispute!]");
      assertThat(
              workflow
                  .handle(opened(), new CaseCommand.Reclassify(issued, List.of("dispute"), " "))
                  .outcome()
                  .refusal()
                  .reason())
          .contains("needs a reason");
      assertThat(
              workflow
                  .handle(
                      opened(),
                      new CaseCommand.Reclassify(
                          issued, List.of("logistics-billing", "letter-of-credit"), "same"))
                  .outcome()
                  .refusal())
          .isInstanceOf(Refusal.Conflict.class);
    }
  }
}
