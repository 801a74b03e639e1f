package org.example.inquiry.router.config;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.example.inquiry.router.approval.ApprovalPolicy;
import org.example.inquiry.router.assignment.Assignment;
import org.example.inquiry.router.priority.PriorityScore;
import org.example.inquiry.router.routing.Router;
import org.example.inquiry.router.routing.RoutingPolicy;
import org.example.inquiry.router.sla.BusinessCalendar;
import org.example.inquiry.router.sla.SlaPolicy;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.schemas.approval.ApprovalLevel;
import org.example.inquiry.schemas.identity.PersonIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Validates the routing configuration and builds the {@link Router} from it. Every problem is
 * collected, so an invalid rule set stops the service with one message that lists them all.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

  static final Set<String> WEIGHTS =
      Set.of(
          "urgency",
          "amountAtRisk",
          "lifetimeValue",
          "acquisitionPayback",
          "riskRating",
          "kycState",
          "overdueExposure",
          "brokenPromises");

  @Bean
  Router router(RouterProperties properties) {
    return build(properties);
  }

  @Bean
  Fx fx(RouterProperties properties) {
    return new Fx(properties.baseCurrency(), properties.fxToBase());
  }

  /** Builds the router, or throws with every problem of the configuration. */
  public static Router build(RouterProperties p) {
    List<String> problems = validate(p);
    if (!problems.isEmpty()) {
      throw new InvalidRoutingConfigurationException(problems);
    }
    Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    p.calendars()
        .forEach(
            (name, c) ->
                calendars.put(
                    name,
                    new BusinessCalendar(
                        name,
                        ZoneId.of(c.zone()),
                        Set.copyOf(c.workdays()),
                        c.opens(),
                        c.closes(),
                        Set.copyOf(orEmpty(c.holidays())))));
    Map<String, Router.TeamSetup> teams = new LinkedHashMap<>();
    p.teams()
        .forEach(
            (name, t) ->
                teams.put(
                    name,
                    new Router.TeamSetup(
                        calendars.get(t.calendar()),
                        PersonIds.canonicalOrFolded(t.supervisor()),
                        "AUTO".equals(t.assignment()),
                        orEmpty(t.roster()).stream()
                            .map(
                                a ->
                                    new Assignment.Agent(
                                        PersonIds.canonicalOrFolded(a.id()),
                                        Set.copyOf(orEmpty(a.skills()))))
                            .toList())));
    List<RoutingPolicy.Rule> rules = p.rules();
    Map<String, List<ApprovalPolicy.Tier>> ladders = new LinkedHashMap<>();
    p.approval()
        .forEach(
            (action, tiers) ->
                ladders.put(
                    action,
                    tiers.stream()
                        .map(t -> new ApprovalPolicy.Tier(t.above(), t.level(), t.role()))
                        .toList()));
    return new Router(
        new RoutingPolicy(rules, p.triageTeam()),
        new PriorityScore(p.priorityWeights()),
        new SlaPolicy(
            p.sla().stream()
                .map(b -> new SlaPolicy.Band(b.minPriority(), b.response(), b.resolution()))
                .toList()),
        new ApprovalPolicy(ladders),
        teams,
        p.conflicts() == null ? Map.of() : p.conflicts());
  }

  /** Every problem of the configuration; empty when it is valid. */
  public static List<String> validate(RouterProperties p) {
    List<String> problems = new ArrayList<>();
    if (p.policyVersion() == null || p.policyVersion().isBlank()) {
      problems.add("router.policy-version is required");
    }
    Map<String, RouterProperties.Team> teams = p.teams() == null ? Map.of() : p.teams();
    Map<String, RouterProperties.Calendar> calendars =
        p.calendars() == null ? Map.of() : p.calendars();
    Set<String> taxonomy = new HashSet<>(orEmpty(p.taxonomy()));
    if (taxonomy.isEmpty()) {
      problems.add("router.taxonomy must list the inquiry types");
    }
    if (p.triageTeam() == null || !teams.containsKey(p.triageTeam())) {
      problems.add("router.triage-team '" + p.triageTeam() + "' is not a configured team");
    }
    Set<String> ids = new HashSet<>();
    for (RoutingPolicy.Rule rule : orEmpty(p.rules())) {
      String where = "rule '" + rule.id() + "'";
      if (rule.id() == null || !ids.add(rule.id())) {
        problems.add("rules need unique ids (" + rule.id() + ")");
      }
      if (orEmpty(rule.types()).isEmpty()) {
        problems.add(where + " names no types");
      }
      orEmpty(rule.types()).stream()
          .filter(t -> !taxonomy.contains(t))
          .forEach(t -> problems.add(where + ": unknown type '" + t + "'"));
      if (orEmpty(rule.teams()).isEmpty()) {
        problems.add(where + " names no teams");
      }
      orEmpty(rule.teams()).stream()
          .filter(t -> !teams.containsKey(t))
          .forEach(t -> problems.add(where + ": unknown team '" + t + "'"));
    }
    if (orEmpty(p.rules()).isEmpty()) {
      problems.add("router.rules is empty: every inquiry would go to triage");
    }
    teams.forEach(
        (name, team) -> {
          if (team.calendar() == null || !calendars.containsKey(team.calendar())) {
            problems.add("team '" + name + "': unknown calendar '" + team.calendar() + "'");
          }
          if (!"AUTO".equals(team.assignment()) && !"QUEUE".equals(team.assignment())) {
            problems.add(
                "team '"
                    + name
                    + "': assignment must be AUTO or QUEUE, not '"
                    + team.assignment()
                    + "'");
          }
          if ("AUTO".equals(team.assignment()) && orEmpty(team.roster()).isEmpty()) {
            problems.add("team '" + name + "' assigns automatically but has no roster");
          }
        });
    calendars.forEach(
        (name, c) -> {
          try {
            ZoneId.of(c.zone());
          } catch (RuntimeException e) {
            problems.add("calendar '" + name + "': unknown zone '" + c.zone() + "'");
          }
          if (c.opens() == null || c.closes() == null || !c.opens().isBefore(c.closes())) {
            problems.add("calendar '" + name + "': opens must be before closes");
          }
          if (orEmpty(c.workdays()).isEmpty()) {
            problems.add("calendar '" + name + "' has no workdays");
          }
        });
    if (orEmpty(p.sla()).stream().noneMatch(b -> b.minPriority() <= 0)) {
      problems.add("router.sla needs a band with min-priority 0 so every priority has targets");
    }
    Map<String, Double> weights = p.priorityWeights() == null ? Map.of() : p.priorityWeights();
    weights.keySet().stream()
        .filter(k -> !WEIGHTS.contains(k))
        .forEach(k -> problems.add("unknown priority weight '" + k + "' (known: " + WEIGHTS + ")"));
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - 100) > 0.001) {
      problems.add("router.priority-weights must add up to 100, not " + sum);
    }
    if (p.baseCurrency() == null
        || p.fxToBase() == null
        || !p.fxToBase().containsKey(p.baseCurrency())) {
      problems.add("router.fx-to-base must include the base currency " + p.baseCurrency());
    }
    (p.approval() == null ? Map.<String, List<RouterProperties.Tier>>of() : p.approval())
        .forEach(
            (action, tiers) -> {
              if (ActionType.named(action).isEmpty()) {
                problems.add(
                    "approval '"
                        + action
                        + "': unknown action type; one of "
                        + List.of(ActionType.values()));
              }
              BigDecimal previous = null;
              for (RouterProperties.Tier tier : tiers) {
                if (ApprovalLevel.named(tier.level()).isEmpty()) {
                  problems.add("approval '" + action + "': unknown level '" + tier.level() + "'");
                }
                if (tier.above() == null
                    || (previous != null && tier.above().compareTo(previous) <= 0)) {
                  problems.add("approval '" + action + "': thresholds must be given and ascending");
                }
                if (!"NONE".equals(tier.level())
                    && (tier.role() == null || tier.role().isBlank())) {
                  problems.add(
                      "approval '"
                          + action
                          + "': level "
                          + tier.level()
                          + " needs an approver role");
                }
                previous = tier.above();
              }
            });
    return problems;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** The configuration cannot route: the message lists every problem. */
  public static final class InvalidRoutingConfigurationException extends IllegalStateException {
    InvalidRoutingConfigurationException(List<String> problems) {
      super(
          "Invalid routing configuration ("
              + problems.size()
              + " problems):\n  - "
              + String.join("\n  - ", problems));
    }
  }

  /** Converts amounts to the base currency with the configured rates. */
  public record Fx(String baseCurrency, Map<String, BigDecimal> toBase) {

    /** The amount in the base currency, or null when the currency has no configured rate. */
    public BigDecimal toBase(BigDecimal amount, String currency) {
      if (amount == null || currency == null) {
        return null;
      }
      BigDecimal rate = toBase.get(currency);
      return rate == null ? null : amount.multiply(rate);
    }
  }
}
