package org.example.inquiry.router.routing;

import java.time.Instant;
import java.util.List;
import org.example.inquiry.router.approval.ApprovalPolicy;
import org.example.inquiry.router.priority.PriorityScore;

/**
 * Everything the router decided about one inquiry.
 *
 * @param teams teams in order, the lead first, with assignee (auto-assignment) and supervisor
 * @param triage whether it went to the triage team
 * @param reason why
 * @param ruleId the rules that decided, joined with '+'
 * @param priority the score and its components
 * @param responseDueAt first response due (business time of the lead team)
 * @param resolutionDueAt resolution due
 * @param slaCalendar the calendar the due times were computed on
 * @param approvals the approval ladder for financial actions on this inquiry
 * @param excludedPeople who may not work or approve it
 */
public record RouteDecision(
    List<Team> teams,
    boolean triage,
    String reason,
    String ruleId,
    PriorityScore.Score priority,
    Instant responseDueAt,
    Instant resolutionDueAt,
    String slaCalendar,
    List<ApprovalPolicy.Requirement> approvals,
    List<String> excludedPeople) {

  /** A team's part. */
  public record Team(
      String team, boolean lead, String assignee, String supervisor, String reason) {}
}
