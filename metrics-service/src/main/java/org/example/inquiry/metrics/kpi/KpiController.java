package org.example.inquiry.metrics.kpi;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/kpis}: KPIs for a period ({@code from}, {@code to}, default the last 30 days),
 * grouped by team, type, channel or priority, optionally as a series of hour, day or month buckets.
 * Definitions: {@link KpiCalculator}.
 */
@RestController
class KpiController {

  private static final int MAX_BUCKETS = 400;

  private final KpiStore store;

  KpiController(KpiStore store) {
    this.store = store;
  }

  @Operation(summary = "KPIs computed from the event log")
  @GetMapping(path = "/api/v1/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<Map<String, Object>> kpis(
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "none") String groupBy,
      @RequestParam(required = false) String period) {
    Instant now = Instant.now();
    Instant end = to == null ? now : to;
    Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
    if (!start.isBefore(end)) {
      return Mono.error(
          new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to"));
    }
    KpiCalculator.GroupBy grouping;
    try {
      grouping = KpiCalculator.GroupBy.valueOf(groupBy.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.BAD_REQUEST,
              "groupBy must be one of none, team, type, channel, priority"));
    }
    ChronoUnit unit = period == null ? null : unitOf(period);
    return Mono.fromCallable(
            () -> {
              List<InquiryFacts> facts = store.facts();
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("from", start);
              body.put("to", end);
              body.put("groupBy", grouping.name().toLowerCase(Locale.ROOT));
              body.put("groups", KpiCalculator.compute(facts, start, end, now, grouping));
              if (unit != null) {
                body.put("period", period);
                body.put("series", series(facts, start, end, now, unit));
              }
              body.put("stageEvents", store.stageEvents());
              body.put("deadLetters", store.deadLetters());
              body.put("definitions", "docs/ARCHITECTURE.md#kpis");
              return body;
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static ChronoUnit unitOf(String period) {
    return switch (period.toLowerCase(Locale.ROOT)) {
      case "hour" -> ChronoUnit.HOURS;
      case "day" -> ChronoUnit.DAYS;
      case "month" -> ChronoUnit.MONTHS;
      default ->
          throw new ResponseStatusException(
              HttpStatus.BAD_REQUEST, "period must be hour, day or month");
    };
  }

  private static List<Map<String, Object>> series(
      List<InquiryFacts> facts, Instant from, Instant to, Instant now, ChronoUnit unit) {
    List<Map<String, Object>> buckets = new ArrayList<>();
    var cursor =
        from.atZone(ZoneOffset.UTC).truncatedTo(unit == ChronoUnit.MONTHS ? ChronoUnit.DAYS : unit);
    if (unit == ChronoUnit.MONTHS) {
      cursor = cursor.withDayOfMonth(1);
    }
    while (cursor.toInstant().isBefore(to)) {
      if (buckets.size() >= MAX_BUCKETS) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST,
            "more than " + MAX_BUCKETS + " buckets: shorten the period or use a coarser one");
      }
      var next = cursor.plus(1, unit);
      Map<String, Object> bucket = new LinkedHashMap<>();
      bucket.put("start", cursor.toInstant());
      bucket.put("end", next.toInstant());
      bucket.put(
          "kpis",
          KpiCalculator.compute(
                  facts, cursor.toInstant(), next.toInstant(), now, KpiCalculator.GroupBy.NONE)
              .get("all"));
      buckets.add(bucket);
      cursor = next;
    }
    return buckets;
  }
}
