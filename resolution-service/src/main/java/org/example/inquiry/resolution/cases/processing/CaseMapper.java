package org.example.inquiry.resolution.cases.processing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.resolution.cases.AutoAnswer;
import org.example.inquiry.resolution.cases.CaseCommand;
import org.example.inquiry.resolution.cases.CaseContext;
import org.example.inquiry.resolution.cases.CaseEvent;
import org.example.inquiry.resolution.cases.Conversation;
import org.example.inquiry.resolution.cases.CustomerFacts;
import org.example.inquiry.resolution.cases.FinanceAcknowledgements;
import org.example.inquiry.resolution.cases.FinancialEffect;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.Money;
import org.example.inquiry.resolution.cases.Reference;
import org.example.inquiry.schemas.AcknowledgementStatus;
import org.example.inquiry.schemas.ApprovalDecision;
import org.example.inquiry.schemas.Attachment;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.CreditLimitChange;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.DeliveryStatus;
import org.example.inquiry.schemas.EffectKind;
import org.example.inquiry.schemas.FinanceAcknowledgement;
import org.example.inquiry.schemas.FinancialAdjustment;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.InquiryApproved;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryFollowedUp;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.MessageDelivery;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.OutboundKind;
import org.example.inquiry.schemas.OutboundMessage;
import org.example.inquiry.schemas.PostingDirection;
import org.example.inquiry.schemas.PostingLine;
import org.example.inquiry.schemas.RerouteRequested;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.schemas.approval.ApprovalLevel;
import org.example.inquiry.schemas.identity.PersonIds;

/**
 * Maps between the Avro events and the case domain, value type for value type: enums stay enums,
 * money stays an amount with its currency, references keep their kind.
 */
public final class CaseMapper {

  private CaseMapper() {}

  /** The case as the router routed it (not yet opened: no status, no timeline). */
  public static InquiryCase fromRouted(InquiryRouted r) {
    InquiryContext ctx = r.getContext();
    CaseContext context =
        new CaseContext(
            ctx.getReceivedAt(),
            ctx.getChannel(),
            ctx.getCustomerId(),
            ctx.getSegment(),
            ctx.getRegion(),
            ctx.getKycStatus(),
            ctx.getSenderIsRegisteredContact(),
            money(ctx.getAmount()),
            ctx.getReferences().stream()
                .map(ref -> new Reference(ref.getKind(), ref.getValue()))
                .toList(),
            ctx.getReferencesBelongToCustomer());
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    r.getExchangeRates().forEach(rate -> rates.put(rate.getCurrency(), rate.getToBase()));
    List<InquiryCase.ApprovalTier> ladder =
        r.getApprovalRequirements().stream()
            .flatMap(
                a ->
                    ActionType.named(a.getActionType())
                        .map(
                            type ->
                                new InquiryCase.ApprovalTier(
                                    type,
                                    a.getAboveAmount() == null
                                        ? BigDecimal.ZERO
                                        : a.getAboveAmount().getAmount(),
                                    // A level this version does not know needs one approval
                                    // by its role, as ELEVATED does.
                                    ApprovalLevel.named(a.getLevel())
                                        .orElse(ApprovalLevel.ELEVATED),
                                    a.getApproverRole()))
                        .stream())
            .toList();
    return InquiryCase.routed(
            r.getInquiryId(),
            context,
            r.getTypes(),
            r.getUrgency(),
            r.getTeams().stream()
                .map(
                    t ->
                        new InquiryCase.Team(
                            t.getTeam(), t.getLead(), t.getAssignee(), t.getSupervisor()))
                .toList(),
            r.getTriage(),
            r.getReason(),
            r.getPriority(),
            r.getResponseDueAt(),
            r.getResolutionDueAt(),
            r.getSlaCalendar(),
            ladder,
            r.getExcludedPeople().stream().map(PersonIds::canonicalOrFolded).toList(),
            rates)
        .withPriorityComponents(
            r.getPriorityComponents().stream()
                .map(
                    p ->
                        new InquiryCase.PriorityPart(
                            p.getName(), p.getValue(), p.getWeight(), p.getPoints(), p.getBasis()))
                .toList());
  }

