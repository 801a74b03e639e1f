package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.schemas.approval.ApprovalLevel;

/**
 * Financial actions and their approval layers: a proposal needs a KYC-verified customer and may
 * only reference that customer's own ledger documents; its amount, converted with the routed rates,
 * picks the tier of the routed ladder, which says how many approvers of which role decide it under
 * {@link SegregationOfDuties}. Pure.
 */
final class Approvals {

  private final Map<String, BigDecimal> fallbackRates;
  private final Postings postings;

  /**
   * @param fallbackRates rates to the base currency for cases routed before the router put its
   *     rates on the event (empty: such cases refuse foreign amounts)
   * @param postings how an approved action becomes the effect finance systems post
   */
  Approvals(Map<String, BigDecimal> fallbackRates, Postings postings) {
    this.fallbackRates = Map.copyOf(fallbackRates == null ? Map.of() : fallbackRates);
    this.postings = postings;
  }

  /** The router's rates that came with the case; the configured fallback for older cases. */
  Map<String, BigDecimal> ratesFor(Map<String, BigDecimal> routedRates) {
    return routedRates == null || routedRates.isEmpty() ? fallbackRates : routedRates;
  }

  Step propose(
      InquiryCase current,
      CaseCommand.ProposeAction c,
      Function<String, CustomerFacts> customers,
      Function<String, String> documentOwners) {
    if (!current.isOpen()) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Conflict("the inquiry is resolved; reopen it before proposing an action"));
    }
    Optional<Refusal> refusal =
        kycRefusal(current, c, customers).or(() -> documentRefusal(current, c, documentOwners));
    if (refusal.isPresent()) {
      return Outcomes.refuse(current, c, refusal.get());
    }
    InquiryCase.FinancialAction reversed = null;
    if (c.reverses() != null) {
      reversed = current.action(c.reverses());
      Optional<Refusal> reversal = reversalRefusal(current, c, reversed);
      if (reversal.isPresent()) {
        return Outcomes.refuse(current, c, reversal.get());
      }
    }
    ActionType type = reversed != null ? reversed.type() : c.actionType();
    if (type == null) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Invalid("action type must be one of " + EnumSet.allOf(ActionType.class)));
    }
    Money amount = reversed != null && c.amount() == null ? reversed.amount() : c.amount();
    Map<String, BigDecimal> rates = ratesFor(current.fxToBase());
    BigDecimal base = amount == null ? null : toBase(rates, amount);
    if (base == null) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Invalid(
              "currency "
                  + (amount == null ? null : amount.currency())
                  + " is not supported; one of "
                  + new TreeSet<>(rates.keySet())));
    }
    if (type == ActionType.CREDIT_LIMIT_CHANGE) {
      // The amount is the new limit; the approval tier follows the increase over the master's
      // limit (a decrease lowers the risk and needs the lowest tier).
      CustomerFacts customer = customers.apply(current.context().customerId());
      Money old = customer == null ? null : customer.creditLimit();
      if (old != null && !old.currency().equals(amount.currency())) {
        return Outcomes.refuse(
            current,
            c,
            new Refusal.Invalid(
                "customer "
                    + current.context().customerId()
                    + "'s credit limit is kept in "
                    + old.currency()
                    + "; propose the new limit in "
                    + old.currency()));
      }
      BigDecimal increase = old == null ? amount.amount() : amount.amount().subtract(old.amount());
      base = toBase(rates, new Money(increase.max(BigDecimal.ZERO), amount.currency()));
    }
    BigDecimal tierAmount = base;
    Optional<InquiryCase.ApprovalTier> tier =
        current.approvalLadder().stream()
            .filter(t -> t.actionType() == type && tierAmount.compareTo(t.above()) > 0)
            .max(Comparator.comparing(InquiryCase.ApprovalTier::above));
    ApprovalLevel level = tier.map(InquiryCase.ApprovalTier::level).orElse(ApprovalLevel.NONE);
    InquiryCase.FinancialAction action =
        new InquiryCase.FinancialAction(
            c.actionId() != null
                ? c.actionId()
                : UUID.nameUUIDFromBytes(c.commandId().getBytes(StandardCharsets.UTF_8)).toString(),
            type,
            amount,
            reversed != null ? reversed.invoiceReference() : c.invoiceReference(),
            c.reason(),
            c.actor(),
            c.at(),
            level,
            tier.map(InquiryCase.ApprovalTier::role).orElse(null),
            level.approvals(),
            level.approvals() == 0
                ? InquiryCase.ActionState.APPROVED
                : InquiryCase.ActionState.PENDING,
            List.of(),
            null,
            null,
            reversed == null ? null : reversed.actionId(),
            level.approvals() == 0 ? InquiryCase.Posting.awaiting(c.at()) : null);
    InquiryCase.Edit next = current.edit();
    next.actions.add(action);
    if (action.approvalsRequired() > 0) {
      next.status = CaseStatus.PENDING_APPROVAL;
    }
    String detail =
        (reversed == null ? "" : "reversal of " + reversed.actionId() + ": ")
            + action.type()
            + " "
            + action.amount().display()
            + " needs "
            + describe(action);
    next.log(c.at(), Activity.ACTION_PROPOSED, c.actor(), detail);
    List<CaseEvent> events = new ArrayList<>();
    events.add(Outcomes.worked(Activity.ACTION_PROPOSED, c, detail, null, action));
    if (action.state() == InquiryCase.ActionState.APPROVED) {
      events.add(effect(current, action, customers, c.at()));
    }
    return Outcomes.accept(next, c, events, action.actionId());
  }

  /** The approved action as the effect finance posts. */
  private CaseEvent.EffectApproved effect(
      InquiryCase current,
      InquiryCase.FinancialAction action,
      Function<String, CustomerFacts> customers,
      java.time.Instant at) {
    return new CaseEvent.EffectApproved(
        postings.effect(
            current,
            action,
            customers.apply(current.context().customerId()),
            ratesFor(current.fxToBase()),
            at));
  }

  /**
   * A reversal reverses one approved ledger posting of the case, whole, once: same type, same
   * amount, same document.
   */
  private static Optional<Refusal> reversalRefusal(
      InquiryCase current, CaseCommand.ProposeAction c, InquiryCase.FinancialAction reversed) {
    if (reversed == null) {
      return Optional.of(new Refusal.NotFound("no action " + c.reverses() + " on this inquiry"));
    }
    if (reversed.state() != InquiryCase.ActionState.APPROVED) {
      return Optional.of(
          new Refusal.Conflict(
              "action "
                  + reversed.actionId()
                  + " is "
                  + reversed.state()
                  + "; only an approved action can be reversed"));
    }
    if (reversed.reverses() != null) {
      return Optional.of(
          new Refusal.Conflict(
              "action "
                  + reversed.actionId()
                  + " is itself a reversal; propose the original action again instead"));
    }
    if (!POSTED_KINDS.contains(reversed.type())) {
      return Optional.of(
          new Refusal.Invalid(
              "a "
                  + reversed.type()
                  + " is not a ledger posting and is not reversed; propose a new "
                  + reversed.type()
                  + " instead"));
    }
    if (c.actionType() != null && c.actionType() != reversed.type()) {
      return Optional.of(
          new Refusal.Invalid(
              "a reversal has the type of the action it reverses: " + reversed.type()));
    }
    if (c.amount() != null
        && (!c.amount().currency().equals(reversed.amount().currency())
            || c.amount().amount().compareTo(reversed.amount().amount()) != 0)) {
      return Optional.of(
          new Refusal.Invalid(
              "a reversal reverses the whole amount, " + reversed.amount().display()));
    }
    return current.actions().stream()
        .filter(
            a ->
                reversed.actionId().equals(a.reverses())
                    && a.state() != InquiryCase.ActionState.REJECTED)
        .findFirst()
        .map(
            a ->
                new Refusal.Conflict(
                    "action " + reversed.actionId() + " is already reversed by " + a.actionId()));
  }

  /** The kinds that post to the ledger, so a reversal can undo them. */
  private static final Set<ActionType> POSTED_KINDS =
      EnumSet.of(
          ActionType.CREDIT_NOTE, ActionType.REBILL, ActionType.REFUND, ActionType.WRITE_OFF);

  Step decide(
      InquiryCase current, CaseCommand.Decide c, Function<String, CustomerFacts> customers) {
    InquiryCase.FinancialAction action = c.actionId() == null ? null : current.action(c.actionId());
    if (action == null) {
      return Outcomes.refuse(
          current, c, new Refusal.NotFound("no action " + c.actionId() + " on this inquiry"));
    }
    if (action.state() != InquiryCase.ActionState.PENDING) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Conflict(
              "action " + action.actionId() + " is " + action.state() + ", not pending approval"));
    }
    Optional<Refusal> sod = SegregationOfDuties.mayDecide(action, c.actor());
    if (sod.isPresent()) {
      return Outcomes.refuse(current, c, sod.get());
    }
    Optional<String> role = SegregationOfDuties.approverRole(action, c.issued().roles());
    if (role.isEmpty()) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Forbidden(
              "approving a "
                  + action.level()
                  + " "
                  + action.type()
                  + " needs the role "
                  + action.approverRole()));
    }
    if (!c.approve() && (c.reason() == null || c.reason().isBlank())) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("a rejection needs a reason"));
    }
    InquiryCase.FinancialAction decided =
        c.approve() ? action.approvedBy(c.actor()) : action.rejectedBy(c.actor(), c.reason());
    InquiryCase.FinancialAction updated =
        decided.state() == InquiryCase.ActionState.APPROVED
            ? decided.withPosting(InquiryCase.Posting.awaiting(c.at()))
            : decided;
    boolean finalDecision = !c.approve() || updated.state() == InquiryCase.ActionState.APPROVED;
    InquiryCase.Edit next = current.edit().replace(updated);
    if (next.actions.stream().noneMatch(a -> a.state() == InquiryCase.ActionState.PENDING)
        && next.status == CaseStatus.PENDING_APPROVAL) {
      next.status = CaseStatus.IN_PROGRESS;
    }
    String detail =
        (c.approve() ? "approved " : "rejected ")
            + updated.type()
            + " "
            + updated.amount().display()
            + " ("
            + updated.approvedBy().size()
            + "/"
            + updated.approvalsRequired()
            + ")"
            + (c.reason() == null ? "" : ": " + c.reason());
    next.log(c.at(), c.approve() ? Activity.APPROVED : Activity.REJECTED, c.actor(), detail);
    List<CaseEvent> events = new ArrayList<>();
    events.add(
        new CaseEvent.Approved(
            updated,
            c.actor(),
            role.get(),
            c.approve(),
            c.reason(),
            updated.approvedBy().size(),
            finalDecision));
    if (updated.state() == InquiryCase.ActionState.APPROVED) {
      events.add(effect(current, updated, customers, c.at()));
    }
    return Outcomes.accept(next, c, events, updated.actionId());
  }

  /** Financial actions need a linked customer whose KYC is verified as of the command's day. */
  private static Optional<Refusal> kycRefusal(
      InquiryCase current, CaseCommand c, Function<String, CustomerFacts> customers) {
    String customerId = current.context().customerId();
    if (customerId == null) {
      return Optional.of(
          new Refusal.Conflict(
              "financial actions need the inquiry linked to a KYC-verified customer; the sender"
                  + " is not linked to the customer master (link it: POST"
                  + " /api/v1/inquiries/{id}/customer)"));
    }
    CustomerFacts live = customers.apply(customerId);
    KycStatus kyc =
        live == null ? current.context().kycStatus() : live.kycStatusOn(Lifecycle.today(c));
    if (kyc != KycStatus.VERIFIED) {
      return Optional.of(
          new Refusal.Conflict(
              "financial actions need a KYC-verified customer; customer "
                  + customerId
                  + " is "
                  + kyc
                  + " in the customer master"));
    }
    return Optional.empty();
  }

  /**
   * A financial action may reference only a ledger document of the case's own customer: one the
   * ledger does not know, or one of another customer, is refused (without saying whose it is).
   */
  private static Optional<Refusal> documentRefusal(
      InquiryCase current, CaseCommand.ProposeAction c, Function<String, String> documentOwners) {
    String document = c.invoiceReference();
    if (document == null || document.isBlank()) {
      return Optional.empty();
    }
    String owner = documentOwners.apply(document.strip());
    if (owner == null) {
      return Optional.of(
          new Refusal.Conflict(
              "document "
                  + document.strip()
                  + " is not in the ledger; a financial action may only reference a ledger"
                  + " document of the inquiry's customer"));
    }
    if (!owner.equals(current.context().customerId())) {
      return Optional.of(
          new Refusal.Conflict(
              "document "
                  + document.strip()
                  + " does not belong to customer "
                  + current.context().customerId()
                  + "; a financial action may only reference the customer's own documents"));
    }
    return Optional.empty();
  }

  private static String describe(InquiryCase.FinancialAction a) {
    return switch (a.level()) {
      case NONE -> "no approval";
      case SINGLE -> "one approval (" + a.approverRole() + ")";
      case DUAL -> "two approvals by different " + a.approverRole() + "s";
      case ELEVATED -> "approval by a " + a.approverRole();
    };
  }

  static BigDecimal toBase(Map<String, BigDecimal> rates, Money amount) {
    BigDecimal rate = amount.currency() == null ? null : rates.get(amount.currency());
    return amount.amount() == null || rate == null ? null : amount.amount().multiply(rate);
  }
}
