package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case of one inquiry, owned by resolution-service and kept in the {@code cases} state store
 * (JSON, changelogged). Only {@link CaseWorkflow} changes it, always on a copy, so a refused
 * command leaves the stored case as it was.
 */
public class InquiryCase {

  public String inquiryId;
  public String status;
  public Context context;
  public List<String> types = new ArrayList<>();
  public String urgency;
  public List<Team> teams = new ArrayList<>();
  public boolean triage;
  public String routingReason;
  public int priority;
  public Instant responseDueAt;
  public Instant resolutionDueAt;
  public String slaCalendar;
  public List<ApprovalTier> approvalLadder = new ArrayList<>();
  public List<String> excludedPeople = new ArrayList<>();

  /** The router's rates to the base currency of the approval thresholds, by currency. */
  public Map<String, BigDecimal> fxToBase = new LinkedHashMap<>();

  public String assignee;
  public Instant firstResponseAt;
  public boolean followUpAfterFirstResponse;
  public int followUps;
  public int reopenCount;
  public List<FinancialAction> actions = new ArrayList<>();
  public Sla sla = new Sla();
  public Instant resolvedAt;
  public Resolution resolution;
  public List<TimelineEntry> timeline = new ArrayList<>();

  /** Outcomes of the last commands, by command id, for callers waiting on them. */
  public Map<String, CommandOutcome> outcomes = new LinkedHashMap<>();

  /** Facts from intake every downstream event repeats. */
  public record Context(
      Instant receivedAt,
      String channel,
      String customerId,
      String segment,
      String region,
      String kycStatus,
      String senderIsRegisteredContact,
      BigDecimal amount,
      String currency,
      List<String> references,
      String referencesBelongToCustomer) {}

  /** A team working the case. */
  public record Team(String team, boolean lead, String assignee, String supervisor) {}

  /** One rung of the routed approval ladder (threshold in the base currency). */
  public record ApprovalTier(String actionType, BigDecimal above, String level, String role) {}

  /** A proposed financial action and its approvals. */
  public static class FinancialAction {
    public String actionId;
    public String type;
    public BigDecimal amount;
    public String currency;
    public String invoiceReference;
    public String reason;
    public String maker;
    public Instant proposedAt;
    public String level;
    public String approverRole;
    public int approvalsRequired;

    /** PENDING, APPROVED or REJECTED. */
    public String state;

    public List<String> approvedBy = new ArrayList<>();
    public String rejectedBy;
    public String rejectionReason;
  }

  /** Which SLA signals were already raised, so each is raised once. */
  public static class Sla {
    public boolean responseWarned;
    public boolean responseBreached;
    public boolean resolutionWarned;
    public boolean resolutionBreached;
  }

  /** How the case was resolved. */
  public record Resolution(
      String code,
      String rootCause,
      List<String> confirmedTypes,
      String resolvedBy,
      boolean firstContactResolution) {}

  /** One fact on the timeline: what happened, when, by whom, why. */
  public record TimelineEntry(Instant at, String event, String actor, String detail) {}

  /** The outcome of a command: HTTP-like status and the reason. */
  public record CommandOutcome(
      String commandId, boolean accepted, int status, String reason, String actionId) {}

  public boolean isOpen() {
    return !"RESOLVED".equals(status);
  }

  public FinancialAction action(String actionId) {
    return actions.stream().filter(a -> a.actionId.equals(actionId)).findFirst().orElse(null);
  }

  public String leadSupervisor() {
    return teams.stream().filter(Team::lead).map(Team::supervisor).findFirst().orElse(null);
  }
}
