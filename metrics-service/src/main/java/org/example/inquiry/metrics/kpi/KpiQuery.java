package org.example.inquiry.metrics.kpi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One KPI question: the period {@code [from, to)}, the instant taken as "now" (backlog, SLA due),
 * the grouping and an optional series period. The instance asked fixes {@code now} and passes the
 * whole query to the others, so every share is computed for the same instant.
 *
 * @param period null, or hour, day or month
 */
record KpiQuery(
    Instant from, Instant to, Instant now, KpiCalculator.GroupBy groupBy, String period) {

  static final int MAX_BUCKETS = 400;

  /** A question that cannot be answered as asked (the web layer answers 400 with the reason). */
  static final class InvalidKpiQueryException extends RuntimeException {
    InvalidKpiQueryException(String reason) {
      super(reason);
    }
  }

  /** A series bucket {@code [start, end)}. */
  record Bucket(Instant start, Instant end) {}

  KpiQuery {
    if (!from.isBefore(to)) {
      throw new InvalidKpiQueryException("from must be before to");
    }
    if (period != null) {
      period = period.toLowerCase(Locale.ROOT);
      unitOf(period);
    }
  }

  static KpiCalculator.GroupBy groupBy(String name) {
    try {
      return KpiCalculator.GroupBy.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidKpiQueryException(
          "groupBy must be one of none, team, type, channel, priority");
    }
  }

  private static ChronoUnit unitOf(String period) {
    return switch (period) {
      case "hour" -> ChronoUnit.HOURS;
      case "day" -> ChronoUnit.DAYS;
      case "month" -> ChronoUnit.MONTHS;
      default -> throw new InvalidKpiQueryException("period must be hour, day or month");
    };
  }

  /** The series buckets (none without a period): calendar units in UTC from {@code from}. */
  List<Bucket> buckets() {
    List<Bucket> buckets = new ArrayList<>();
    if (period == null) {
      return buckets;
    }
    ChronoUnit unit = unitOf(period);
    var cursor =
        from.atZone(ZoneOffset.UTC).truncatedTo(unit == ChronoUnit.MONTHS ? ChronoUnit.DAYS : unit);
    if (unit == ChronoUnit.MONTHS) {
      cursor = cursor.withDayOfMonth(1);
    }
    while (cursor.toInstant().isBefore(to)) {
      if (buckets.size() >= MAX_BUCKETS) {
        throw new InvalidKpiQueryException(
            "more than " + MAX_BUCKETS + " buckets: shorten the period or use a coarser one");
      }
      var next = cursor.plus(1, unit);
      buckets.add(new Bucket(cursor.toInstant(), next.toInstant()));
      cursor = next;
    }
    return buckets;
  }
}
