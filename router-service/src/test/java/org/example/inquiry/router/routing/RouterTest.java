package org.example.inquiry.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.example.inquiry.router.approval.ApprovalPolicy;
import org.example.inquiry.router.config.RouterConfigFixture;
import org.example.inquiry.router.config.RouterProperties;
import org.example.inquiry.router.config.RoutingConfiguration;
import org.junit.jupiter.api.Test;

/** The shipped routing configuration on the cases the business cares about. */
class RouterTest {

  final RouterProperties config = RouterConfigFixture.shipped();
  final Router router = RoutingConfiguration.build(config);
  final Instant wednesdayMorning = Instant.parse("2026-11-25T09:00:00Z");
  final Router.Customer acme =
      new Router.Customer("C-1001", "am.jsmith", new BigDecimal("2400000"), 9, "LOW");

  Router.Input input(
      List<String> types, String urgency, boolean triage, boolean linked, String amount) {
    return new Router.Input(
        new RoutingPolicy.Inquiry(
            types,
            urgency,
            triage,
            triage ? "confidence 0.31 below 0.5" : null,
            linked,
            "ENTERPRISE",
            "NA",
            "PORTAL",
            amount == null ? null : new BigDecimal(amount)),
        "VERIFIED",
        wednesdayMorning);
  }

  @Test
  void theSeedCaseGoesToOperationsAndBillingAndItsBillingAdjustmentNeedsDualApproval() {
    RouteDecision decision =
        router.decide(
            input(
                List.of("logistics-billing", "letter-of-credit", "billing-discrepancy"),
                "HIGH",
                false,
                true,
                "22000"),
            acme,
            Map.of());

    assertThat(decision.teams())
        .extracting(RouteDecision.Team::team)
        .containsExactly("operations", "billing", "treasury");
    assertThat(decision.teams().get(0).lead()).isTrue();
    assertThat(decision.teams().get(0).supervisor()).isEqualTo("sup.operations");
    assertThat(decision.ruleId()).startsWith("logistics-with-billing");
    assertThat(decision.triage()).isFalse();
    ApprovalPolicy approvals = approvalPolicy();
    assertThat(
            approvals
                .requirementFor("REBILL", new BigDecimal("22000"))
                .orElseThrow()
                .tier()
                .level())
        .isEqualTo("DUAL");
    assertThat(
            approvals
                .requirementFor("CREDIT_NOTE", new BigDecimal("22000"))
                .orElseThrow()
                .tier()
                .level())
        .isEqualTo("DUAL");
    assertThat(
            approvals
                .requirementFor("REVISED_DELIVERY", new BigDecimal("22000"))
                .orElseThrow()
                .tier()
                .level())
        .isEqualTo("SINGLE");
    assertThat(decision.approvals())
        .extracting(ApprovalPolicy.Requirement::actionType)
        .contains("REBILL", "CREDIT_NOTE", "REFUND", "WRITE_OFF");
    assertThat(decision.excludedPeople()).containsExactly("am.jsmith");
    assertThat(decision.teams())
        .allSatisfy(t -> assertThat(t.assignee()).isNotEqualTo("am.jsmith"));
    assertThat(decision.teams().get(0).assignee()).isIn("omar", "olga");
    assertThat(decision.responseDueAt()).isAfter(wednesdayMorning);
    assertThat(decision.slaCalendar()).isEqualTo("americas");
  }

  @Test
  void lowConfidenceUnlinkedAndUnmatchedInquiriesGoToTriageWithTheReason() {
    assertThat(
            router
                .decide(input(List.of("refund"), "NORMAL", true, true, null), acme, Map.of())
                .reason())
        .contains("confidence 0.31");
    RouteDecision unlinked =
        router.decide(input(List.of("refund"), "NORMAL", false, false, null), null, Map.of());
    assertThat(unlinked.teams()).extracting(RouteDecision.Team::team).containsExactly("triage");
    assertThat(unlinked.reason()).contains("not linked");
    RouteDecision unknown =
        router.decide(input(List.of("astrology"), "NORMAL", false, true, null), acme, Map.of());
    assertThat(unknown.triage()).isTrue();
    assertThat(unknown.reason()).contains("astrology");
  }

