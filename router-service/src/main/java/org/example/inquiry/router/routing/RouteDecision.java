package org.example.inquiry.router.routing;

import java.time.Instant;
import java.util.List;

/**
 * Where an inquiry goes and why.
 *
 * @param teams teams in order, the first leads
 * @param triage true when it went to the triage team
 * @param reason rule description or why it went to triage
 * @param ruleId the routing rule that decided
 * @param priority 0-100
 * @param components what the priority was added up from
 * @param responseDueAt first response due
 * @param resolutionDueAt resolution due
 */
public record RouteDecision(
    List<String> teams,
    boolean triage,
    String reason,
    String ruleId,
    int priority,
    List<Component> components,
    Instant responseDueAt,
    Instant resolutionDueAt) {

  /** One part of the priority score. */
  public record Component(String name, double value, double weight, double points) {}
}
