package org.example.inquiry.router.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  final BusinessCalendar berlin =
      new BusinessCalendar(
          "emea",
          ZoneId.of("Europe/Berlin"),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(8, 0),
          LocalTime.of(18, 0),
          Set.of(LocalDate.parse("2026-12-25")));

  @Test
  void aDueTimeCrossingTheWeekendSkipsSaturdayAndSunday() {
    // Friday 27 Nov 2026, 17:00 in Berlin (16:00 UTC) + 4 business hours -> Monday 11:00 Berlin.
    Instant due =
        berlin.addBusinessTime(Instant.parse("2026-11-27T16:00:00Z"), Duration.ofHours(4));

    assertThat(due).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
  }

  @Test
  void workOutsideOpeningHoursStartsAtTheNextOpening() {
    // Tuesday 06:00 Berlin + 1h -> 09:00 Berlin.
    assertThat(berlin.addBusinessTime(Instant.parse("2026-11-24T05:00:00Z"), Duration.ofHours(1)))
        .isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    // Tuesday 20:00 Berlin + 1h -> Wednesday 09:00 Berlin.
    assertThat(berlin.addBusinessTime(Instant.parse("2026-11-24T19:00:00Z"), Duration.ofHours(1)))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
  }

  @Test
  void holidaysDoNotCount() {
    // Thursday 24 Dec 17:00 Berlin + 2h: 1h on Thursday, Friday 25 Dec is a holiday -> Monday 28
    // Dec 09:00.
    assertThat(berlin.addBusinessTime(Instant.parse("2026-12-24T16:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2026-12-28T08:00:00Z"));
  }

  @Test
  void severalDaysOfTargetSpanWholeWorkingDays() {
    // Monday 08:00 Berlin + 2 business days (20h of 10h days) -> Tuesday 18:00 Berlin.
    assertThat(berlin.addBusinessTime(Instant.parse("2026-11-23T07:00:00Z"), Duration.ofHours(20)))
        .isEqualTo(Instant.parse("2026-11-24T17:00:00Z"));
  }
}
