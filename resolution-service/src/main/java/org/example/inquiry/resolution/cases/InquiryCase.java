package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.schemas.approval.ApprovalLevel;

/**
 * The case of one inquiry, owned by resolution-service and kept in its {@code cases} state store.
 * Immutable: {@link CaseWorkflow} returns the next case for every fact and command, so a refused
 * command leaves the stored case as it was.
 *
 * @param fxToBase the router's rates to the base currency of the approval thresholds, by currency
 * @param outcomes outcomes of the last commands, by command id (oldest first), so a repeated
 *     command gets the same answer and is not applied twice
 */
public record InquiryCase(
    String inquiryId,
    CaseStatus status,
    CaseContext context,
    List<String> types,
    Urgency urgency,
    List<Team> teams,
    boolean triage,
    String routingReason,
    int priority,
    Instant responseDueAt,
    Instant resolutionDueAt,
    String slaCalendar,
    List<ApprovalTier> approvalLadder,
    List<String> excludedPeople,
    Map<String, BigDecimal> fxToBase,
    String assignee,
    Instant firstResponseAt,
    boolean followUpAfterFirstResponse,
    int followUps,
    int reopenCount,
    List<FinancialAction> actions,
    SlaSignals sla,
    Instant resolvedAt,
    Resolution resolution,
    List<TimelineEntry> timeline,
    Map<String, CommandOutcome> outcomes,
    List<Message> conversation,
    Escalation escalation,
    List<PriorityPart> priorityComponents,
    Instant slaPausedAt) {

  public InquiryCase {
    types = list(types);
    teams = list(teams);
    approvalLadder = list(approvalLadder);
    excludedPeople = list(excludedPeople);
    fxToBase = Collections.unmodifiableMap(new LinkedHashMap<>(map(fxToBase)));
    actions = list(actions);
    sla = sla == null ? SlaSignals.NONE : sla;
    timeline = list(timeline);
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(map(outcomes)));
    conversation = list(conversation);
    priorityComponents = list(priorityComponents);
  }

  /**
   * One part of the routed priority: its normalised value, weight and points, and the facts behind
   * it in words (null when the value speaks for itself).
   */
  public record PriorityPart(
      String name, double value, double weight, double points, String basis) {}

  /** The case with the parts its routed priority was made of. */
  public InquiryCase withPriorityComponents(List<PriorityPart> parts) {
    Edit next = edit();
    next.priorityComponents = parts;
    return next.build();
  }

  /**
   * The case as the router routed it, before it is opened: no status, no work, no timeline.
   *
   * @param routingReason why the router routed it this way
   */
  public static InquiryCase routed(
      String inquiryId,
      CaseContext context,
      List<String> types,
      Urgency urgency,
      List<Team> teams,
      boolean triage,
      String routingReason,
      int priority,
      Instant responseDueAt,
      Instant resolutionDueAt,
      String slaCalendar,
      List<ApprovalTier> approvalLadder,
      List<String> excludedPeople,
      Map<String, BigDecimal> fxToBase) {
    Edit routed = NOTHING.edit();
    routed.inquiryId = inquiryId;
    routed.context = context;
    routed.types = types;
    routed.urgency = urgency;
    routed.teams = teams;
    routed.triage = triage;
    routed.routingReason = routingReason;
    routed.priority = priority;
    routed.responseDueAt = responseDueAt;
    routed.resolutionDueAt = resolutionDueAt;
    routed.slaCalendar = slaCalendar;
    routed.approvalLadder = approvalLadder;
    routed.excludedPeople = excludedPeople;
    routed.fxToBase = fxToBase;
    return routed.build();
  }

  /** No case at all: every list empty, every value unset. */
  private static final InquiryCase NOTHING =
      new InquiryCase(
          null, null, null, null, null, null, false, null, 0, null, null, null, null, null, null,
          null, null, false, 0, 0, null, null, null, null, null, null, null, null, null, null);

  /** A team working the case. */
  public record Team(String team, boolean lead, String assignee, String supervisor) {}

  /** One rung of the routed approval ladder (threshold in the base currency). */
  public record ApprovalTier(
      ActionType actionType, BigDecimal above, ApprovalLevel level, String role) {}

  /**
   * A proposed financial action and its approvals.
   *
   * @param reverses the id of the approved action of this case it reverses, or null
   * @param posting where its posting stands once it is approved (null before)
   */
  public record FinancialAction(
      String actionId,
      ActionType type,
      Money amount,
      String invoiceReference,
      String reason,
      String maker,
      Instant proposedAt,
      ApprovalLevel level,
      String approverRole,
      int approvalsRequired,
      ActionState state,
      List<String> approvedBy,
      String rejectedBy,
      String rejectionReason,
      String reverses,
      Posting posting) {

    public FinancialAction {
      approvedBy = list(approvedBy);
    }

    /** The same action with its posting state. */
    FinancialAction withPosting(Posting next) {
      return copy(state, approvedBy, rejectedBy, rejectionReason, next);
    }

    /** With one more approval; approved once it has the approvals its level requires. */
    FinancialAction approvedBy(String approver) {
      List<String> approvers = new ArrayList<>(approvedBy);
      approvers.add(approver);
      return decided(
          approvers.size() >= approvalsRequired ? ActionState.APPROVED : ActionState.PENDING,
          approvers,
          rejectedBy,
          rejectionReason);
    }

    FinancialAction rejectedBy(String approver, String why) {
      return decided(ActionState.REJECTED, approvedBy, approver, why);
    }

    private FinancialAction decided(
        ActionState next, List<String> approvers, String rejecter, String rejection) {
      return copy(next, approvers, rejecter, rejection, posting);
    }

    /** The same proposal with these decisions and this posting. */
    private FinancialAction copy(
        ActionState next,
        List<String> approvers,
        String rejecter,
        String rejection,
        Posting nextPosting) {
      return new FinancialAction(
          actionId,
          type,
          amount,
          invoiceReference,
          reason,
          maker,
          proposedAt,
          level,
          approverRole,
          approvalsRequired,
          next,
          approvers,
          rejecter,
          rejection,
          reverses,
          nextPosting);
    }
  }

  /** Where the posting of an approved action stands, as finance systems acknowledged it. */
  public enum PostingStatus {
    /** Approved and published; no acknowledgement yet. */
    AWAITING_POSTING,
    POSTED,
    REJECTED
  }

  /**
   * The posting of an approved action.
   *
   * @param approvedAt when it was approved and published to finance
   * @param documentNumber the finance system's document number once posted
   * @param reason why the finance system rejected it
   * @param system which finance system answered last
   * @param acknowledgedAt when it answered last
   * @param overdue true once no answer came within the configured time (raised once)
   */
  public record Posting(
      PostingStatus status,
      Instant approvedAt,
      String documentNumber,
      String reason,
      String system,
      Instant acknowledgedAt,
      boolean overdue) {

    static Posting awaiting(Instant approvedAt) {
      return new Posting(PostingStatus.AWAITING_POSTING, approvedAt, null, null, null, null, false);
    }
  }

  /** Where a financial action stands. */
  public enum ActionState {
    PENDING,
    APPROVED,
    REJECTED
  }

  /** Which SLA signals were already raised, so each is raised once. */
  public record SlaSignals(
      boolean responseWarned,
      boolean responseBreached,
      boolean resolutionWarned,
      boolean resolutionBreached) {

    static final SlaSignals NONE = new SlaSignals(false, false, false, false);
  }

  /** How the case was resolved. */
  public record Resolution(
      String code,
      String rootCause,
      List<String> confirmedTypes,
      String resolvedBy,
      boolean firstContactResolution) {

    public Resolution {
      confirmedTypes = list(confirmedTypes);
    }
  }

  /**
   * The case is in a supervisor's queue: an SLA breach escalated it, or an agent asked for help.
   *
   * @param by who escalated it ({@code sla-clock} for a breach)
   */
  public record Escalation(String supervisor, String team, String reason, String by, Instant at) {}

  /** What a message of the conversation is. */
  public enum MessageKind {
    /** The customer's inquiry as it came in. */
    INQUIRY,
    /** The customer writing again about the inquiry. */
    FOLLOW_UP,
    REPLY,
    INFORMATION_REQUEST,
    /** The automatic answer from the ledger. */
    AUTO_ANSWER,
    /** An internal note: never shown to the customer. */
    NOTE;

    /** Written by us to the customer. */
    public boolean outbound() {
      return this == REPLY || this == INFORMATION_REQUEST || this == AUTO_ANSWER;
    }

    /** Written by the customer. */
    public boolean inbound() {
      return this == INQUIRY || this == FOLLOW_UP;
    }
  }

  /** A file the customer attached: what intake recorded of it. */
  public record AttachmentInfo(
      String fileName, String contentType, long sizeBytes, String sha256) {}

  /** Where the delivery of an outbound message stands. */
  public enum DeliveryStatus {
    /** Published for its channel; no report yet. */
    PENDING,
    SENT,
    /** The sender gave up after its retries. */
    FAILED,
    /** There was nobody to send it to (no contact on the conversation). */
    UNDELIVERABLE
  }

  /** An outbound message's delivery, as its sender reported it. */
  public record Delivery(
      DeliveryStatus status, int attempts, String detail, String reportedBy, Instant at) {

    static Delivery pending(Instant at) {
      return new Delivery(DeliveryStatus.PENDING, 0, null, null, at);
    }
  }

  /**
   * One message of the conversation, in the order it happened: what the customer wrote (inquiry,
   * follow-ups), what we answered (replies, requests for information, the automatic answer) and
   * internal notes, each with its text, author and time.
   *
   * @param messageId the inbound message's channel id, or the id our outbound message is sent with
   *     (its email Message-ID), or the note's command id
   * @param author the customer's email for their messages, the agent's id for ours
   * @param contactName the customer contact it is from (inbound) or for (outbound)
   * @param customerFacing seen by the customer: everything but internal notes
   * @param delivery for an outbound message, where its delivery stands; null otherwise
   */
  public record Message(
      String messageId,
      MessageKind kind,
      Instant at,
      String author,
      Channel channel,
      String contactName,
      String contactEmail,
      String subject,
      String body,
      List<AttachmentInfo> attachments,
      boolean customerFacing,
      Delivery delivery) {

    public Message {
      attachments = list(attachments);
    }

    Message withDelivery(Delivery next) {
      return new Message(
          messageId,
          kind,
          at,
          author,
          channel,
          contactName,
          contactEmail,
          subject,
          body,
          attachments,
          customerFacing,
          next);
    }
  }

  /** The message of this id, or null. */
  public Message message(String messageId) {
    return conversation.stream()
        .filter(m -> m.messageId().equals(messageId))
        .findFirst()
        .orElse(null);
  }

  /** One fact on the timeline: what happened, when, by whom, why. */
  public record TimelineEntry(Instant at, Activity event, String actor, String detail) {}

  public boolean isOpen() {
    return status == null || status.isOpen();
  }

  /** The action of this id, or null when the case has none. */
  public FinancialAction action(String actionId) {
    return actions.stream().filter(a -> a.actionId().equals(actionId)).findFirst().orElse(null);
  }

  public String leadSupervisor() {
    return teams.stream().filter(Team::lead).map(Team::supervisor).findFirst().orElse(null);
  }

  /** A copy to change: the workflow's way to make the next case. */
  Edit edit() {
    return new Edit(this);
  }

  /** The mutable draft of the next case; {@link #build()} freezes it. */
  static final class Edit {
    String inquiryId;
    CaseStatus status;
    CaseContext context;
    List<String> types;
    Urgency urgency;
    List<Team> teams;
    boolean triage;
    String routingReason;
    int priority;
    Instant responseDueAt;
    Instant resolutionDueAt;
    String slaCalendar;
    List<ApprovalTier> approvalLadder;
    List<String> excludedPeople;
    Map<String, BigDecimal> fxToBase;
    String assignee;
    Instant firstResponseAt;
    boolean followUpAfterFirstResponse;
    int followUps;
    int reopenCount;
    final List<FinancialAction> actions;
    SlaSignals sla;
    Instant resolvedAt;
    Resolution resolution;
    final List<TimelineEntry> timeline;
    final LinkedHashMap<String, CommandOutcome> outcomes;
    final List<Message> conversation;
    Escalation escalation;
    List<PriorityPart> priorityComponents;
    Instant slaPausedAt;

    private Edit(InquiryCase c) {
      inquiryId = c.inquiryId;
      status = c.status;
      context = c.context;
      types = c.types;
      urgency = c.urgency;
      teams = c.teams;
      triage = c.triage;
      routingReason = c.routingReason;
      priority = c.priority;
      responseDueAt = c.responseDueAt;
      resolutionDueAt = c.resolutionDueAt;
      slaCalendar = c.slaCalendar;
      approvalLadder = c.approvalLadder;
      excludedPeople = c.excludedPeople;
      fxToBase = c.fxToBase;
      assignee = c.assignee;
      firstResponseAt = c.firstResponseAt;
      followUpAfterFirstResponse = c.followUpAfterFirstResponse;
      followUps = c.followUps;
      reopenCount = c.reopenCount;
      actions = new ArrayList<>(c.actions);
      sla = c.sla;
      resolvedAt = c.resolvedAt;
      resolution = c.resolution;
      timeline = new ArrayList<>(c.timeline);
      outcomes = new LinkedHashMap<>(c.outcomes);
      conversation = new ArrayList<>(c.conversation);
      escalation = c.escalation;
      priorityComponents = c.priorityComponents;
      slaPausedAt = c.slaPausedAt;
    }

    Edit log(Instant at, Activity event, String actor, String detail) {
      timeline.add(new TimelineEntry(at, event, actor, detail));
      return this;
    }

    /** Replaces the action of the same id. */
    Edit replace(FinancialAction action) {
      actions.replaceAll(a -> a.actionId().equals(action.actionId()) ? action : a);
      return this;
    }

    boolean isOpen() {
      return status == null || status.isOpen();
    }

    InquiryCase build() {
      return new InquiryCase(
          inquiryId,
          status,
          context,
          types,
          urgency,
          teams,
          triage,
          routingReason,
          priority,
          responseDueAt,
          resolutionDueAt,
          slaCalendar,
          approvalLadder,
          excludedPeople,
          fxToBase,
          assignee,
          firstResponseAt,
          followUpAfterFirstResponse,
          followUps,
          reopenCount,
          actions,
          sla,
          resolvedAt,
          resolution,
          timeline,
          outcomes,
          conversation,
          escalation,
          priorityComponents,
          slaPausedAt);
    }
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
  }

  private static <K, V> Map<K, V> map(Map<K, V> values) {
    return values == null ? Map.of() : values;
  }
}
