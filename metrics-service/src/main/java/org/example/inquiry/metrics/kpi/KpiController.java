package org.example.inquiry.metrics.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/kpis}: KPIs for a period ({@code from}, {@code to}, default the last 30 days),
 * grouped by team, type, channel or priority, optionally as a series of hour, day or month buckets.
 * Definitions: {@link KpiCalculator}. Any instance answers for all: it merges the shares of every
 * instance ({@link KpiCluster}); {@code GET /api/v1/kpis/share} is one instance's share.
 */
@RestController
class KpiController {

  private final KpiCluster cluster;
  private final KpiStore store;

  KpiController(KpiCluster cluster, KpiStore store) {
    this.cluster = cluster;
    this.store = store;
  }

  /**
   * A question that cannot be answered as asked (period, grouping, series): 400 with the reason.
   */
  @ExceptionHandler(KpiQuery.InvalidKpiQueryException.class)
  ResponseEntity<ProblemDetail> invalidQuery(KpiQuery.InvalidKpiQueryException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid KPI query");
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * The answer of {@code GET /api/v1/kpis}: the period, the grouping, the KPIs per group, the
   * series when a period was asked, and the events and dead letters counted per stage.
   */
  record KpiReport(
      Instant from,
      Instant to,
      String groupBy,
      Map<String, KpiCalculator.Kpis> groups,
      @JsonInclude(JsonInclude.Include.NON_NULL) String period,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<SeriesBucket> series,
      Map<String, Long> stageEvents,
      Map<String, Long> deadLetters,
      String definitions) {}

  /** One bucket of a series: its KPIs, null where nothing happened in it. */
  record SeriesBucket(Instant start, Instant end, KpiCalculator.Kpis kpis) {}

  @Operation(summary = "KPIs computed from the event log")
  @GetMapping(path = "/api/v1/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<KpiReport> kpis(
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "none") String groupBy,
      @RequestParam(required = false) String period,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    Instant now = Instant.now();
    Instant end = to == null ? now : to;
    Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
    return Mono.fromCallable(
            () -> {
              KpiQuery query = new KpiQuery(start, end, now, KpiQuery.groupBy(groupBy), period);
              List<KpiQuery.Bucket> buckets = query.buckets();
              KpiShare merged = cluster.query(query, authorization);
              return new KpiReport(
                  start,
                  end,
                  query.groupBy().name().toLowerCase(Locale.ROOT),
                  KpiCalculator.finish(merged.groups()),
                  query.period() == null ? null : period,
                  query.period() == null ? null : series(buckets, merged.series()),
                  merged.stageEvents(),
                  merged.deadLetters(),
                  "docs/ARCHITECTURE.md#kpis");
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @Operation(
      summary =
          "This instance's share of a KPI query (partials of its partitions), for the instance"
              + " that merges; clients use /api/v1/kpis")
  @GetMapping(path = "/api/v1/kpis/share", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<KpiShare> share(
      @RequestParam Instant from,
      @RequestParam Instant to,
      @RequestParam Instant now,
      @RequestParam(defaultValue = "none") String groupBy,
      @RequestParam(required = false) String period) {
    return Mono.fromCallable(
            () -> store.localShare(new KpiQuery(from, to, now, KpiQuery.groupBy(groupBy), period)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static List<SeriesBucket> series(
      List<KpiQuery.Bucket> buckets, List<KpiPartial> partials) {
    List<SeriesBucket> series = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      KpiPartial partial = i < partials.size() ? partials.get(i) : null;
      series.add(
          new SeriesBucket(
              buckets.get(i).start(),
              buckets.get(i).end(),
              partial == null ? null : partial.finish()));
    }
    return series;
  }
}
