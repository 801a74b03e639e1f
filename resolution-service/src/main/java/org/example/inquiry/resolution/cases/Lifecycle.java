package org.example.inquiry.resolution.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.example.inquiry.schemas.KycStatus;

/**
 * A case's life from routing to resolution: opened and re-routed by the router, followed up by the
 * customer, claimed, assigned, linked to a customer, resolved and reopened. Pure.
 */
final class Lifecycle {

  private Lifecycle() {}

  /** Opens the case from its routing, or records a re-routing. */
  static Step routed(InquiryCase current, InquiryCase routed, Instant at) {
    InquiryCase.Edit next;
    if (current == null) {
      next = routed.edit();
      next.status = CaseStatus.OPEN;
      next.log(
          routed.context().receivedAt(),
          Activity.RECEIVED,
          "intake-service",
          "via " + routed.context().channel());
    } else {
      next = current.edit();
      String leadBefore = leadTeam(current.teams());
      next.teams = routed.teams();
      next.routingReason = routed.routingReason();
      String assigneeBefore = current.assignee();
      if (!Objects.equals(leadBefore, leadTeam(routed.teams()))
          && routed.teams().stream().noneMatch(t -> Objects.equals(t.assignee(), assigneeBefore))) {
        next.assignee = null; // the new lead team's assignee takes it below
      }
      next.priority = routed.priority();
      next.priorityComponents = routed.priorityComponents();
      next.responseDueAt = routed.responseDueAt();
      next.resolutionDueAt = routed.resolutionDueAt();
      next.approvalLadder = routed.approvalLadder();
      next.excludedPeople = routed.excludedPeople();
      next.triage = routed.triage();
    }
    String teams =
        next.teams.stream()
            .map(t -> t.team() + (t.assignee() == null ? "" : "/" + t.assignee()))
            .toList()
            .toString();
    next.log(
        at,
        Activity.ROUTED,
        "router-service",
        "teams " + teams + ", priority " + next.priority + ": " + next.routingReason);
    if (next.assignee == null) {
      next.assignee =
          next.teams.stream()
              .filter(InquiryCase.Team::lead)
              .map(InquiryCase.Team::assignee)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
    }
    return Step.of(next.build());
  }

  private static String leadTeam(List<InquiryCase.Team> teams) {
    return teams.stream()
        .filter(InquiryCase.Team::lead)
        .map(InquiryCase.Team::team)
        .findFirst()
        .orElse(null);
  }

  /** A customer follow-up: after the first response it rules out first-contact resolution. */
  /**
   * The customer's follow-up, on the conversation once (a replayed one changes nothing): after the
   * first response it rules out first-contact resolution, and it ends a wait for the customer.
   */
  static Step followedUp(InquiryCase current, InquiryCase.Message message) {
    InquiryCase.Edit next = current.edit();
    if (!Conversation.addInbound(next, message)) {
      return Step.of(current);
    }
    next.followUps++;
    if (next.firstResponseAt != null) {
      next.followUpAfterFirstResponse = true;
    }
    if (next.status == CaseStatus.WAITING_FOR_CUSTOMER) {
      next.status = CaseStatus.IN_PROGRESS;
    }
    next.log(message.at(), Activity.CUSTOMER_FOLLOWED_UP, "customer", "via " + message.channel());
    Optional<CaseEvent> resumed =
        SlaPause.resume(next, message.at(), "customer", "the customer answered");
    return Step.of(next.build(), resumed.stream().toArray(CaseEvent[]::new));
  }

  /** HTTP refusals kept on one case's timeline; the requests-refused topic keeps every one. */
  static final int MAX_HTTP_REFUSALS_ON_TIMELINE = 100;

