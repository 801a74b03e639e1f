package org.example.inquiry.resolution.cases;

import java.time.Instant;
import java.util.List;

/** A fact the case workflow produced; the adapter publishes it as the matching Avro event. */
public sealed interface CaseEvent {

  /** An activity on the case ({@code inquiries-worked}). */
  record Worked(
      Activity activity,
      String actor,
      String detail,
      String assignee,
      String escalatedTo,
      InquiryCase.FinancialAction action,
      List<String> teams,
      Instant resolutionDueAt,
      List<String> correctedTypes)
      implements CaseEvent {

    public Worked {
      teams = teams == null ? List.of() : List.copyOf(teams);
      correctedTypes = correctedTypes == null ? null : List.copyOf(correctedTypes);
    }

    /** An activity that moved the resolution due time (the SLA clock paused or resumed). */
    public Worked(
        Activity activity,
        String actor,
        String detail,
        String assignee,
        String escalatedTo,
        InquiryCase.FinancialAction action,
        List<String> teams,
        Instant resolutionDueAt) {
      this(activity, actor, detail, assignee, escalatedTo, action, teams, resolutionDueAt, null);
    }

    /** An activity that leaves the resolution due time as it was. */
    public Worked(
        Activity activity,
        String actor,
        String detail,
        String assignee,
        String escalatedTo,
        InquiryCase.FinancialAction action,
        List<String> teams) {
      this(activity, actor, detail, assignee, escalatedTo, action, teams, null, null);
    }

    static Worked by(String actor, Activity activity, String detail) {
      return new Worked(activity, actor, detail, null, null, null, List.of());
    }
  }

  /**
   * A request to route the case to other teams ({@code reroutes-requested}); the router answers on
   * {@code inquiries-routed}.
   *
   * @param routedCase the case as it is, whose context, types and urgency the router routes by
   */
  record RerouteRequested(
      InquiryCase routedCase, List<String> teams, String requestedBy, String reason)
      implements CaseEvent {}

  /** An approval decision ({@code inquiries-approved}). */
  record Approved(
      InquiryCase.FinancialAction action,
      String approver,
      String approverRole,
      boolean approved,
      String reason,
      int approvalsGiven,
      boolean finalDecision)
      implements CaseEvent {}

  /**
   * A financial action's final approval as the effect to post ({@code financial-effects-approved},
   * keyed by customer): published once, never on reopen.
   */
  record EffectApproved(FinancialEffect effect) implements CaseEvent {}

  /**
   * A message to the customer to deliver on their channel ({@code outbound-messages}).
   *
   * @param inReplyTo the email Message-ID of the customer's latest email, if any
   * @param references the email Message-IDs of the conversation so far, oldest first
   */
  record Outbound(
      String messageId,
      InquiryCase.MessageKind kind,
      org.example.inquiry.schemas.Channel channel,
      String customerId,
      String toName,
      String toEmail,
      String subject,
      String body,
      String inReplyTo,
      List<String> references,
      String author)
      implements CaseEvent {

    public Outbound {
      references = references == null ? List.of() : List.copyOf(references);
    }
  }

  /** The resolution with its financial effects ({@code inquiries-resolved}). */
  record Resolved(InquiryCase resolvedCase) implements CaseEvent {}
}
