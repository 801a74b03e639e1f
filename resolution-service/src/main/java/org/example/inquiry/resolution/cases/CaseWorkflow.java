package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.example.inquiry.schemas.identity.PersonIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case state machine with approval layers and segregation of duties. Pure: every method takes
 * the current case and returns the next one, the events it caused and the command's outcome. A
 * refused command changes nothing but the audit trail.
 */
public final class CaseWorkflow {

  /** The result of one step. */
  public record Step(
      InquiryCase next, List<CaseEvent> events, InquiryCase.CommandOutcome outcome) {}

  static final Set<String> ACTION_TYPES =
      Set.of(
          "CREDIT_NOTE",
          "REBILL",
          "REFUND",
          "WRITE_OFF",
          "REVISED_DELIVERY",
          "PAYMENT_PLAN",
          "CREDIT_LIMIT_CHANGE");
  private static final int KEPT_OUTCOMES = 50;
  static final String AUTO_RESPONDER = "auto-responder";
  private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

  private final Map<String, BigDecimal> fxToBase;
  private final double warnAtFraction;

  /**
   * @param fxToBase rates to the base currency the approval ladder is expressed in, for cases
   *     routed before the router put its rates on the event (empty: such cases refuse foreign
   *     amounts)
   * @param warnAtFraction share of an SLA target after which a warning is raised (e.g. 0.75)
   */
  public CaseWorkflow(Map<String, BigDecimal> fxToBase, double warnAtFraction) {
    this.fxToBase = Map.copyOf(fxToBase == null ? Map.of() : fxToBase);
    this.warnAtFraction = warnAtFraction;
  }

  // ---- facts from other services -------------------------------------------------------------

  /** Opens the case from its routing, or records a re-routing. */
  public Step routed(InquiryCase current, InquiryCase routed, Instant at) {
    InquiryCase next = current == null ? routed : copy(current);
    if (current == null) {
      next.status = "OPEN";
      next.timeline.add(
          new InquiryCase.TimelineEntry(
              routed.context.receivedAt(),
              "RECEIVED",
              "intake-service",
              "via " + routed.context.channel()));
    } else {
      next.teams = routed.teams;
      next.priority = routed.priority;
      next.responseDueAt = routed.responseDueAt;
      next.resolutionDueAt = routed.resolutionDueAt;
      next.approvalLadder = routed.approvalLadder;
      next.excludedPeople = routed.excludedPeople;
      next.triage = routed.triage;
    }
    String teams =
        next.teams.stream()
            .map(t -> t.team() + (t.assignee() == null ? "" : "/" + t.assignee()))
            .toList()
            .toString();
    next.timeline.add(
        new InquiryCase.TimelineEntry(
            at,
            "ROUTED",
            "router-service",
            "teams " + teams + ", priority " + next.priority + ": " + next.routingReason));
    if (next.assignee == null) {
      next.assignee =
          next.teams.stream()
              .filter(InquiryCase.Team::lead)
              .map(InquiryCase.Team::assignee)
              .filter(a -> a != null)
              .findFirst()
              .orElse(null);
    }
    return new Step(next, List.of(), null);
  }

  /**
   * Answers and resolves a just-opened simple inquiry from the ledger, at first contact: the answer
   * is the first response, and the case resolves as AUTO_ANSWERED.
   */
  /** HTTP refusals kept on one case's timeline; the requests-refused topic keeps every one. */
  static final int MAX_HTTP_REFUSALS_ON_TIMELINE = 100;

  /**
   * A request on the case that security refused (401/403) before it became a command: on the
   * timeline and the audit trail like a refused command, changing nothing else. Beyond {@link
   * #MAX_HTTP_REFUSALS_ON_TIMELINE} the case is left alone (the audit topic has them all).
   */
  public Step requestRefused(
      InquiryCase current, int status, String actor, String request, String reason, Instant at) {
    if (current == null) {
      return new Step(null, List.of(), null);
    }
    long kept =
        current.timeline.stream()
            .filter(e -> "ATTEMPT_REFUSED".equals(e.event()) && e.detail().startsWith("HTTP "))
            .count();
    if (kept >= MAX_HTTP_REFUSALS_ON_TIMELINE) {
      return new Step(null, List.of(), null);
    }
    String who = actor == null ? "unauthenticated" : actor;
    String detail = "HTTP " + status + " " + request + " refused: " + reason;
    InquiryCase next = copy(current);
    next.timeline.add(new InquiryCase.TimelineEntry(at, "ATTEMPT_REFUSED", who, detail));
    return new Step(
        next,
        List.of(new CaseEvent.Worked("ATTEMPT_REFUSED", who, detail, null, null, null, List.of())),
        null);
  }

