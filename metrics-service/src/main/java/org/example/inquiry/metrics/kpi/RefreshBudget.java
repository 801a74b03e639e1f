package org.example.inquiry.metrics.kpi;

import java.time.Duration;

/**
 * When a refresh that reads every stored inquiry may run again: not before its interval has passed
 * since the last one began, and not so soon that refreshing takes more than its share of one core
 * (a refresh that cost 2 s of CPU with a share of 5% runs again 40 s after it began). The refresh's
 * cost grows with what is stored; the budget keeps it a bounded share of a core however much that
 * is, and the gauges get older instead. The cost is the CPU time the refresh spent, not the time it
 * waited (retries, other instances' answers). Times are {@link System#nanoTime()} readings.
 * Thread-safe.
 */
final class RefreshBudget {

  private final long intervalNanos;
  private final double share;
  private boolean ran;
  private long lastStart;
  private long lastTook;

  /**
   * @param interval the shortest time between the starts of two refreshes
   * @param share the largest share of the time refreshing may take, above 0 and at most 1
   */
  RefreshBudget(Duration interval, double share) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("the interval must not be negative, was " + interval);
    }
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("the share must be above 0 and at most 1, was " + share);
    }
    this.intervalNanos = interval.toNanos();
    this.share = share;
  }

  /** Whether a refresh may begin at {@code now}. */
  synchronized boolean isDue(long now) {
    return !ran || now - lastStart >= waitNanos();
  }

  /**
   * A refresh began at {@code start} and spent {@code cost} nanoseconds of CPU (done or failed).
   */
  synchronized void ran(long start, long cost) {
    ran = true;
    lastStart = start;
    lastTook = Math.max(0, cost);
  }

  /** Forgets the refreshes so far: the next is due at once. */
  synchronized void reset() {
    ran = false;
  }

  /** The time from one refresh's start to the next one's, after the last refresh. */
  synchronized Duration spacing() {
    return Duration.ofNanos(waitNanos());
  }

  private long waitNanos() {
    return Math.max(intervalNanos, (long) Math.ceil(lastTook / share));
  }
}