  /**
   * A request on the case that security refused (401/403) before it became a command: on the
   * timeline and the audit trail like a refused command, changing nothing else. Beyond {@link
   * #MAX_HTTP_REFUSALS_ON_TIMELINE} the case is left alone (the audit topic has them all).
   *
   * @param httpStatus the status security answered, as the audit event records it
   */
  static Step requestRefused(
      InquiryCase current,
      int httpStatus,
      String actor,
      String request,
      String reason,
      Instant at) {
    if (current == null) {
      return Step.nothing();
    }
    long kept =
        current.timeline().stream()
            .filter(e -> e.event() == Activity.ATTEMPT_REFUSED && e.detail().startsWith("HTTP "))
            .count();
    if (kept >= MAX_HTTP_REFUSALS_ON_TIMELINE) {
      return Step.nothing();
    }
    String who = actor == null ? "unauthenticated" : actor;
    String detail = "HTTP " + httpStatus + " " + request + " refused: " + reason;
    return Step.of(
        current.edit().log(at, Activity.ATTEMPT_REFUSED, who, detail).build(),
        CaseEvent.Worked.by(who, Activity.ATTEMPT_REFUSED, detail));
  }

  static Step claim(InquiryCase current, CaseCommand.Claim c) {
    if (!current.isOpen()) {
      return Outcomes.refuse(
          current, c, new Refusal.Conflict("the inquiry is resolved; reopen it first"));
    }
    return take(current, c, c.actor(), c.team(), Activity.CLAIMED);
  }