  /**
   * A simple request that was not answered automatically: the reason is on the timeline (and the
   * audit trail), and the case stays with its agents.
   */
  public Step autoAnswerWithheld(InquiryCase opened, String reason, Instant at) {
    InquiryCase next = copy(opened);
    String detail = "not answered automatically: " + reason;
    next.timeline.add(
        new InquiryCase.TimelineEntry(at, "AUTO_ANSWER_WITHHELD", AUTO_RESPONDER, detail));
    return new Step(
        next,
        List.of(
            new CaseEvent.Worked(
                "NOTE_ADDED", AUTO_RESPONDER, detail, null, null, null, List.of())),
        null);
  }

  public Step autoAnswered(InquiryCase opened, String answer, Instant at) {
    InquiryCase next = copy(opened);
    next.firstResponseAt = at;
    next.assignee = AUTO_RESPONDER;
    next.timeline.add(
        new InquiryCase.TimelineEntry(
            at,
            "FIRST_RESPONDED",
            AUTO_RESPONDER,
            "answered from the ledger: " + answer.replace('\n', ';')));
    next.status = "RESOLVED";
    next.resolvedAt = at;
    next.resolution =
        new InquiryCase.Resolution("AUTO_ANSWERED", null, next.types, AUTO_RESPONDER, true);
    next.timeline.add(
        new InquiryCase.TimelineEntry(
            at, "RESOLVED", AUTO_RESPONDER, "AUTO_ANSWERED, first contact"));
    List<CaseEvent> events =
        List.of(
            new CaseEvent.Worked(
                "FIRST_RESPONDED",
                AUTO_RESPONDER,
                "answered from the ledger",
                AUTO_RESPONDER,
                null,
                null,
                List.of()),
            new CaseEvent.Resolved(copy(next)));
    return new Step(next, events, null);
  }

  /** A customer follow-up: after the first response it rules out first-contact resolution. */
  public Step followedUp(InquiryCase current, Instant at, String channel) {
    InquiryCase next = copy(current);
    next.followUps++;
    if (next.firstResponseAt != null) {
      next.followUpAfterFirstResponse = true;
    }
    if ("WAITING_FOR_CUSTOMER".equals(next.status)) {
      next.status = "IN_PROGRESS";
    }
    next.timeline.add(
        new InquiryCase.TimelineEntry(at, "CUSTOMER_FOLLOWED_UP", "customer", "via " + channel));
    return new Step(next, List.of(), null);
  }

  // ---- commands ------------------------------------------------------------------------------

  public Step handle(InquiryCase current, CaseCommand c) {
    return handle(current, c, id -> null);
  }

  /** Checks a command with the customer master but no ledger: documents are unknown. */
  public Step handle(
      InquiryCase current, CaseCommand c, Function<String, CustomerFacts> customers) {
    return handle(current, c, customers, document -> null);
  }

  /**
   * Checks a command against the case. {@code customers} looks a customer up in the customer master
   * as it is now (null when unknown): linking needs it, and financial actions are only proposed for
   * a linked customer whose KYC is verified today. {@code documentOwners} gives the customer a
   * ledger document belongs to (null when the ledger does not know it): a financial action may only
   * reference a document of the case's own customer.
   */
  public Step handle(
      InquiryCase current,
      CaseCommand c,
      Function<String, CustomerFacts> customers,
      Function<String, String> documentOwners) {
    if (current == null) {
      return new Step(
          null,
          List.of(),
          new InquiryCase.CommandOutcome(c.commandId(), false, 404, "no such inquiry", null));
    }
    if (current.outcomes.containsKey(c.commandId())) {
      return new Step(current, List.of(), current.outcomes.get(c.commandId()));
    }
    if (PersonIds.isAmong(c.actor(), current.excludedPeople)) {
      return refuse(
          current, c, 403, c.actor() + " is excluded from this inquiry (segregation of duties)");
    }
    return switch (c.type()) {
      case "CLAIM" -> claim(current, c, c.actor());
      case "ASSIGN" -> assign(current, c);
      case "REPLY" -> reply(current, c);
      case "REQUEST_INFO" -> requestInfo(current, c);
      case "NOTE" -> note(current, c);
      case "PROPOSE_ACTION" -> propose(current, c, customers, documentOwners);
      case "LINK_CUSTOMER" -> linkCustomer(current, c, customers);
      case "APPROVE", "REJECT" -> decide(current, c);
      case "RESOLVE" -> resolve(current, c);
      case "REOPEN" -> reopen(current, c);
      default -> refuse(current, c, 400, "unknown command " + c.type());
    };
  }

