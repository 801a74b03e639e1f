package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The case of one inquiry as resolution-service knows it, with its timeline. Immutable; each fact
 * from the log yields the next version. Kept in the {@code cases} state store.
 *
 * @param inquiryId the inquiry
 * @param status RECEIVED, ROUTED, ... (grows with the workflow)
 * @param customerId linked customer, or null
 * @param channel where it came in
 * @param types inquiry types as routed
 * @param urgency urgency as classified
 * @param teams teams working it, the lead first
 * @param triage whether it sits with the triage team
 * @param priority 0-100
 * @param amount amount at stake, if any
 * @param currency its currency
 * @param receivedAt when intake registered it
 * @param responseDueAt first response due
 * @param resolutionDueAt resolution due
 * @param timeline every fact about the case, oldest first
 */
public record InquiryCase(
    String inquiryId,
    String status,
    String customerId,
    String channel,
    List<String> types,
    String urgency,
    List<String> teams,
    boolean triage,
    int priority,
    BigDecimal amount,
    String currency,
    Instant receivedAt,
    Instant responseDueAt,
    Instant resolutionDueAt,
    List<TimelineEntry> timeline) {

  /** One fact on the timeline: what happened, when, by whom, why. */
  public record TimelineEntry(Instant at, String event, String actor, String detail) {}

  /** The routing facts a case is opened or updated from. */
  public record Routed(
      String inquiryId,
      Instant occurredAt,
      Instant receivedAt,
      String channel,
      String customerId,
      List<String> types,
      String urgency,
      List<String> teams,
      boolean triage,
      String reason,
      String ruleId,
      int priority,
      BigDecimal amount,
      String currency,
      Instant responseDueAt,
      Instant resolutionDueAt) {}

  /** Applies a routing decision: opens the case, or re-routes it. */
  public static InquiryCase routed(InquiryCase current, Routed r) {
    List<TimelineEntry> timeline = new ArrayList<>();
    if (current == null) {
      timeline.add(
          new TimelineEntry(r.receivedAt(), "RECEIVED", "intake-service", "via " + r.channel()));
    } else {
      timeline.addAll(current.timeline());
    }
    timeline.add(
        new TimelineEntry(
            r.occurredAt(),
            "ROUTED",
            "router-service",
            "teams "
                + r.teams()
                + ", priority "
                + r.priority()
                + " (rule "
                + r.ruleId()
                + "): "
                + r.reason()));
    return new InquiryCase(
        r.inquiryId(),
        "ROUTED",
        r.customerId(),
        r.channel(),
        r.types(),
        r.urgency(),
        r.teams(),
        r.triage(),
        r.priority(),
        r.amount(),
        r.currency(),
        r.receivedAt(),
        r.responseDueAt(),
        r.resolutionDueAt(),
        List.copyOf(timeline));
  }
}