  public static CaseCommand fromCommand(InquiryCommand k) {
    var issued =
        new CaseCommand.Issued(
            k.getCommandId(), k.getActor(), new HashSet<>(k.getRoles()), k.getIssuedAt());
    Optional<CaseCommand.Type> type =
        Arrays.stream(CaseCommand.Type.values())
            .filter(t -> t.name().equals(k.getType()))
            .findFirst();
    if (type.isEmpty()) {
      return new CaseCommand.Unknown(issued, k.getType());
    }
    return switch (type.get()) {
      case CLAIM -> new CaseCommand.Claim(issued, k.getTeam());
      case ASSIGN -> new CaseCommand.Assign(issued, k.getAssignee(), k.getTeam());
      case ESCALATE -> new CaseCommand.Escalate(issued, k.getReason(), k.getTeam());
      case REROUTE -> new CaseCommand.Reroute(issued, List.copyOf(k.getTeams()), k.getReason());
      case RECLASSIFY ->
          new CaseCommand.Reclassify(issued, List.copyOf(k.getConfirmedTypes()), k.getReason());
      case REPLY -> new CaseCommand.Reply(issued, k.getText());
      case REQUEST_INFO -> new CaseCommand.RequestInfo(issued, k.getText());
      case NOTE -> new CaseCommand.Note(issued, k.getText());
      case PROPOSE_ACTION ->
          new CaseCommand.ProposeAction(
              issued,
              k.getActionId(),
              ActionType.named(k.getActionType()).orElse(null),
              money(k.getAmount()),
              k.getInvoiceReference(),
              k.getReason(),
              k.getReverses());
      case APPROVE, REJECT ->
          new CaseCommand.Decide(
              issued, type.get() == CaseCommand.Type.APPROVE, k.getActionId(), k.getReason());
      case RESOLVE ->
          new CaseCommand.Resolve(
              issued, k.getResolutionCode(), k.getRootCause(), k.getConfirmedTypes());
      case REOPEN -> new CaseCommand.Reopen(issued, k.getReason());
      case LINK_CUSTOMER -> new CaseCommand.LinkCustomer(issued, k.getCustomerId());
    };
  }

  static CustomerFacts customerFacts(Customer c) {
    return new CustomerFacts(
        c.getCustomerId(),
        c.getLegalName(),
        c.getSegment(),
        c.getRegion(),
        c.getKycStatus(),
        c.getKycExpiresOn(),
        c.getAccountManager(),
        money(c.getCreditLimit()));
  }

  /** A ledger invoice as the automatic answer reads it; null for other documents. */
  static AutoAnswer.LedgerItem ledgerItem(OpenItem item) {
    if (!"INVOICE".equals(item.getDocumentType())) {
      return null;
    }
    return new AutoAnswer.LedgerItem(
        item.getDocumentNumber(),
        item.getCustomerId(),
        item.getAmount().getAmount(),
        item.getOpenAmount().getAmount(),
        item.getAmount().getCurrency(),
        item.getDueDate(),
        item.getStatus(),
        item.getUpdatedAt());
  }

  public static SpecificRecord toAvro(
      String inquiryId, CaseEvent event, Instant at, String policyVersion) {
    if (event instanceof CaseEvent.Worked w) {
      InquiryCase.FinancialAction action = w.action();
      return InquiryWorked.newBuilder()
          .setEventId(UUID.randomUUID().toString())
          .setInquiryId(inquiryId)
          .setOccurredAt(at)
          .setActivity(w.activity().name())
          .setActor(w.actor())
          .setDetail(w.detail())
          .setAssignee(w.assignee())
          .setEscalatedTo(w.escalatedTo())
          .setActionId(action == null ? null : action.actionId())
          .setActionType(action == null ? null : action.type().name())
          .setAmount(action == null ? null : avro(action.amount()))
          .setApprovalLevel(action == null ? null : action.level().name())
          .setTeams(w.teams())
          .setResolutionDueAt(w.resolutionDueAt())
          .setCorrectedTypes(w.correctedTypes())
          .build();
    }
    if (event instanceof CaseEvent.Outbound o) {
      return outbound(inquiryId, o, at);
    }
    if (event instanceof CaseEvent.Approved a) {
      InquiryCase.FinancialAction action = a.action();
      return InquiryApproved.newBuilder()
          .setEventId(UUID.randomUUID().toString())
          .setInquiryId(inquiryId)
          .setOccurredAt(at)
          .setActionId(action.actionId())
          .setActionType(action.type().name())
          .setAmount(avro(action.amount()))
          .setInvoiceReference(action.invoiceReference())
          .setMaker(action.maker())
          .setApprover(a.approver())
          .setApproverRole(a.approverRole())
          .setDecision(a.approved() ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED)
          .setReason(a.reason())
          .setLevel(action.level().name())
          .setApprovalsRequired(action.approvalsRequired())
          .setApprovalsGiven(a.approvalsGiven())
          .setFinalDecision(a.finalDecision())
          .setPolicyVersion(policyVersion)
          .build();
    }
    if (event instanceof CaseEvent.RerouteRequested r) {
      InquiryCase c = r.routedCase();
      return RerouteRequested.newBuilder()
          .setEventId(UUID.randomUUID().toString())
          .setInquiryId(inquiryId)
          .setOccurredAt(at)
          .setRequestedBy(r.requestedBy())
          .setReason(r.reason())
          .setTeams(r.teams())
          .setContext(avro(c.context()))
          .setTypes(c.types())
          .setUrgency(c.urgency() == null ? Urgency.NORMAL : c.urgency())
          .build();
    }
    if (event instanceof CaseEvent.EffectApproved e) {
      return effect(e.effect(), policyVersion);
    }
    return resolved(((CaseEvent.Resolved) event).resolvedCase(), at);
  }