  private Step claim(InquiryCase current, CaseCommand c, String who) {
    if (!current.isOpen()) {
      return refuse(current, c, 409, "the inquiry is resolved; reopen it first");
    }
    InquiryCase next = copy(current);
    next.assignee = who;
    if ("OPEN".equals(next.status)) {
      next.status = "IN_PROGRESS";
    }
    next.timeline.add(entry(c, "CLAIMED", who + " works the inquiry"));
    return accept(
        next,
        c,
        List.of(worked("CLAIMED", c, who + " claimed the inquiry", who, null, null)),
        null);
  }

  private Step assign(InquiryCase current, CaseCommand c) {
    if (c.assignee() == null || c.assignee().isBlank()) {
      return refuse(current, c, 400, "assignee is required");
    }
    if (PersonIds.isAmong(c.assignee(), current.excludedPeople)) {
      return refuse(
          current, c, 403, c.assignee() + " is excluded from this inquiry (segregation of duties)");
    }
    if (!current.isOpen()) {
      return refuse(current, c, 409, "the inquiry is resolved; reopen it first");
    }
    InquiryCase next = copy(current);
    next.assignee = c.assignee();
    if ("OPEN".equals(next.status)) {
      next.status = "IN_PROGRESS";
    }
    next.timeline.add(entry(c, "ASSIGNED", "assigned to " + c.assignee()));
    return accept(
        next,
        c,
        List.of(worked("ASSIGNED", c, "assigned to " + c.assignee(), c.assignee(), null, null)),
        null);
  }

  private Step reply(InquiryCase current, CaseCommand c) {
    if (!current.isOpen()) {
      return refuse(current, c, 409, "the inquiry is resolved; reopen it before replying");
    }
    if (c.text() == null || c.text().isBlank()) {
      return refuse(current, c, 400, "a reply needs text");
    }
    InquiryCase next = copy(current);
    boolean first = next.firstResponseAt == null;
    if (first) {
      next.firstResponseAt = c.at();
    }
    if (next.assignee == null) {
      next.assignee = c.actor();
    }
    if ("OPEN".equals(next.status) || "WAITING_FOR_CUSTOMER".equals(next.status)) {
      next.status = "IN_PROGRESS";
    }
    String activity = first ? "FIRST_RESPONDED" : "RESPONDED";
    next.timeline.add(entry(c, activity, "replied to the customer"));
    return accept(
        next,
        c,
        List.of(worked(activity, c, "replied to the customer", next.assignee, null, null)),
        null);
  }

  private Step requestInfo(InquiryCase current, CaseCommand c) {
    if (!current.isOpen()) {
      return refuse(current, c, 409, "the inquiry is resolved");
    }
    InquiryCase next = copy(current);
    boolean first = next.firstResponseAt == null;
    if (first) {
      next.firstResponseAt = c.at();
    }
    next.status = "WAITING_FOR_CUSTOMER";
    next.timeline.add(entry(c, "INFO_REQUESTED", "asked the customer for information"));
    List<CaseEvent> events = new ArrayList<>();
    if (first) {
      events.add(
          worked(
              "FIRST_RESPONDED",
              c,
              "first response: information requested",
              next.assignee,
              null,
              null));
    }
    events.add(
        worked(
            "INFO_REQUESTED", c, "asked the customer for information", next.assignee, null, null));
    return accept(next, c, events, null);
  }

  private Step note(InquiryCase current, CaseCommand c) {
    if (c.text() == null || c.text().isBlank()) {
      return refuse(current, c, 400, "a note needs text");
    }
    InquiryCase next = copy(current);
    next.timeline.add(entry(c, "NOTE_ADDED", "internal note"));
    return accept(
        next, c, List.of(worked("NOTE_ADDED", c, "internal note", null, null, null)), null);
  }

