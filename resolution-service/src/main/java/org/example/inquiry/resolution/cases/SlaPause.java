package org.example.inquiry.resolution.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The resolution clock stands still while the case waits for the customer: an information request
 * pauses it, and the customer's answer (or the agent carrying on: a reply, the resolution) starts
 * it again with the resolution due time moved by the time it stood still. First responses are not
 * paused: asking for information is a response. Both moves are on the timeline and on {@code
 * inquiries-worked} with the due time from then on, so the KPIs judge the SLA by it. Pure.
 */
final class SlaPause {

  private SlaPause() {}

  /** Pauses the resolution clock at {@code at}, unless it stands still already. */
  static Optional<CaseEvent> pause(InquiryCase.Edit next, Instant at, String actor) {
    if (next.slaPausedAt != null || next.resolutionDueAt == null) {
      return Optional.empty();
    }
    next.slaPausedAt = at;
    String detail =
        "resolution clock paused while waiting for the customer (due " + next.resolutionDueAt + ")";
    next.log(at, Activity.SLA_PAUSED, actor, detail);
    return Optional.of(event(Activity.SLA_PAUSED, actor, detail, next));
  }

  /**
   * Starts the resolution clock again at {@code at}: the due time moves by the time it stood still.
   *
   * @param why what ended the wait, e.g. "the customer answered"
   */
  static Optional<CaseEvent> resume(InquiryCase.Edit next, Instant at, String actor, String why) {
    if (next.slaPausedAt == null) {
      return Optional.empty();
    }
    Duration stood = Duration.between(next.slaPausedAt, at);
    if (stood.isNegative()) {
      stood = Duration.ZERO;
    }
    Instant was = next.resolutionDueAt;
    next.resolutionDueAt = was.plus(stood);
    next.slaPausedAt = null;
    if (!stood.isZero() && next.sla.resolutionWarned() && !next.sla.resolutionBreached()) {
      // the warning was for the old due time; the clock warns again before the new one
      next.sla =
          new InquiryCase.SlaSignals(
              next.sla.responseWarned(), next.sla.responseBreached(), false, false);
    }
    String detail =
        "resolution clock resumed ("
            + why
            + ") after "
            + stood.toSeconds()
            + " s waiting: due "
            + next.resolutionDueAt
            + ", was "
            + was;
    next.log(at, Activity.SLA_RESUMED, actor, detail);
    return Optional.of(event(Activity.SLA_RESUMED, actor, detail, next));
  }

  private static CaseEvent event(
      Activity activity, String actor, String detail, InquiryCase.Edit next) {
    return new CaseEvent.Worked(
        activity, actor, detail, next.assignee, null, null, List.of(), next.resolutionDueAt);
  }
}
