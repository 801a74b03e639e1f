package org.example.inquiry.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

  private final RoutingPolicy policy = new RoutingPolicy();
  private final Instant received = Instant.parse("2026-11-25T09:00:00Z");

  private RoutingPolicy.Inquiry inquiry(List<String> types, boolean linked, boolean triage) {
    return new RoutingPolicy.Inquiry(
        types,
        "NORMAL",
        triage,
        triage ? "low confidence" : null,
        linked,
        new BigDecimal("22000"),
        received);
  }

  @Test
  void logisticsAffectingBillingGoesToOperationsAndBillingWithOperationsLeading() {
    RouteDecision decision =
        policy.route(inquiry(List.of("logistics-billing", "letter-of-credit"), true, false));

    assertThat(decision.teams()).containsExactly("operations", "treasury", "billing");
    assertThat(decision.triage()).isFalse();
    assertThat(decision.ruleId()).isEqualTo("type-to-team");
  }

  @Test
  void unlinkedTriagedAndUnknownInquiriesGoToTriageWithTheReason() {
    assertThat(policy.route(inquiry(List.of("refund"), false, false)).reason())
        .contains("not linked");
    assertThat(policy.route(inquiry(List.of("refund"), true, true)).reason())
        .contains("low confidence");
    RouteDecision unknown = policy.route(inquiry(List.of("astrology"), true, false));
    assertThat(unknown.teams()).containsExactly("triage");
    assertThat(unknown.reason()).contains("astrology");
  }

  @Test
  void priorityIsTheSumOfItsExplainedComponents() {
    RouteDecision decision = policy.route(inquiry(List.of("refund"), true, false));

    double sum = decision.components().stream().mapToDouble(RouteDecision.Component::points).sum();
    assertThat(decision.priority()).isEqualTo((int) Math.round(sum));
    assertThat(decision.components())
        .extracting(RouteDecision.Component::name)
        .containsExactly("urgency", "amountAtRisk");
    assertThat(decision.responseDueAt()).isAfter(received);
    assertThat(decision.resolutionDueAt()).isAfter(decision.responseDueAt());
  }
}