  private Step linkCustomer(
      InquiryCase current, CaseCommand c, Function<String, CustomerFacts> customers) {
    if (!current.isOpen()) {
      return refuse(current, c, 409, "the inquiry is resolved; reopen it first");
    }
    if (c.customerId() == null || c.customerId().isBlank()) {
      return refuse(current, c, 400, "customerId is required");
    }
    String linked = current.context.customerId();
    if (linked != null) {
      return refuse(
          current,
          c,
          409,
          "the inquiry is already linked to customer "
              + linked
              + (linked.equals(c.customerId()) ? "" : "; it cannot be moved to another customer"));
    }
    CustomerFacts customer = customers.apply(c.customerId());
    if (customer == null) {
      return refuse(
          current,
          c,
          404,
          "no customer " + c.customerId() + " in the customer master; register it first");
    }
    String kyc = customer.kycStatusOn(today(c));
    InquiryCase next = copy(current);
    InquiryCase.Context was = current.context;
    next.context =
        new InquiryCase.Context(
            was.receivedAt(),
            was.channel(),
            customer.customerId(),
            customer.segment(),
            customer.region(),
            kyc,
            was.senderIsRegisteredContact(),
            was.amount(),
            was.currency(),
            was.references(),
            was.referencesBelongToCustomer());
    if (customer.accountManager() != null
        && !PersonIds.isAmong(customer.accountManager(), next.excludedPeople)) {
      next.excludedPeople.add(PersonIds.canonicalOrFolded(customer.accountManager()));
    }
    String detail =
        "linked to customer "
            + customer.customerId()
            + " ("
            + customer.legalName()
            + ", KYC "
            + kyc
            + (customer.accountManager() == null
                ? ""
                : "; account manager " + customer.accountManager() + " excluded from approvals")
            + ")";
    next.timeline.add(entry(c, "CUSTOMER_LINKED", detail));
    return accept(next, c, List.of(worked("CUSTOMER_LINKED", c, detail, null, null, null)), null);
  }

  /** Financial actions need a linked customer whose KYC is verified as of the command's day. */
  private String kycRefusal(
      InquiryCase current, CaseCommand c, Function<String, CustomerFacts> customers) {
    String customerId = current.context.customerId();
    if (customerId == null) {
      return "financial actions need the inquiry linked to a KYC-verified customer; the sender is"
          + " not linked to the customer master (link it: POST /api/v1/inquiries/{id}/customer)";
    }
    CustomerFacts live = customers.apply(customerId);
    String kyc = live == null ? current.context.kycStatus() : live.kycStatusOn(today(c));
    if (!"VERIFIED".equals(kyc)) {
      return "financial actions need a KYC-verified customer; customer "
          + customerId
          + " is "
          + kyc
          + " in the customer master";
    }
    return null;
  }

  /**
   * A financial action may reference only a ledger document of the case's own customer: one the
   * ledger does not know, or one of another customer, is refused (without saying whose it is).
   */
  private static String documentRefusal(
      InquiryCase current, CaseCommand c, Function<String, String> documentOwners) {
    String document = c.invoiceReference();
    if (document == null || document.isBlank()) {
      return null;
    }
    String owner = documentOwners.apply(document.strip());
    if (owner == null) {
      return "document "
          + document.strip()
          + " is not in the ledger; a financial action may only reference a ledger document of"
          + " the inquiry's customer";
    }
    if (!owner.equals(current.context.customerId())) {
      return "document "
          + document.strip()
          + " does not belong to customer "
          + current.context.customerId()
          + "; a financial action may only reference the customer's own documents";
    }
    return null;
  }

  private static java.time.LocalDate today(CaseCommand c) {
    return c.at().atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }

