package org.example.inquiry.router.config;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.example.inquiry.router.routing.RoutingPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the router decides with, as configuration ({@code router.*} in application.yml):
 * routing rules, teams with their calendars and rosters, SLA bands, priority weights, approval
 * ladders, FX rates to the base currency and known conflicts of interest. Validated at start-up by
 * {@link RoutingConfiguration}; an invalid set stops the service with every problem listed.
 */
@ConfigurationProperties("router")
public record RouterProperties(
    String policyVersion,
    String triageTeam,
    List<String> taxonomy,
    List<RoutingPolicy.Rule> rules,
    Map<String, Team> teams,
    Map<String, Calendar> calendars,
    List<SlaBand> sla,
    Map<String, Double> priorityWeights,
    String baseCurrency,
    Map<String, BigDecimal> fxToBase,
    Map<String, List<Tier>> approval,
    Map<String, List<String>> conflicts) {

  /**
   * A team.
   *
   * @param calendar business-hours calendar its SLA clocks run on
   * @param supervisor who breaches escalate to
   * @param assignment AUTO (the router picks an agent) or QUEUE (agents claim)
   * @param roster agents and their skills (inquiry types), for AUTO
   */
  public record Team(String calendar, String supervisor, String assignment, List<Agent> roster) {}

  /** An agent and the inquiry types they handle. */
  public record Agent(String id, List<String> skills) {}

  /** Business hours in a zone, with holidays. */
  public record Calendar(
      String zone,
      List<DayOfWeek> workdays,
      LocalTime opens,
      LocalTime closes,
      List<LocalDate> holidays) {}

  /**
   * Response and resolution targets (business time) for priorities at or above {@code minPriority}.
   */
  public record SlaBand(int minPriority, Duration response, Duration resolution) {}

  /**
   * One rung of an approval ladder: actions above {@code above} (base currency) need {@code level}.
   */
  public record Tier(BigDecimal above, String level, String role) {}
}
