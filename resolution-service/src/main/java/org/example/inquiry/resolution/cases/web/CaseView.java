package org.example.inquiry.resolution.cases.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.example.inquiry.resolution.cases.CaseContext;
import org.example.inquiry.resolution.cases.CommandOutcome;
import org.example.inquiry.resolution.cases.InquiryCase;

/**
 * The case as {@code GET /api/v1/inquiries/{id}} shows it (and command answers carry it): the
 * domain case with money as amount and currency side by side, references as {@code KIND:value} and
 * command outcomes with their HTTP status, the shape clients read.
 */
public record CaseView(
    String inquiryId,
    String status,
    ContextView context,
    List<String> types,
    String urgency,
    List<InquiryCase.Team> teams,
    boolean triage,
    String routingReason,
    int priority,
    Instant responseDueAt,
    Instant resolutionDueAt,
    String slaCalendar,
    List<InquiryCase.ApprovalTier> approvalLadder,
    List<String> excludedPeople,
    Map<String, BigDecimal> fxToBase,
    String assignee,
    Instant firstResponseAt,
    boolean followUpAfterFirstResponse,
    int followUps,
    int reopenCount,
    List<ActionView> actions,
    InquiryCase.SlaSignals sla,
    Instant resolvedAt,
    InquiryCase.Resolution resolution,
    List<InquiryCase.TimelineEntry> timeline,
    List<InquiryCase.Message> conversation,
    InquiryCase.Escalation escalation,
    Map<String, OutcomeView> outcomes,
    boolean open,
    CustomerFinancesView customerFinances,
    List<InquiryCase.PriorityPart> priorityComponents,
    List<LedgerDocumentView> documents,
    Instant slaPausedAt,
    List<AttachmentView> attachments) {

  /**
   * A file the customer attached, on the message that brought it.
   *
   * @param messageId the conversation message that lists it
   * @param contentType as the sender declared it (the file is always served as
   *     application/octet-stream)
   * @param sha256 hex SHA-256 of its content, when intake saw the content
   * @param download where its content is, when it is stored (email attachments); null when its
   *     channel delivered only its description
   */
  public record AttachmentView(
      String messageId,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      String download) {}

  /**
   * A ledger document the inquiry refers to, as the ledger extract shows it now.
   *
   * @param paidOn the day it was settled in full, or null
   * @param promisedPaymentDate the day the customer promised to pay, or null
   */
  public record LedgerDocumentView(
      String documentNumber,
      String documentType,
      BigDecimal amount,
      BigDecimal openAmount,
      String currency,
      LocalDate issueDate,
      LocalDate dueDate,
      String status,
      LocalDate paidOn,
      LocalDate promisedPaymentDate,
      String orderNumber,
      String letterOfCreditNumber) {}

  /** The inquiry's context from intake. */
  public record ContextView(
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

  /**
   * A financial action with its approvals and, once approved, its posting.
   *
   * @param reverses the action it reverses, or null
   * @param posting AWAITING_POSTING, POSTED or REJECTED once approved, else null
   * @param postedDocument the finance system's document number once posted
   * @param postingRejection why finance rejected it
   * @param postingOverdue true when finance did not answer in time
   */
  public record ActionView(
      String actionId,
      String type,
      BigDecimal amount,
      String currency,
      String invoiceReference,
      String reason,
      String maker,
      Instant proposedAt,
      String level,
      String approverRole,
      int approvalsRequired,
      String state,
      List<String> approvedBy,
      String rejectedBy,
      String rejectionReason,
      String reverses,
      String posting,
      String postedDocument,
      String postingRejection,
      String postingSystem,
      Instant acknowledgedAt,
      boolean postingOverdue) {}

  /** What became of a command, with the status its caller was answered. */
  public record OutcomeView(
      String commandId, boolean accepted, int status, String reason, String actionId) {}

  /** The case alone (command answers). */
  public static CaseView of(InquiryCase c) {
    return of(c, null);
  }

  /** The case with its customer's finances (reading a case). */
  public static CaseView of(InquiryCase c, CustomerFinancesView customerFinances) {
    return of(c, customerFinances, List.of());
  }

  /** The case with its customer's finances and the ledger documents it refers to. */
  public static CaseView of(
      InquiryCase c, CustomerFinancesView customerFinances, List<LedgerDocumentView> documents) {
    return of(c, customerFinances, documents, sha256 -> false);
  }

  /**
   * The case with its customer's finances, the ledger documents it refers to, and its attached
   * files with a download link for those whose content is {@code stored}.
   */
  public static CaseView of(
      InquiryCase c,
      CustomerFinancesView customerFinances,
      List<LedgerDocumentView> documents,
      Predicate<String> stored) {
    Map<String, OutcomeView> outcomes = new LinkedHashMap<>();
    c.outcomes().forEach((id, outcome) -> outcomes.put(id, outcome(outcome)));
    return new CaseView(
        c.inquiryId(),
        name(c.status()),
        context(c.context()),
        c.types(),
        name(c.urgency()),
        c.teams(),
        c.triage(),
        c.routingReason(),
        c.priority(),
        c.responseDueAt(),
        c.resolutionDueAt(),
        c.slaCalendar(),
        c.approvalLadder(),
        c.excludedPeople(),
        c.fxToBase(),
        c.assignee(),
        c.firstResponseAt(),
        c.followUpAfterFirstResponse(),
        c.followUps(),
        c.reopenCount(),
        c.actions().stream().map(CaseView::action).toList(),
        c.sla(),
        c.resolvedAt(),
        c.resolution(),
        c.timeline(),
        c.conversation(),
        c.escalation(),
        outcomes,
        c.isOpen(),
        customerFinances,
        c.priorityComponents(),
        documents == null ? List.of() : documents,
        c.slaPausedAt(),
        attachments(c, stored));
  }

  /** Where a stored file of the case is served. */
  public static String downloadPath(String inquiryId, String sha256) {
    return "/api/v1/inquiries/" + inquiryId + "/attachments/" + sha256;
  }

  private static List<AttachmentView> attachments(InquiryCase c, Predicate<String> stored) {
    List<AttachmentView> files = new ArrayList<>();
    for (InquiryCase.Message message : c.conversation()) {
      for (InquiryCase.AttachmentInfo file : message.attachments()) {
        String sha = file.sha256();
        files.add(
            new AttachmentView(
                message.messageId(),
                file.fileName(),
                file.contentType(),
                file.sizeBytes(),
                sha,
                // Only email delivers content: a portal or adapter message states metadata, and
                // its hash must not open a file another message brought.
                sha != null
                        && message.channel() == org.example.inquiry.schemas.Channel.EMAIL
                        && stored.test(sha)
                    ? downloadPath(c.inquiryId(), sha)
                    : null));
      }
    }
    return files;
  }

  static OutcomeView outcome(CommandOutcome o) {
    return o.accepted()
        ? new OutcomeView(o.commandId(), true, 200, "accepted", o.actionId())
        : new OutcomeView(
            o.commandId(),
            false,
            RefusalStatus.of(o.refusal()).value(),
            o.refusal().reason(),
            o.actionId());
  }

  private static ContextView context(CaseContext c) {
    return new ContextView(
        c.receivedAt(),
        name(c.channel()),
        c.customerId(),
        c.segment(),
        c.region(),
        name(c.kycStatus()),
        name(c.senderIsRegisteredContact()),
        c.amount() == null ? null : c.amount().amount(),
        c.amount() == null ? null : c.amount().currency(),
        c.references().stream().map(r -> r.kind() + ":" + r.value()).toList(),
        name(c.referencesBelongToCustomer()));
  }

  private static ActionView action(InquiryCase.FinancialAction a) {
    return new ActionView(
        a.actionId(),
        name(a.type()),
        a.amount() == null ? null : a.amount().amount(),
        a.amount() == null ? null : a.amount().currency(),
        a.invoiceReference(),
        a.reason(),
        a.maker(),
        a.proposedAt(),
        name(a.level()),
        a.approverRole(),
        a.approvalsRequired(),
        name(a.state()),
        a.approvedBy(),
        a.rejectedBy(),
        a.rejectionReason(),
        a.reverses(),
        a.posting() == null ? null : name(a.posting().status()),
        a.posting() == null ? null : a.posting().documentNumber(),
        a.posting() == null ? null : a.posting().reason(),
        a.posting() == null ? null : a.posting().system(),
        a.posting() == null ? null : a.posting().acknowledgedAt(),
        a.posting() != null && a.posting().overdue());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