  private Step propose(
      InquiryCase current,
      CaseCommand c,
      Function<String, CustomerFacts> customers,
      Function<String, String> documentOwners) {
    if (!current.isOpen()) {
      return refuse(
          current, c, 409, "the inquiry is resolved; reopen it before proposing an action");
    }
    String kycRefusal = kycRefusal(current, c, customers);
    if (kycRefusal != null) {
      return refuse(current, c, 409, kycRefusal);
    }
    String documentRefusal = documentRefusal(current, c, documentOwners);
    if (documentRefusal != null) {
      return refuse(current, c, 409, documentRefusal);
    }
    if (c.actionType() == null || !ACTION_TYPES.contains(c.actionType())) {
      return refuse(current, c, 400, "action type must be one of " + ACTION_TYPES);
    }
    Map<String, BigDecimal> rates = ratesFor(current);
    BigDecimal base = toBase(rates, c.amount(), c.currency());
    if (base == null) {
      return refuse(
          current,
          c,
          400,
          "currency "
              + c.currency()
              + " is not supported; one of "
              + new java.util.TreeSet<>(rates.keySet()));
    }
    InquiryCase.ApprovalTier tier =
        current.approvalLadder.stream()
            .filter(t -> t.actionType().equals(c.actionType()) && base.compareTo(t.above()) > 0)
            .max(Comparator.comparing(InquiryCase.ApprovalTier::above))
            .orElse(null);
    InquiryCase next = copy(current);
    InquiryCase.FinancialAction action = new InquiryCase.FinancialAction();
    action.actionId =
        c.actionId() != null
            ? c.actionId()
            : UUID.nameUUIDFromBytes(c.commandId().getBytes()).toString();
    action.type = c.actionType();
    action.amount = c.amount();
    action.currency = c.currency();
    action.invoiceReference = c.invoiceReference();
    action.reason = c.reason();
    action.maker = c.actor();
    action.proposedAt = c.at();
    action.level = tier == null ? "NONE" : tier.level();
    action.approverRole = tier == null ? null : tier.role();
    action.approvalsRequired = approvalsFor(action.level);
    action.state = action.approvalsRequired == 0 ? "APPROVED" : "PENDING";
    next.actions.add(action);
    if (action.approvalsRequired > 0) {
      next.status = "PENDING_APPROVAL";
    }
    String detail =
        action.type
            + " "
            + action.amount.toPlainString()
            + " "
            + action.currency
            + " needs "
            + describe(action);
    next.timeline.add(entry(c, "ACTION_PROPOSED", detail));
    return accept(
        next,
        c,
        List.of(worked("ACTION_PROPOSED", c, detail, null, null, action)),
        action.actionId);
  }

  private Step decide(InquiryCase current, CaseCommand c) {
    boolean approve = "APPROVE".equals(c.type());
    InquiryCase.FinancialAction action = c.actionId() == null ? null : current.action(c.actionId());
    if (action == null) {
      return refuse(current, c, 404, "no action " + c.actionId() + " on this inquiry");
    }
    if (!"PENDING".equals(action.state)) {
      return refuse(
          current,
          c,
          409,
          "action " + action.actionId + " is " + action.state + ", not pending approval");
    }
    if (PersonIds.same(action.maker, c.actor())) {
      return refuse(
          current,
          c,
          403,
          c.actor() + " proposed this action and may not approve or reject it (maker-checker)");
    }
    if (PersonIds.isAmong(c.actor(), action.approvedBy)) {
      return refuse(
          current,
          c,
          409,
          c.actor()
              + " already approved this action; a second approval must come from someone else");
    }
    String role = approverRole(action, c.roles());
    if (role == null) {
      return refuse(
          current,
          c,
          403,
          "approving a "
              + action.level
              + " "
              + action.type
              + " needs the role "
              + action.approverRole);
    }
    if (!approve && (c.reason() == null || c.reason().isBlank())) {
      return refuse(current, c, 400, "a rejection needs a reason");
    }
    InquiryCase next = copy(current);
    InquiryCase.FinancialAction updated = next.action(action.actionId);
    boolean finalDecision;
    if (approve) {
      updated.approvedBy.add(c.actor());
      finalDecision = updated.approvedBy.size() >= updated.approvalsRequired;
      if (finalDecision) {
        updated.state = "APPROVED";
      }
    } else {
      updated.state = "REJECTED";
      updated.rejectedBy = c.actor();
      updated.rejectionReason = c.reason();
      finalDecision = true;
    }
    if (next.actions.stream().noneMatch(a -> "PENDING".equals(a.state))
        && "PENDING_APPROVAL".equals(next.status)) {
      next.status = "IN_PROGRESS";
    }
    String detail =
        (approve ? "approved " : "rejected ")
            + updated.type
            + " "
            + updated.amount.toPlainString()
            + " "
            + updated.currency
            + " ("
            + updated.approvedBy.size()
            + "/"
            + updated.approvalsRequired
            + ")"
            + (c.reason() == null ? "" : ": " + c.reason());
    next.timeline.add(entry(c, approve ? "APPROVED" : "REJECTED", detail));
    return accept(
        next,
        c,
        List.of(
            new CaseEvent.Approved(
                snapshot(updated),
                c.actor(),
                role,
                approve,
                c.reason(),
                updated.approvedBy.size(),
                finalDecision)),
        updated.actionId);
  }

