package org.example.inquiry.router.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides teams, priority and due times from the classified types, urgency and amount. Pure: no
 * Spring, Kafka or Avro. Inquiries in triage, unlinked, or of a type no rule knows go to the triage
 * team with the reason, never dropped.
 */
public final class RoutingPolicy {

  public static final String VERSION = "routing-policy-1";
  public static final String TRIAGE_TEAM = "triage";

  private static final Map<String, String> TEAM_BY_TYPE =
      Map.ofEntries(
          Map.entry("billing-discrepancy", "billing"),
          Map.entry("invoice-copy", "billing"),
          Map.entry("refund", "billing"),
          Map.entry("dispute", "billing"),
          Map.entry("payment-status", "collections"),
          Map.entry("payment-terms", "credit"),
          Map.entry("credit-limit", "credit"),
          Map.entry("debt-restructuring", "collections"),
          Map.entry("letter-of-credit", "treasury"),
          Map.entry("treasury-fx", "treasury"),
          Map.entry("logistics-billing", "operations"),
          Map.entry("kyc-master-data", "master-data"));

  private static final Map<String, Double> URGENCY_VALUE =
      Map.of("LOW", 0.1, "NORMAL", 0.4, "HIGH", 0.75, "CRITICAL", 1.0);

  /** What the policy needs to know about an inquiry. */
  public record Inquiry(
      List<String> types,
      String urgency,
      boolean triage,
      String triageReason,
      boolean linked,
      BigDecimal amount,
      Instant receivedAt) {}

  public RouteDecision route(Inquiry inquiry) {
    List<RouteDecision.Component> components = priorityComponents(inquiry);
    int priority =
        (int) Math.round(components.stream().mapToDouble(RouteDecision.Component::points).sum());
    Duration response =
        priority >= 70
            ? Duration.ofHours(4)
            : priority >= 40 ? Duration.ofHours(8) : Duration.ofHours(24);
    Duration resolution = response.multipliedBy(5);
    Instant responseDue = inquiry.receivedAt().plus(response);
    Instant resolutionDue = inquiry.receivedAt().plus(resolution);

    String triageReason = null;
    if (inquiry.triage()) {
      triageReason = "classifier sent it to triage: " + inquiry.triageReason();
    } else if (!inquiry.linked()) {
      triageReason = "not linked to a customer: verify the sender first";
    }
    Set<String> teams = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String type : inquiry.types()) {
      String team = TEAM_BY_TYPE.get(type);
      if (team == null) {
        unknown.add(type);
      } else {
        teams.add(team);
      }
    }
    if (triageReason == null && teams.isEmpty()) {
      triageReason = "no routing rule for types " + unknown;
    }
    if (triageReason != null) {
      return new RouteDecision(
          List.of(TRIAGE_TEAM),
          true,
          triageReason,
          "triage",
          priority,
          components,
          responseDue,
          resolutionDue);
    }
    // Logistics affecting billing is worked by operations and billing together.
    if (teams.contains("operations")) {
      teams.add("billing");
    }
    return new RouteDecision(
        List.copyOf(teams),
        false,
        "types " + inquiry.types() + " -> teams " + teams,
        "type-to-team",
        priority,
        components,
        responseDue,
        resolutionDue);
  }

  private static List<RouteDecision.Component> priorityComponents(Inquiry inquiry) {
    double urgency = URGENCY_VALUE.getOrDefault(inquiry.urgency(), 0.4);
    double amount =
        inquiry.amount() == null
            ? 0
            : Math.min(1.0, Math.log10(1 + inquiry.amount().doubleValue()) / 6.0);
    return List.of(
        new RouteDecision.Component("urgency", urgency, 60, urgency * 60),
        new RouteDecision.Component("amountAtRisk", amount, 40, amount * 40));
  }
}
