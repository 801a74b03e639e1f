package org.example.inquiry.resolution.cases;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.schemas.ApprovalDecision;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.FinancialAdjustment;
import org.example.inquiry.schemas.InquiryApproved;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.identity.PersonIds;

/** Maps between the Avro events and the case domain. */
final class CaseMapper {

  private CaseMapper() {}

  static InquiryCase fromRouted(InquiryRouted r) {
    InquiryCase c = new InquiryCase();
    InquiryContext ctx = r.getContext();
    c.inquiryId = r.getInquiryId();
    c.context =
        new InquiryCase.Context(
            ctx.getReceivedAt(),
            ctx.getChannel().name(),
            ctx.getCustomerId(),
            ctx.getSegment(),
            ctx.getRegion(),
            ctx.getKycStatus().name(),
            ctx.getSenderIsRegisteredContact().name(),
            ctx.getAmount() == null ? null : ctx.getAmount().getAmount(),
            ctx.getAmount() == null ? null : ctx.getAmount().getCurrency(),
            ctx.getReferences().stream().map(ref -> ref.getKind() + ":" + ref.getValue()).toList(),
            ctx.getReferencesBelongToCustomer().name());
    r.getExchangeRates().forEach(rate -> c.fxToBase.put(rate.getCurrency(), rate.getToBase()));
    c.types = List.copyOf(r.getTypes());
    c.urgency = r.getUrgency().name();
    c.teams =
        r.getTeams().stream()
            .map(
                t ->
                    new InquiryCase.Team(
                        t.getTeam(), t.getLead(), t.getAssignee(), t.getSupervisor()))
            .toList();
    c.triage = r.getTriage();
    c.routingReason = r.getReason();
    c.priority = r.getPriority();
    c.responseDueAt = r.getResponseDueAt();
    c.resolutionDueAt = r.getResolutionDueAt();
    c.slaCalendar = r.getSlaCalendar();
    c.approvalLadder =
        r.getApprovalRequirements().stream()
            .map(
                a ->
                    new InquiryCase.ApprovalTier(
                        a.getActionType(),
                        a.getAboveAmount() == null
                            ? java.math.BigDecimal.ZERO
                            : a.getAboveAmount().getAmount(),
                        a.getLevel(),
                        a.getApproverRole()))
            .toList();
    c.excludedPeople = r.getExcludedPeople().stream().map(PersonIds::canonicalOrFolded).toList();
    return c;
  }

  static CaseCommand fromCommand(InquiryCommand k) {
    return new CaseCommand(
        k.getCommandId(),
        k.getType(),
        k.getActor(),
        new HashSet<>(k.getRoles()),
        k.getIssuedAt(),
        k.getAssignee(),
        k.getText(),
        k.getActionId(),
        k.getActionType(),
        k.getAmount() == null ? null : k.getAmount().getAmount(),
        k.getAmount() == null ? null : k.getAmount().getCurrency(),
        k.getInvoiceReference(),
        k.getReason(),
        k.getResolutionCode(),
        k.getRootCause(),
        k.getConfirmedTypes(),
        k.getCustomerId());
  }

  static SpecificRecord toAvro(
      String inquiryId, CaseEvent event, Instant at, String policyVersion) {
    if (event instanceof CaseEvent.Worked w) {
      return InquiryWorked.newBuilder()
          .setEventId(UUID.randomUUID().toString())
          .setInquiryId(inquiryId)
          .setOccurredAt(at)
          .setActivity(w.activity())
          .setActor(w.actor())
          .setDetail(w.detail())
          .setAssignee(w.assignee())
          .setEscalatedTo(w.escalatedTo())
          .setActionId(w.action() == null ? null : w.action().actionId)
          .setActionType(w.action() == null ? null : w.action().type)
          .setAmount(w.action() == null ? null : money(w.action().amount, w.action().currency))
          .setApprovalLevel(w.action() == null ? null : w.action().level)
          .setTeams(w.teams())
          .build();
    }
    if (event instanceof CaseEvent.Approved a) {
      return InquiryApproved.newBuilder()
          .setEventId(UUID.randomUUID().toString())
          .setInquiryId(inquiryId)
          .setOccurredAt(at)
          .setActionId(a.action().actionId)
          .setActionType(a.action().type)
          .setAmount(money(a.action().amount, a.action().currency))
          .setInvoiceReference(a.action().invoiceReference)
          .setMaker(a.action().maker)
          .setApprover(a.approver())
          .setApproverRole(a.approverRole())
          .setDecision(a.approved() ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED)
          .setReason(a.reason())
          .setLevel(a.action().level)
          .setApprovalsRequired(a.action().approvalsRequired)
          .setApprovalsGiven(a.approvalsGiven())
          .setFinalDecision(a.finalDecision())
          .setPolicyVersion(policyVersion)
          .build();
    }
    return resolved(((CaseEvent.Resolved) event).resolvedCase(), at);
  }

  private static InquiryResolved resolved(InquiryCase c, Instant at) {
    InquiryCase.Context ctx = c.context;
    return InquiryResolved.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(c.inquiryId)
        .setOccurredAt(at)
        .setContext(
            InquiryContext.newBuilder()
                .setReceivedAt(ctx.receivedAt())
                .setChannel(Channel.valueOf(ctx.channel()))
                .setCustomerId(ctx.customerId())
                .setSegment(ctx.segment())
                .setRegion(ctx.region())
                .setKycStatus(KycStatus.valueOf(ctx.kycStatus()))
                .setSenderIsRegisteredContact(CheckOutcome.valueOf(ctx.senderIsRegisteredContact()))
                .setReferencesBelongToCustomer(
                    ctx.referencesBelongToCustomer() == null
                        ? CheckOutcome.UNKNOWN
                        : CheckOutcome.valueOf(ctx.referencesBelongToCustomer()))
                .setAmount(ctx.amount() == null ? null : money(ctx.amount(), ctx.currency()))
                .setReferences(
                    ctx.references().stream()
                        .map(
                            s ->
                                new Reference(
                                    org.example.inquiry.schemas.ReferenceKind.valueOf(
                                        s.substring(0, s.indexOf(':'))),
                                    s.substring(s.indexOf(':') + 1)))
                        .toList())
                .build())
        .setResolvedBy(c.resolution.resolvedBy())
        .setResolutionCode(c.resolution.code())
        .setRootCause(c.resolution.rootCause())
        .setConfirmedTypes(c.resolution.confirmedTypes())
        .setTeams(c.teams.stream().map(InquiryCase.Team::team).toList())
        .setFirstContactResolution(c.resolution.firstContactResolution())
        .setFirstResponseAt(c.firstResponseAt)
        .setReopenCount(c.reopenCount)
        .setAdjustments(
            c.actions.stream()
                .filter(a -> "APPROVED".equals(a.state))
                .map(
                    a ->
                        FinancialAdjustment.newBuilder()
                            .setAdjustmentId(a.actionId)
                            .setType(a.type)
                            .setAmount(money(a.amount, a.currency))
                            .setInvoiceReferences(
                                a.invoiceReference == null
                                    ? List.of()
                                    : List.of(a.invoiceReference))
                            .setApprovedBy(a.approvedBy)
                            .setDescription(a.reason)
                            .build())
                .toList())
        .build();
  }

  private static Money money(java.math.BigDecimal amount, String currency) {
    return amount == null ? null : new Money(amount.setScale(4, RoundingMode.HALF_UP), currency);
  }
}