  private Step resolve(InquiryCase current, CaseCommand c) {
    if (!current.isOpen()) {
      return refuse(current, c, 409, "the inquiry is already resolved");
    }
    List<String> pending =
        current.actions.stream()
            .filter(a -> "PENDING".equals(a.state))
            .map(a -> a.actionId)
            .toList();
    if (!pending.isEmpty()) {
      return refuse(
          current,
          c,
          409,
          "actions " + pending + " still wait for approval; resolve after they are decided");
    }
    if (c.resolutionCode() == null || c.resolutionCode().isBlank()) {
      return refuse(current, c, 400, "a resolution code is required");
    }
    InquiryCase next = copy(current);
    next.status = "RESOLVED";
    next.resolvedAt = c.at();
    boolean fcr = next.reopenCount == 0 && !next.followUpAfterFirstResponse;
    List<String> confirmed =
        c.confirmedTypes() == null || c.confirmedTypes().isEmpty()
            ? next.types
            : c.confirmedTypes();
    next.resolution =
        new InquiryCase.Resolution(c.resolutionCode(), c.rootCause(), confirmed, c.actor(), fcr);
    long approved = next.actions.stream().filter(a -> "APPROVED".equals(a.state)).count();
    next.timeline.add(
        entry(
            c,
            "RESOLVED",
            c.resolutionCode()
                + (approved == 0 ? "" : ", " + approved + " financial adjustment(s)")
                + (fcr ? ", first contact" : "")));
    return accept(next, c, List.of(new CaseEvent.Resolved(copy(next))), null);
  }

  private Step reopen(InquiryCase current, CaseCommand c) {
    if (current.isOpen()) {
      return refuse(current, c, 409, "the inquiry is not resolved");
    }
    InquiryCase next = copy(current);
    next.status = "IN_PROGRESS";
    next.reopenCount++;
    next.resolution = null;
    next.resolvedAt = null;
    next.timeline.add(entry(c, "REOPENED", c.reason() == null ? "reopened" : c.reason()));
    return accept(
        next, c, List.of(worked("REOPENED", c, c.reason(), next.assignee, null, null)), null);
  }

  // ---- SLA clocks ----------------------------------------------------------------------------

  /** Raises each SLA warning and breach once; breaches escalate to the lead team's supervisor. */
  public Step slaTick(InquiryCase current, Instant now) {
    if (!current.isOpen()) {
      return new Step(current, List.of(), null);
    }
    InquiryCase next = null;
    List<CaseEvent> events = new ArrayList<>();
    Instant start = current.context.receivedAt();
    if (current.firstResponseAt == null) {
      if (!current.sla.responseBreached && now.isAfter(current.responseDueAt)) {
        next = next == null ? copy(current) : next;
        next.sla.responseBreached = true;
        events.add(
            slaEvent(
                next,
                now,
                "SLA_BREACHED",
                "first response due " + current.responseDueAt + " missed",
                true));
      } else if (!current.sla.responseWarned
          && !current.sla.responseBreached
          && now.isAfter(warnAt(start, current.responseDueAt))) {
        next = next == null ? copy(current) : next;
        next.sla.responseWarned = true;
        events.add(
            slaEvent(
                next, now, "SLA_WARNING", "first response due " + current.responseDueAt, false));
      }
    }
    if (!current.sla.resolutionBreached && now.isAfter(current.resolutionDueAt)) {
      next = next == null ? copy(current) : next;
      next.sla.resolutionBreached = true;
      events.add(
          slaEvent(
              next,
              now,
              "SLA_BREACHED",
              "resolution due " + current.resolutionDueAt + " missed",
              true));
    } else if (!current.sla.resolutionWarned
        && !current.sla.resolutionBreached
        && now.isAfter(warnAt(start, current.resolutionDueAt))) {
      next = next == null ? copy(current) : next;
      next.sla.resolutionWarned = true;
      events.add(
          slaEvent(next, now, "SLA_WARNING", "resolution due " + current.resolutionDueAt, false));
    }
    return new Step(next == null ? current : next, events, null);
  }

