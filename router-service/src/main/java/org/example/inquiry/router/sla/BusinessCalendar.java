package org.example.inquiry.router.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Business hours of a team: working days, opening hours in a zone, holidays. Adds business time to
 * an instant, so an SLA clock stops at night, at weekends and on holidays. Pure.
 */
public final class BusinessCalendar {

  private final String name;
  private final ZoneId zone;
  private final Set<DayOfWeek> workdays;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Set<LocalDate> holidays;

  public BusinessCalendar(
      String name,
      ZoneId zone,
      Set<DayOfWeek> workdays,
      LocalTime opens,
      LocalTime closes,
      Set<LocalDate> holidays) {
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException(
          "calendar " + name + ": opens " + opens + " must be before closes " + closes);
    }
    if (workdays.isEmpty()) {
      throw new IllegalArgumentException("calendar " + name + " has no working days");
    }
    this.name = name;
    this.zone = zone;
    this.workdays = Set.copyOf(workdays);
    this.opens = opens;
    this.closes = closes;
    this.holidays = Set.copyOf(holidays);
  }

  public String name() {
    return name;
  }

  /** The instant that lies {@code businessTime} of working hours after {@code start}. */
  public Instant addBusinessTime(Instant start, Duration businessTime) {
    ZonedDateTime cursor = start.atZone(zone);
    Duration left = businessTime;
    for (int guard = 0; guard < 3660; guard++) {
      if (!isWorkingDay(cursor.toLocalDate())) {
        cursor = cursor.toLocalDate().plusDays(1).atTime(opens).atZone(zone);
        continue;
      }
      ZonedDateTime open = cursor.toLocalDate().atTime(opens).atZone(zone);
      ZonedDateTime close = cursor.toLocalDate().atTime(closes).atZone(zone);
      if (cursor.isBefore(open)) {
        cursor = open;
      }
      if (!cursor.isBefore(close)) {
        cursor = cursor.toLocalDate().plusDays(1).atTime(opens).atZone(zone);
        continue;
      }
      Duration available = Duration.between(cursor, close);
      if (left.compareTo(available) <= 0) {
        return cursor.plus(left).toInstant();
      }
      left = left.minus(available);
      cursor = cursor.toLocalDate().plusDays(1).atTime(opens).atZone(zone);
    }
    throw new IllegalStateException("calendar " + name + " has no working time within ten years");
  }

  public boolean isWorkingDay(LocalDate day) {
    return workdays.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }
}
