package org.example.inquiry.resolution.console;

import java.time.Duration;
import java.time.Instant;

/**
 * An SLA due time as the console shows it: how long is left (or how long ago it passed) in words,
 * and a state for its colour. Pure.
 *
 * @param state {@code ok}, {@code warn} (less than the warning share of its span left) or {@code
 *     breached}; {@code met} once the thing it measures happened
 */
public record Countdown(Instant due, String text, String state) {

  /** Less than this left before the due time is shown as a warning. */
  static final Duration WARN_WITHIN = Duration.ofHours(1);

  static Countdown of(Instant due, Instant now) {
    return of(due, now, null);
  }

  /**
   * @param done when what the due time measures happened (first response, resolution), or null
   */
  static Countdown of(Instant due, Instant now, Instant done) {
    if (due == null) {
      return new Countdown(null, "no due time", "ok");
    }
    if (done != null) {
      return done.isAfter(due)
          ? new Countdown(due, "done, " + span(Duration.between(due, done)) + " late", "breached")
          : new Countdown(due, "done in time", "met");
    }
    Duration left = Duration.between(now, due);
    if (left.isNegative() || left.isZero()) {
      return new Countdown(due, "overdue by " + span(left.negated()), "breached");
    }
    return new Countdown(
        due, span(left) + " left", left.compareTo(WARN_WITHIN) < 0 ? "warn" : "ok");
  }

  /** The clock stands still: the case waits for the customer since {@code since}. */
  static Countdown paused(Instant due, Instant since, Instant now) {
    return new Countdown(
        null,
        "paused for "
            + span(Duration.between(since, now.isBefore(since) ? since : now))
            + ", waiting for the customer",
        "paused");
  }

  /** A duration in the two largest units that matter: "2 d 4 h", "3 h 12 min", "45 s". */
  static String span(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    if (days > 0) {
      return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    if (minutes > 0) {
      return minutes + " min";
    }
    return seconds + " s";
  }
}