  private CaseEvent slaEvent(
      InquiryCase next, Instant now, String activity, String detail, boolean escalate) {
    String supervisor = escalate ? next.leadSupervisor() : null;
    String text = detail + (supervisor == null ? "" : "; escalated to " + supervisor);
    next.timeline.add(new InquiryCase.TimelineEntry(now, activity, "sla-clock", text));
    return new CaseEvent.Worked(
        activity,
        "sla-clock",
        text,
        next.assignee,
        supervisor,
        null,
        next.teams.stream().map(InquiryCase.Team::team).toList());
  }

  private Instant warnAt(Instant start, Instant due) {
    long total = Duration.between(start, due).toMillis();
    return start.plusMillis((long) (total * warnAtFraction));
  }

  // ---- helpers -------------------------------------------------------------------------------

  static int approvalsFor(String level) {
    return switch (level) {
      case "NONE" -> 0;
      case "DUAL" -> 2;
      default -> 1;
    };
  }

  private static String describe(InquiryCase.FinancialAction a) {
    return switch (a.level) {
      case "NONE" -> "no approval";
      case "SINGLE" -> "one approval (" + a.approverRole + ")";
      case "DUAL" -> "two approvals by different " + a.approverRole + "s";
      default -> "approval by a " + a.approverRole;
    };
  }

  /** The role the actor approves in, or null: the tier's role, or supervisor for any tier. */
  private static String approverRole(InquiryCase.FinancialAction action, Set<String> roles) {
    if (action.approverRole != null && roles.contains(action.approverRole)) {
      return action.approverRole;
    }
    return roles.contains("supervisor") ? "supervisor" : null;
  }

  /** The router's rates that came with the case; the configured fallback for older cases. */
  public Map<String, BigDecimal> ratesFor(InquiryCase c) {
    return c.fxToBase == null || c.fxToBase.isEmpty() ? fxToBase : c.fxToBase;
  }

  static BigDecimal toBase(Map<String, BigDecimal> rates, BigDecimal amount, String currency) {
    BigDecimal rate = currency == null ? null : rates.get(currency);
    return amount == null || rate == null ? null : amount.multiply(rate);
  }

  private static CaseEvent.Worked worked(
      String activity,
      CaseCommand c,
      String detail,
      String assignee,
      String escalatedTo,
      InquiryCase.FinancialAction action) {
    return new CaseEvent.Worked(
        activity,
        c.actor(),
        detail,
        assignee,
        escalatedTo,
        action == null ? null : snapshot(action),
        List.of());
  }

  private static InquiryCase.TimelineEntry entry(CaseCommand c, String event, String detail) {
    return new InquiryCase.TimelineEntry(c.at(), event, c.actor(), detail);
  }

  private Step accept(InquiryCase next, CaseCommand c, List<CaseEvent> events, String actionId) {
    InquiryCase.CommandOutcome outcome =
        new InquiryCase.CommandOutcome(c.commandId(), true, 200, "accepted", actionId);
    remember(next, outcome);
    return new Step(next, events, outcome);
  }

  /**
   * A refusal changes nothing but the audit trail: the attempt is on the timeline and published.
   */
  private Step refuse(InquiryCase current, CaseCommand c, int status, String reason) {
    InquiryCase next = copy(current);
    next.timeline.add(
        new InquiryCase.TimelineEntry(
            c.at(), "ATTEMPT_REFUSED", c.actor(), c.type() + " refused: " + reason));
    InquiryCase.CommandOutcome outcome =
        new InquiryCase.CommandOutcome(c.commandId(), false, status, reason, c.actionId());
    remember(next, outcome);
    return new Step(
        next,
        List.of(
            new CaseEvent.Worked(
                "ATTEMPT_REFUSED",
                c.actor(),
                c.type() + " refused: " + reason,
                null,
                null,
                null,
                List.of())),
        outcome);
  }

  private static void remember(InquiryCase next, InquiryCase.CommandOutcome outcome) {
    next.outcomes.put(outcome.commandId(), outcome);
    Iterator<String> oldest = next.outcomes.keySet().iterator();
    while (next.outcomes.size() > KEPT_OUTCOMES && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  static InquiryCase copy(InquiryCase original) {
    return JSON.readValue(JSON.writeValueAsBytes(original), InquiryCase.class);
  }

  private static InquiryCase.FinancialAction snapshot(InquiryCase.FinancialAction action) {
    return JSON.readValue(JSON.writeValueAsBytes(action), InquiryCase.FinancialAction.class);
  }
}