  /** A finance system's answer, for the case workflow. */
  /** The customer's inquiry as intake received it, the start of the conversation. */
  public static InquiryCase.Message inquiry(InquiryReceived r) {
    return inbound(
        r.getChannelMessageId() == null ? "inquiry-" + r.getInquiryId() : r.getChannelMessageId(),
        InquiryCase.MessageKind.INQUIRY,
        r.getOccurredAt(),
        r.getChannel(),
        r.getContact(),
        r.getSubject(),
        r.getBody(),
        r.getAttachments());
  }

  /** The customer writing again, on the conversation. */
  public static InquiryCase.Message followUp(InquiryFollowedUp f) {
    return inbound(
        f.getChannelMessageId() == null ? "follow-up-" + f.getEventId() : f.getChannelMessageId(),
        InquiryCase.MessageKind.FOLLOW_UP,
        f.getOccurredAt(),
        f.getChannel(),
        f.getContact(),
        f.getSubject(),
        f.getBody(),
        f.getAttachments());
  }

  private static InquiryCase.Message inbound(
      String id,
      InquiryCase.MessageKind kind,
      Instant at,
      org.example.inquiry.schemas.Channel channel,
      Contact contact,
      String subject,
      String body,
      List<Attachment> attachments) {
    String email = contact == null ? null : contact.getEmail();
    return new InquiryCase.Message(
        id,
        kind,
        at,
        email,
        channel,
        contact == null ? null : contact.getName(),
        email,
        subject,
        body,
        attachments.stream()
            .map(
                a ->
                    new InquiryCase.AttachmentInfo(
                        a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256()))
            .toList(),
        true,
        null);
  }

  /** A sender's report on an outbound message. */
  public static Conversation.DeliveryReport delivery(MessageDelivery d) {
    if (d.getStatus() == DeliveryStatus.OTHER) {
      throw new IllegalArgumentException(
          "delivery status of message " + d.getMessageId() + " is not one this version knows");
    }
    return new Conversation.DeliveryReport(
        d.getMessageId(),
        d.getStatus() == DeliveryStatus.SENT,
        d.getAttempts(),
        d.getDetail(),
        d.getDeliveredBy(),
        d.getOccurredAt());
  }

  private static OutboundMessage outbound(String inquiryId, CaseEvent.Outbound o, Instant at) {
    return OutboundMessage.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(inquiryId)
        .setOccurredAt(at)
        .setMessageId(o.messageId())
        .setKind(
            switch (o.kind()) {
              case REPLY -> OutboundKind.REPLY;
              case INFORMATION_REQUEST -> OutboundKind.INFORMATION_REQUEST;
              case AUTO_ANSWER -> OutboundKind.AUTO_ANSWER;
              default -> OutboundKind.OTHER;
            })
        .setChannel(o.channel() == null ? org.example.inquiry.schemas.Channel.OTHER : o.channel())
        .setCustomerId(o.customerId())
        .setTo(new Contact(o.toName() == null ? "" : o.toName(), o.toEmail()))
        .setSubject(o.subject())
        .setBody(o.body())
        .setInReplyTo(o.inReplyTo())
        .setReferences(o.references())
        .setAuthor(o.author())
        .build();
  }

