package org.example.inquiry.metrics.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the KPIs need to know about one inquiry, folded from its events in event time (the
 * {@code occurredAt} of each event, never the processing time), so a late or replayed event lands
 * where it belongs. Kept per inquiry id in the {@code inquiry-facts} store.
 */
public class InquiryFacts {

  public String inquiryId;
  public Instant receivedAt;
  public String channel;
  public Instant classifiedAt;
  public List<String> types = new ArrayList<>();
  public String urgency;
  public Instant routedAt;
  public List<String> teams = new ArrayList<>();
  public int priority;
  public Instant responseDueAt;
  public Instant resolutionDueAt;
  public Instant firstResponseAt;
  public Instant firstApprovalAt;
  public int approvalsApproved;
  public int approvalsRejected;
  public Instant resolvedAt;
  public int resolutions;
  public int reopenings;
  public Instant lastReopenedAt;
  public boolean firstContactResolution;
  public String rootCause;
  public List<Adjustment> adjustments = new ArrayList<>();
  public BigDecimal amount;
  public String currency;
  public Integer csatScore;
  public Instant ratedAt;
  public boolean responseBreached;
  public boolean resolutionBreached;

  /** While the case waits for the customer, when its resolution clock stopped; else null. */
  public Instant slaPausedAt;

  /**
   * The resolution due time as of {@code now}: while the clock stands still (the case waits for the
   * customer) it moves on with time, so a paused case is never overdue.
   */
  public Instant resolutionDue(Instant now) {
    if (resolutionDueAt == null || slaPausedAt == null || !now.isAfter(slaPausedAt)) {
      return resolutionDueAt;
    }
    return resolutionDueAt.plus(java.time.Duration.between(slaPausedAt, now));
  }

  /** A financial effect published at resolution. */
  public record Adjustment(String type, BigDecimal amount, String currency) {}

  /** Resolved, and not reopened since. */
  public boolean isResolved() {
    return resolvedAt != null && (lastReopenedAt == null || !lastReopenedAt.isAfter(resolvedAt));
  }

  /** Open now: received and not resolved (or reopened since). */
  public boolean isOpen() {
    return receivedAt != null && !isResolved();
  }

  /** The priority band used for grouping (bounded cardinality). */
  public String priorityBand() {
    return priority >= 75 ? "high" : priority >= 50 ? "medium" : "low";
  }
}
