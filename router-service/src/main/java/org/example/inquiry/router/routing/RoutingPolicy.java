package org.example.inquiry.router.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which teams work an inquiry from configured rules: each classified type is matched to the
 * first rule that names it (and whose segment, region, channel and minimum amount match); the teams
 * of the main type's rule lead. Low-confidence, unlinked, or unmatched inquiries go to the triage
 * team with the reason, never dropped. Pure.
 */
public final class RoutingPolicy {

  /**
   * A configured rule (bound from {@code router.rules}): when an inquiry has one of {@code types}
   * and matches the optional segment, region, channel and minimum amount, it goes to {@code teams},
   * the first leading. Missing condition lists match anything; the description defaults to the id.
   */
  public record Rule(
      String id,
      String description,
      List<String> types,
      List<String> segments,
      List<String> regions,
      List<String> channels,
      BigDecimal minAmount,
      List<String> teams) {

    public Rule {
      description = description == null ? id : description;
      segments = segments == null ? List.of() : segments;
      regions = regions == null ? List.of() : regions;
      channels = channels == null ? List.of() : channels;
    }

    boolean matches(String type, Inquiry inquiry) {
      return types.contains(type)
          && (segments.isEmpty() || segments.contains(inquiry.segment()))
          && (regions.isEmpty() || regions.contains(inquiry.region()))
          && (channels.isEmpty() || channels.contains(inquiry.channel()))
          && (minAmount == null
              || (inquiry.baseAmount() != null && inquiry.baseAmount().compareTo(minAmount) >= 0));
    }
  }

  /** What routing looks at; the amount in the base currency. */
  public record Inquiry(
      List<String> types,
      String urgency,
      boolean triage,
      String triageReason,
      boolean linked,
      String segment,
      String region,
      String channel,
      BigDecimal baseAmount) {}

  /** One team, the inquiry type that brought it, and why. */
  public record TeamRoute(String team, boolean lead, String type, String ruleId, String reason) {}

  /** The teams, or triage with the reason. */
  public record Routing(List<TeamRoute> teams, boolean triage, String reason, String ruleId) {}

  private final List<Rule> rules;
  private final String triageTeam;

  public RoutingPolicy(List<Rule> rules, String triageTeam) {
    this.rules = List.copyOf(rules);
    this.triageTeam = triageTeam;
  }

  public Routing route(Inquiry inquiry) {
    if (inquiry.triage()) {
      return triage("the classifier was not confident: " + inquiry.triageReason());
    }
    if (!inquiry.linked()) {
      return triage("not linked to a customer: verify the sender before anyone acts");
    }
    Map<String, TeamRoute> teams = new LinkedHashMap<>();
    List<String> ruleIds = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    for (String type : inquiry.types()) {
      Rule rule = rules.stream().filter(r -> r.matches(type, inquiry)).findFirst().orElse(null);
      if (rule == null) {
        unmatched.add(type);
        continue;
      }
      if (!ruleIds.contains(rule.id())) {
        ruleIds.add(rule.id());
      }
      for (String team : rule.teams()) {
        teams.putIfAbsent(
            team,
            new TeamRoute(
                team, teams.isEmpty(), type, rule.id(), type + ": " + rule.description()));
      }
    }
    if (teams.isEmpty()) {
      return triage("no routing rule matches types " + unmatched);
    }
    String reason =
        "types "
            + inquiry.types()
            + " -> "
            + teams.keySet()
            + (unmatched.isEmpty() ? "" : "; no rule for " + unmatched);
    return new Routing(List.copyOf(teams.values()), false, reason, String.join("+", ruleIds));
  }

  private Routing triage(String reason) {
    return new Routing(
        List.of(new TeamRoute(triageTeam, true, "general", "triage", reason)),
        true,
        reason,
        "triage");
  }
}