  public static FinanceAcknowledgements.Acknowledgement acknowledgement(FinanceAcknowledgement a) {
    if (a.getStatus() != AcknowledgementStatus.POSTED
        && a.getStatus() != AcknowledgementStatus.REJECTED) {
      throw new IllegalArgumentException(
          "acknowledgement of effect "
              + a.getEffectId()
              + " has status "
              + a.getStatus()
              + "; POSTED or REJECTED expected");
    }
    boolean posted = a.getStatus() == AcknowledgementStatus.POSTED;
    if (posted && (a.getDocumentNumber() == null || a.getDocumentNumber().isBlank())) {
      throw new IllegalArgumentException(
          "POSTED acknowledgement of effect " + a.getEffectId() + " has no document number");
    }
    if (!posted && (a.getReason() == null || a.getReason().isBlank())) {
      throw new IllegalArgumentException(
          "REJECTED acknowledgement of effect " + a.getEffectId() + " has no reason");
    }
    return new FinanceAcknowledgements.Acknowledgement(
        a.getEffectId(),
        posted,
        a.getDocumentNumber(),
        a.getReason(),
        a.getSystem(),
        a.getOccurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  private static FinancialEffectApproved effect(FinancialEffect e, String policyVersion) {
    return FinancialEffectApproved.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setEffectId(e.effectId())
        .setInquiryId(e.inquiryId())
        .setOccurredAt(e.approvedAt())
        .setCustomerId(e.customerId())
        .setKind(EffectKind.valueOf(e.kind().name()))
        .setLegalEntity(e.legalEntity())
        .setPostings(
            e.postings().stream()
                .map(
                    l ->
                        PostingLine.newBuilder()
                            .setAccount(l.account())
                            .setDirection(PostingDirection.valueOf(l.direction().name()))
                            .setAmount(avro(l.amount()))
                            .setRole(l.role())
                            .build())
                .toList())
        .setReceivableDirection(
            e.receivableDirection() == null
                ? null
                : PostingDirection.valueOf(e.receivableDirection().name()))
        .setNet(avro(e.net()))
        .setTax(avro(e.tax()))
        .setGross(avro(e.gross()))
        .setTaxCode(e.taxCode())
        .setBaseCurrency(e.baseCurrency())
        .setFxRateToBase(e.fxRateToBase().setScale(8, RoundingMode.HALF_UP))
        .setGrossInBase(avro(e.grossInBase()))
        .setDocumentReference(e.documentReference())
        .setPostingDate(e.postingDate())
        .setValueDate(e.valueDate())
        .setReverses(e.reverses())
        .setCreditLimit(
            e.creditLimit() == null
                ? null
                : CreditLimitChange.newBuilder()
                    .setOldLimit(avro(e.creditLimit().oldLimit()))
                    .setNewLimit(avro(e.creditLimit().newLimit()))
                    .build())
        .setReason(e.reason())
        .setMaker(e.maker())
        .setApprovers(e.approvers())
        .setApprovalLevel(e.approvalLevel())
        .setPolicyVersion(policyVersion)
        .build();
  }

  /** The case's context as the events carry it. */
  static InquiryContext avro(CaseContext ctx) {
    return InquiryContext.newBuilder()
        .setReceivedAt(ctx.receivedAt())
        .setChannel(ctx.channel())
        .setCustomerId(ctx.customerId())
        .setSegment(ctx.segment())
        .setRegion(ctx.region())
        .setKycStatus(ctx.kycStatus())
        .setSenderIsRegisteredContact(ctx.senderIsRegisteredContact())
        .setReferencesBelongToCustomer(ctx.referencesBelongToCustomer())
        .setAmount(avro(ctx.amount()))
        .setReferences(
            ctx.references().stream()
                .map(r -> new org.example.inquiry.schemas.Reference(r.kind(), r.value()))
                .toList())
        .build();
  }

  private static InquiryResolved resolved(InquiryCase c, Instant at) {
    return InquiryResolved.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(c.inquiryId())
        .setOccurredAt(at)
        .setContext(avro(c.context()))
        .setResolvedBy(c.resolution().resolvedBy())
        .setResolutionCode(c.resolution().code())
        .setRootCause(c.resolution().rootCause())
        .setConfirmedTypes(c.resolution().confirmedTypes())
        .setTeams(c.teams().stream().map(InquiryCase.Team::team).toList())
        .setFirstContactResolution(c.resolution().firstContactResolution())
        .setFirstResponseAt(c.firstResponseAt())
        .setReopenCount(c.reopenCount())
        .setAdjustments(
            c.actions().stream()
                .filter(a -> a.state() == InquiryCase.ActionState.APPROVED)
                .map(
                    a ->
                        FinancialAdjustment.newBuilder()
                            .setAdjustmentId(a.actionId())
                            .setType(a.type().name())
                            .setAmount(avro(a.amount()))
                            .setInvoiceReferences(
                                a.invoiceReference() == null
                                    ? List.of()
                                    : List.of(a.invoiceReference()))
                            .setApprovedBy(a.approvedBy())
                            .setDescription(a.reason())
                            .build())
                .toList())
        .build();
  }

  private static Money money(org.example.inquiry.schemas.Money money) {
    return money == null ? null : new Money(money.getAmount(), money.getCurrency());
  }

  /** Money on the wire has four decimal places. */
  private static org.example.inquiry.schemas.Money avro(Money money) {
    return money == null
        ? null
        : new org.example.inquiry.schemas.Money(
            money.amount().setScale(4, RoundingMode.HALF_UP), money.currency());
  }
}