  static Step assign(InquiryCase current, CaseCommand.Assign c) {
    if (c.assignee() == null || c.assignee().isBlank()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("assignee is required"));
    }
    var excluded = SegregationOfDuties.mayBeAssigned(current, c.assignee());
    if (excluded.isPresent()) {
      return Outcomes.refuse(current, c, excluded.get());
    }
    if (!current.isOpen()) {
      return Outcomes.refuse(
          current, c, new Refusal.Conflict("the inquiry is resolved; reopen it first"));
    }
    return take(current, c, c.assignee(), c.team(), Activity.ASSIGNED);
  }

  /**
   * {@code who} works the case: for one of its teams (that team's assignee; also the case's when
   * the team leads or the case has none), or as a whole.
   */
  private static Step take(
      InquiryCase current, CaseCommand c, String who, String team, Activity activity) {
    if (team != null && current.teams().stream().noneMatch(t -> t.team().equals(team))) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Invalid(
              "team '"
                  + team
                  + "' does not work this inquiry; its teams are "
                  + current.teams().stream().map(InquiryCase.Team::team).toList()));
    }
    InquiryCase.Edit next = current.edit();
    String detail;
    if (team == null) {
      next.assignee = who;
      detail = activity == Activity.CLAIMED ? who + " works the inquiry" : "assigned to " + who;
    } else {
      boolean lead = false;
      List<InquiryCase.Team> teams = new java.util.ArrayList<>();
      for (InquiryCase.Team t : next.teams) {
        if (t.team().equals(team)) {
          teams.add(new InquiryCase.Team(t.team(), t.lead(), who, t.supervisor()));
          lead = t.lead();
        } else {
          teams.add(t);
        }
      }
      next.teams = teams;
      if (lead || next.assignee == null) {
        next.assignee = who;
      }
      detail =
          (activity == Activity.CLAIMED ? who + " works the inquiry" : "assigned to " + who)
              + " for "
              + team;
    }
    startWork(next);
    next.log(c.at(), activity, c.actor(), detail);
    return Outcomes.accept(
        next,
        c,
        new CaseEvent.Worked(
            activity,
            c.actor(),
            detail,
            who,
            null,
            null,
            team == null ? List.of() : List.of(team)));
  }

  /** The case into a team's supervisor's queue (the lead team's by default), with why. */
  static Step escalate(InquiryCase current, CaseCommand.Escalate c) {
    if (!current.isOpen()) {
      return Outcomes.refuse(current, c, new Refusal.Conflict("the inquiry is resolved"));
    }
    if (c.reason() == null || c.reason().isBlank()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("an escalation needs a reason"));
    }
    InquiryCase.Team team =
        current.teams().stream()
            .filter(t -> c.team() == null ? t.lead() : t.team().equals(c.team()))
            .findFirst()
            .orElse(null);
    if (team == null || team.supervisor() == null) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Invalid(
              c.team() == null
                  ? "the inquiry has no lead team with a supervisor"
                  : "team '"
                      + c.team()
                      + "' does not work this inquiry; its teams are "
                      + current.teams().stream().map(InquiryCase.Team::team).toList()));
    }
    InquiryCase.Edit next = current.edit();
    next.escalation =
        new InquiryCase.Escalation(team.supervisor(), team.team(), c.reason(), c.actor(), c.at());
    String detail = "escalated to " + team.supervisor() + " (" + team.team() + "): " + c.reason();
    next.log(c.at(), Activity.ESCALATED, c.actor(), detail);
    return Outcomes.accept(
        next,
        c,
        new CaseEvent.Worked(
            Activity.ESCALATED,
            c.actor(),
            detail,
            next.assignee,
            team.supervisor(),
            null,
            List.of(team.team())));
  }

  /** A team of the routing configuration: lower case, digits, hyphens. */
  private static final java.util.regex.Pattern TEAM_NAME =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private static final java.util.regex.Pattern TYPE_NAME =
      java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,49}");

  /**
   * The agent's correction of the inquiry's types (main type first), with why: on the case
   * (resolving confirms the corrected types, so the classifier's labelled history learns them), on
   * the timeline and on {@code inquiries-worked}. The teams stay as routed.
   */
  static Step reclassify(InquiryCase current, CaseCommand.Reclassify c) {
    if (!current.isOpen()) {
      return Outcomes.refuse(
          current, c, new Refusal.Conflict("the inquiry is resolved; reopen it first"));
    }
    List<String> bad = c.types().stream().filter(t -> !TYPE_NAME.matcher(t).matches()).toList();
    if (c.types().isEmpty() || c.types().size() > 5 || !bad.isEmpty()) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Invalid(
              "types must be 1 to 5 inquiry type names (lower case, hyphens)"
                  + (bad.isEmpty() ? "" : "; not type names: " + bad)));
    }
    if (c.types().stream().distinct().count() != c.types().size()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("a type is named twice"));
    }
    if (c.reason() == null || c.reason().isBlank()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("a reclassification needs a reason"));
    }
    if (c.types().equals(current.types())) {
      return Outcomes.refuse(
          current, c, new Refusal.Conflict("the inquiry already has these types " + c.types()));
    }
    InquiryCase.Edit next = current.edit();
    String detail = "types " + current.types() + " -> " + c.types() + ": " + c.reason();
    next.types = c.types();
    next.log(c.at(), Activity.RECLASSIFIED, c.actor(), detail);
    // the correction, published at once as a labelled example for the classifier's learning loop
    return Outcomes.accept(
        next,
        c,
        new CaseEvent.Worked(
            Activity.RECLASSIFIED,
            c.actor(),
            detail,
            next.assignee,
            null,
            null,
            List.of(),
            null,
            c.types()));
  }

  /** At most this many teams on one inquiry. */
  static final int MAX_TEAMS = 5;

  /**
   * Asks the router to route the open case to other teams, the lead first. Which team names exist
   * is the routing configuration's: the API checks the names before it sends the command, the
   * router again when it routes.
   */
  static Step reroute(InquiryCase current, CaseCommand.Reroute c) {
    if (!current.isOpen()) {
      return Outcomes.refuse(
          current, c, new Refusal.Conflict("the inquiry is resolved; reopen it first"));
    }
    List<String> bad = c.teams().stream().filter(t -> !TEAM_NAME.matcher(t).matches()).toList();
    if (c.teams().isEmpty() || c.teams().size() > MAX_TEAMS || !bad.isEmpty()) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Invalid(
              "teams must be 1 to "
                  + MAX_TEAMS
                  + " team names, the lead team first"
                  + (bad.isEmpty() ? "" : "; not team names: " + bad)));
    }
    if (c.teams().stream().distinct().count() != c.teams().size()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("a team is named twice"));
    }
    if (c.reason() == null || c.reason().isBlank()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("rerouting needs a reason"));
    }
    List<String> now = current.teams().stream().map(InquiryCase.Team::team).toList();
    if (c.teams().equals(now)) {
      return Outcomes.refuse(
          current, c, new Refusal.Conflict("the inquiry is already routed to " + now));
    }
    InquiryCase.Edit next = current.edit();
    String detail = "teams " + now + " -> " + c.teams() + " requested: " + c.reason();
    next.log(c.at(), Activity.REROUTE_REQUESTED, c.actor(), detail);
    InquiryCase asIs = next.build();
    return Outcomes.accept(
        next,
        c,
        List.of(
            Outcomes.worked(Activity.REROUTE_REQUESTED, c, detail, next.assignee, null),
            new CaseEvent.RerouteRequested(asIs, c.teams(), c.actor(), c.reason())),
        null);
  }

  static Step linkCustomer(
      InquiryCase current, CaseCommand.LinkCustomer c, Function<String, CustomerFacts> customers) {
    if (!current.isOpen()) {
      return Outcomes.refuse(
          current, c, new Refusal.Conflict("the inquiry is resolved; reopen it first"));
    }
    if (c.customerId() == null || c.customerId().isBlank()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("customerId is required"));
    }
    String linked = current.context().customerId();
    if (linked != null) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Conflict(
              "the inquiry is already linked to customer "
                  + linked
                  + (linked.equals(c.customerId())
                      ? ""
                      : "; it cannot be moved to another customer")));
    }
    CustomerFacts customer = customers.apply(c.customerId());
    if (customer == null) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.NotFound(
              "no customer " + c.customerId() + " in the customer master; register it first"));
    }
    KycStatus kyc = customer.kycStatusOn(today(c));
    InquiryCase.Edit next = current.edit();
    next.context = current.context().linkedTo(customer, kyc);
    next.excludedPeople =
        SegregationOfDuties.excludingAccountManager(
            current.excludedPeople(), customer.accountManager());
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
    next.log(c.at(), Activity.CUSTOMER_LINKED, c.actor(), detail);
    return Outcomes.accept(
        next, c, Outcomes.worked(Activity.CUSTOMER_LINKED, c, detail, null, null));
  }

  static Step resolve(InquiryCase current, CaseCommand.Resolve c) {
    if (!current.isOpen()) {
      return Outcomes.refuse(current, c, new Refusal.Conflict("the inquiry is already resolved"));
    }
    List<String> pending =
        current.actions().stream()
            .filter(a -> a.state() == InquiryCase.ActionState.PENDING)
            .map(InquiryCase.FinancialAction::actionId)
            .toList();
    if (!pending.isEmpty()) {
      return Outcomes.refuse(
          current,
          c,
          new Refusal.Conflict(
              "actions " + pending + " still wait for approval; resolve after they are decided"));
    }
    if (c.resolutionCode() == null || c.resolutionCode().isBlank()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("a resolution code is required"));
    }
    InquiryCase.Edit next = current.edit();
    List<CaseEvent> events = new ArrayList<>();
    SlaPause.resume(next, c.at(), c.actor(), "resolved").ifPresent(events::add);
    next.status = CaseStatus.RESOLVED;
    next.resolvedAt = c.at();
    boolean fcr = next.reopenCount == 0 && !next.followUpAfterFirstResponse;
    List<String> confirmed = c.confirmedTypes().isEmpty() ? next.types : c.confirmedTypes();
    next.resolution =
        new InquiryCase.Resolution(c.resolutionCode(), c.rootCause(), confirmed, c.actor(), fcr);
    long approved =
        next.actions.stream().filter(a -> a.state() == InquiryCase.ActionState.APPROVED).count();
    next.log(
        c.at(),
        Activity.RESOLVED,
        c.actor(),
        c.resolutionCode()
            + (approved == 0 ? "" : ", " + approved + " financial adjustment(s)")
            + (fcr ? ", first contact" : ""));
    events.add(new CaseEvent.Resolved(next.build()));
    return Outcomes.accept(next, c, events, null);
  }

  static Step reopen(InquiryCase current, CaseCommand.Reopen c) {
    if (current.isOpen()) {
      return Outcomes.refuse(current, c, new Refusal.Conflict("the inquiry is not resolved"));
    }
    InquiryCase.Edit next = current.edit();
    next.status = CaseStatus.IN_PROGRESS;
    next.reopenCount++;
    next.resolution = null;
    next.resolvedAt = null;
    next.log(c.at(), Activity.REOPENED, c.actor(), c.reason() == null ? "reopened" : c.reason());
    return Outcomes.accept(
        next, c, Outcomes.worked(Activity.REOPENED, c, c.reason(), next.assignee, null));
  }

  /** Claiming or assigning an open case starts work on it. */
  private static void startWork(InquiryCase.Edit next) {
    if (next.status == CaseStatus.OPEN) {
      next.status = CaseStatus.IN_PROGRESS;
    }
  }

  static LocalDate today(CaseCommand c) {
    return c.at().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
