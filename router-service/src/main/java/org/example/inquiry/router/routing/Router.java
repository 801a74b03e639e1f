package org.example.inquiry.router.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.example.inquiry.router.approval.ApprovalPolicy;
import org.example.inquiry.router.assignment.Assignment;
import org.example.inquiry.router.priority.PriorityScore;
import org.example.inquiry.router.sla.BusinessCalendar;
import org.example.inquiry.router.sla.SlaPolicy;
import org.example.inquiry.schemas.identity.PersonIds;

/**
 * The whole routing decision: teams, priority, SLA due times, approval ladder, segregation of
 * duties and assignment, from the classified inquiry, the customer master and the current open
 * load. Pure; built once from validated configuration by {@link RoutingConfiguration}.
 */
public final class Router {

  /** A team's setup. */
  public record TeamSetup(
      BusinessCalendar calendar,
      String supervisor,
      boolean autoAssign,
      List<Assignment.Agent> roster) {}

  /**
   * What the customer master says about the customer, when linked.
   *
   * @param finances the customer's payment behaviour and approved effects, null when unknown
   */
  public record Customer(
      String customerId,
      String accountManager,
      BigDecimal lifetimeValueBase,
      Integer paybackMonths,
      String riskRating,
      PriorityScore.Finances finances) {

    /** Without ledger facts. */
    public Customer(
        String customerId,
        String accountManager,
        BigDecimal lifetimeValueBase,
        Integer paybackMonths,
        String riskRating) {
      this(customerId, accountManager, lifetimeValueBase, paybackMonths, riskRating, null);
    }
  }

  /** The classified inquiry, amounts in the base currency. */
  public record Input(RoutingPolicy.Inquiry inquiry, String kycStatus, Instant receivedAt) {}

  private final RoutingPolicy policy;
  private final PriorityScore priority;
  private final SlaPolicy sla;
  private final ApprovalPolicy approvals;
  private final Map<String, TeamSetup> teams;
  private final Map<String, List<String>> conflicts;

  public Router(
      RoutingPolicy policy,
      PriorityScore priority,
      SlaPolicy sla,
      ApprovalPolicy approvals,
      Map<String, TeamSetup> teams,
      Map<String, List<String>> conflicts) {
    this.policy = policy;
    this.priority = priority;
    this.sla = sla;
    this.approvals = approvals;
    this.teams = Map.copyOf(teams);
    Map<String, List<String>> canonical = new HashMap<>();
    conflicts.forEach(
        (customer, people) ->
            canonical.put(customer, people.stream().map(PersonIds::canonicalOrFolded).toList()));
    this.conflicts = Map.copyOf(canonical);
  }

  public RouteDecision decide(Input input, Customer customer, Map<String, Integer> openLoad) {
    return decide(input, customer, openLoad, policy.route(input.inquiry()));
  }

  /**
   * Routes an inquiry to the teams someone asked for (a reroute), the lead first: priority, SLA due
   * times (on the new lead team's calendar, from receipt), assignees, approval ladder and excluded
   * people are worked out as for a routing by the rules.
   *
   * @throws IllegalArgumentException when a team is not one of the configuration's, or none or one
   *     twice is named
   */
  public RouteDecision reroute(
      Input input,
      Customer customer,
      Map<String, Integer> openLoad,
      List<String> requested,
      String requestedBy,
      String why) {
    if (requested.isEmpty() || requested.stream().distinct().count() != requested.size()) {
      throw new IllegalArgumentException("a reroute names each team once: " + requested);
    }
    List<String> unknown = requested.stream().filter(t -> !teams.containsKey(t)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown teams "
              + unknown
              + "; the teams are "
              + new java.util.TreeSet<>(teams.keySet()));
    }
    String mainType =
        input.inquiry().types().isEmpty() ? "general" : input.inquiry().types().get(0);
    String reason = "rerouted by " + requestedBy + ": " + why;
    List<RoutingPolicy.TeamRoute> routes = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      routes.add(
          new RoutingPolicy.TeamRoute(requested.get(i), i == 0, mainType, REROUTE_RULE, reason));
    }
    return decide(
        input,
        customer,
        openLoad,
        new RoutingPolicy.Routing(List.copyOf(routes), false, reason, REROUTE_RULE));
  }

  /** The rule id of a routing someone asked for rather than the rules decided. */
  public static final String REROUTE_RULE = "reroute";

  private RouteDecision decide(
      Input input,
      Customer customer,
      Map<String, Integer> openLoad,
      RoutingPolicy.Routing routing) {
    PriorityScore.Score score =
        priority.score(
            new PriorityScore.Factors(
                input.inquiry().urgency(),
                input.inquiry().baseAmount(),
                customer == null ? null : customer.lifetimeValueBase(),
                customer == null ? null : customer.paybackMonths(),
                customer == null ? null : customer.riskRating(),
                input.kycStatus(),
                customer == null ? null : customer.finances()));
    Set<String> excluded = new LinkedHashSet<>();
    if (customer != null) {
      if (customer.accountManager() != null) {
        excluded.add(PersonIds.canonicalOrFolded(customer.accountManager()));
      }
      excluded.addAll(conflicts.getOrDefault(customer.customerId(), List.of()));
    }
    String mainType =
        input.inquiry().types().isEmpty() ? "general" : input.inquiry().types().get(0);
    List<RouteDecision.Team> routed = new ArrayList<>();
    for (RoutingPolicy.TeamRoute route : routing.teams()) {
      TeamSetup setup = teams.get(route.team());
      String assignee =
          setup.autoAssign()
              ? Assignment.pick(setup.roster(), route.type(), excluded, openLoad).orElse(null)
              : null;
      routed.add(
          new RouteDecision.Team(
              route.team(), route.lead(), assignee, setup.supervisor(), route.reason()));
    }
    BusinessCalendar calendar = teams.get(routing.teams().get(0).team()).calendar();
    SlaPolicy.Targets targets = sla.targetsFor(score.value());
    return new RouteDecision(
        routed,
        routing.triage(),
        routing.reason(),
        routing.ruleId(),
        score,
        calendar.addBusinessTime(input.receivedAt(), targets.response()),
        calendar.addBusinessTime(input.receivedAt(), targets.resolution()),
        calendar.name(),
        approvals.ladder(),
        List.copyOf(excluded));
  }
}