  @Test
  void largeEnterpriseBillingDisputesAlsoInvolveCredit() {
    RouteDecision decision =
        router.decide(input(List.of("dispute"), "NORMAL", false, true, "250000"), acme, Map.of());

    assertThat(decision.teams())
        .extracting(RouteDecision.Team::team)
        .containsExactly("billing", "credit");
    assertThat(decision.ruleId()).isEqualTo("large-billing-to-senior-billing");
  }

  @Test
  void autoAssignmentBalancesLoadAndRespectsConflicts() {
    var customer = new Router.Customer("C-1002", "am.kto", null, null, "MEDIUM");
    RouteDecision decision =
        router.decide(
            input(List.of("refund"), "NORMAL", false, true, "100"),
            customer,
            Map.of("alice", 5, "ben", 1, "chloe", 1));

    assertThat(decision.teams().get(0).assignee()).isEqualTo("ben");
    assertThat(decision.excludedPeople()).containsExactly("am.kto", "dave");
  }

  private ApprovalPolicy approvalPolicy() {
    Map<String, List<ApprovalPolicy.Tier>> ladders = new HashMap<>();
    config
        .approval()
        .forEach(
            (k, v) ->
                ladders.put(
                    k,
                    v.stream()
                        .map(t -> new ApprovalPolicy.Tier(t.above(), t.level(), t.role()))
                        .toList()));
    return new ApprovalPolicy(ladders);
  }

  @Test
  void aCustomerBehindOnPaymentsComesFirstWithTheReasonInThePriority() {
    var behind =
        new Router.Customer(
            "C-1001",
            "am.jsmith",
            new BigDecimal("2400000"),
            9,
            "LOW",
            new org.example.inquiry.router.priority.PriorityScore.Finances(
                "USD", new BigDecimal("83250"), 2, 6, 2, 0, BigDecimal.ZERO, 0));
    var inquiry = input(List.of("payment-status"), "NORMAL", false, true, "1000");

    RouteDecision plain = router.decide(inquiry, acme, Map.of());
    RouteDecision late = router.decide(inquiry, behind, Map.of());

    assertThat(late.priority().value()).isGreaterThan(plain.priority().value());
    assertThat(late.priority().components())
        .filteredOn(c -> c.name().equals("overdueExposure"))
        .singleElement()
        .satisfies(c -> assertThat(c.basis()).startsWith("USD 83,250.00 overdue on 2 invoices"));
  }

  @Test
  void aRerouteGoesToTheTeamsAskedForWithTheirSupervisorsAssigneesAndTheLeadTeamsCalendar() {
    Router.Input seed =
        input(
            List.of("logistics-billing", "letter-of-credit", "billing-discrepancy"),
            "HIGH",
            false,
            true,
            "22000");
    RouteDecision byRules = router.decide(seed, acme, Map.of());
    RouteDecision rerouted =
        router.reroute(
            seed, acme, Map.of(), List.of("billing", "collections"), "ben", "it is a dispute");

    assertThat(rerouted.teams())
        .extracting(
            RouteDecision.Team::team, RouteDecision.Team::lead, RouteDecision.Team::supervisor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("billing", true, "sup.billing"),
            org.assertj.core.groups.Tuple.tuple("collections", false, "sup.collections"));
    assertThat(rerouted.teams().get(0).assignee())
        .as("billing assigns automatically, and never the account manager")
        .isNotNull()
        .isNotEqualTo("am.jsmith");
    assertThat(rerouted.ruleId()).isEqualTo(Router.REROUTE_RULE);
    assertThat(rerouted.reason()).isEqualTo("rerouted by ben: it is a dispute");
    assertThat(rerouted.triage()).isFalse();
    // the same inquiry, so the same priority and approvals; the lead team's calendar for the SLA
    assertThat(rerouted.priority().value()).isEqualTo(byRules.priority().value());
    assertThat(rerouted.excludedPeople()).isEqualTo(byRules.excludedPeople());
    assertThat(rerouted.slaCalendar()).isEqualTo("emea");
    assertThat(byRules.slaCalendar()).isEqualTo("americas");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> router.reroute(seed, acme, Map.of(), List.of("billing", "legal"), "ben", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown teams [legal]");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> router.reroute(seed, acme, Map.of(), List.of("billing", "billing"), "ben", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
