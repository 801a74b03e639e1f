package org.example.inquiry.metrics.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the KPIs of the last 30 days, overall ({@code team="all"}) and per team, as Prometheus
 * gauges, refreshed every 15 seconds, or less often when a refresh would take more than 5% of the
 * time (a refresh reads every stored inquiry; see {@link #refresh()}). Labels are bounded: teams,
 * stages, topics, action types and currencies from configuration, never inquiry or customer ids.
 *
 * <p>Several instances: the gauges are the merged view of every instance's partitions, published by
 * one instance only (the gauge exporter, {@link KpiCluster#isGaugeExporter()}); the others publish
 * none, so any sum, max or plain query over instances gives the application's values ({@code
 * inquiry_kpi_exporter} is 1 on the exporter). Asking the other instances needs a caller's token:
 * the exporter refreshes on Prometheus's scrape, with the scraper's token ({@link
 * KpiScrapeRefresh}). One instance alone refreshes on its schedule, as before.
 */
@Component
class KpiGauges {

  private static final Logger log = LoggerFactory.getLogger(KpiGauges.class);
  static final Duration WINDOW = Duration.ofDays(30);

  private final KpiStore store;
  private final KpiCluster cluster;
  private final RefreshBudget budget;
  private final AtomicInteger exporter = new AtomicInteger();
  private volatile long lastRefreshNanos; // the end of the last refresh that published
  private volatile boolean published;
  private final MultiGauge backlogOpen;
  private final MultiGauge backlogAging;
  private final MultiGauge fcr;
  private final MultiGauge firstResponse;
  private final MultiGauge resolution;
  private final MultiGauge sla;
  private final MultiGauge csat;
  private final MultiGauge resolved;
  private final MultiGauge adjustments;
  private final MultiGauge stageEvents;
  private final MultiGauge deadLetters;

  KpiGauges(
      KpiStore store,
      KpiCluster cluster,
      MeterRegistry meters,
      @Value("${metrics.gauge-refresh:15s}") Duration refreshEvery,
      @Value("${metrics.gauge-refresh-share:0.05}") double refreshShare) {
    this.store = store;
    this.cluster = cluster;
    this.budget = new RefreshBudget(refreshEvery, refreshShare);
    Gauge.builder("inquiry.kpi.exporter", exporter, Number::doubleValue)
        .description("1 on the metrics instance that publishes the KPI gauges, 0 on the others")
        .register(meters);
    Gauge.builder("inquiry.kpi.gauges.age", this, KpiGauges::ageSeconds)
        .description("Seconds since the KPI gauges were last recomputed (NaN: not published here)")
        .baseUnit("seconds")
        .register(meters);
    backlogOpen =
        MultiGauge.builder("inquiry.kpi.backlog.open")
            .description("Open inquiries now")
            .register(meters);
    backlogAging =
        MultiGauge.builder("inquiry.kpi.backlog.aging")
            .description("Open inquiries past their resolution due time")
            .register(meters);
    fcr =
        MultiGauge.builder("inquiry.kpi.first.contact.resolution.ratio")
            .description("Resolved at first contact / resolved, last 30 days")
            .register(meters);
    firstResponse =
        MultiGauge.builder("inquiry.kpi.first.response.seconds")
            .description("First response time from receipt, last 30 days")
            .register(meters);
    resolution =
        MultiGauge.builder("inquiry.kpi.resolution.seconds")
            .description("Resolution time from receipt, last 30 days")
            .register(meters);
    sla =
        MultiGauge.builder("inquiry.kpi.sla.attainment.ratio")
            .description("SLA targets met / due, last 30 days")
            .register(meters);
    csat =
        MultiGauge.builder("inquiry.kpi.csat.positive.ratio")
            .description("Ratings of 4-5 / ratings, last 30 days")
            .register(meters);
    resolved =
        MultiGauge.builder("inquiry.kpi.resolved")
            .description("Inquiries resolved in the last 30 days")
            .register(meters);
    adjustments =
        MultiGauge.builder("inquiry.kpi.adjustments.amount")
            .description("Financial adjustments of inquiries resolved in the last 30 days")
            .register(meters);
    stageEvents =
        MultiGauge.builder("inquiry.stage.events")
            .description("Events counted from the log, by stage")
            .register(meters);
    deadLetters =
        MultiGauge.builder("inquiry.dead.letters")
            .description("Records on dead-letter topics")
            .register(meters);
  }

  /**
   * Checks every second whether a refresh is due: {@code metrics.gauge-refresh} after the last one
   * began, or later when the last one took more than {@code metrics.gauge-refresh-share} of that
   * time ({@link RefreshBudget}: a refresh reads every stored inquiry, so its cost grows with the
   * store; the gauges then age, {@code inquiry_kpi_gauges_age_seconds} says by how much).
   */
  @Scheduled(fixedDelay = 1_000, initialDelayString = "5s")
  void refresh() {
    if (!store.isReady()) {
      return;
    }
    try {
      if (!exporting()) { // every second: an instance that stops exporting clears its gauges
        return;
      }
      if (!cluster.hasPeers() && budget.isDue(System.nanoTime())) {
        refresh(null);
      }
    } catch (RuntimeException e) {
      log.warn("KPI gauges not refreshed: {}", e.toString());
    }
  }

  /**
   * Before Prometheus reads the gauges of the exporter of several instances: refreshes them with
   * the scraper's token when they are older than the refresh interval.
   */
  void refreshForScrape(String authorization) {
    if (!store.isReady() || authorization == null) {
      return;
    }
    try {
      if (exporting() && cluster.hasPeers() && budget.isDue(System.nanoTime())) {
        refresh(authorization);
      }
    } catch (RuntimeException e) {
      log.warn("KPI gauges not refreshed: {}", e.toString());
    }
  }

  /** Whether this instance exports the gauges; one that does not clears them. */
  private boolean exporting() {
    if (cluster.isGaugeExporter()) {
      exporter.set(1);
      return true;
    }
    if (exporter.getAndSet(0) != 0 || published) {
      List<MultiGauge.Row<?>> none = List.of();
      for (MultiGauge gauge :
          List.of(
              backlogOpen,
              backlogAging,
              fcr,
              firstResponse,
              resolution,
              sla,
              csat,
              resolved,
              adjustments,
              stageEvents,
              deadLetters)) {
        gauge.register(none, true);
      }
      published = false;
      budget.reset();
    }
    return false;
  }

  private synchronized void refresh(String authorization) {
    long started = System.nanoTime();
    if (!budget.isDue(started)) {
      return; // another thread refreshed while this one waited
    }
    long cpuBefore = cpuNanos();
    try {
      Instant now = Instant.now();
      // Both groupings from one read of the stores.
      List<KpiShare> shares =
          cluster.queryAll(
              List.of(
                  new KpiQuery(now.minus(WINDOW), now, now, KpiCalculator.GroupBy.NONE, null),
                  new KpiQuery(now.minus(WINDOW), now, now, KpiCalculator.GroupBy.TEAM, null)),
              authorization);
      KpiShare overall = shares.get(0);
      KpiShare perTeam = shares.get(1);
      Map<String, KpiCalculator.Kpis> byTeam = new LinkedHashMap<>();
      byTeam.putAll(KpiCalculator.finish(overall.groups()));
      byTeam.putAll(KpiCalculator.finish(perTeam.groups()));
      List<MultiGauge.Row<?>> open = new ArrayList<>();
      List<MultiGauge.Row<?>> aging = new ArrayList<>();
      List<MultiGauge.Row<?>> fcrRows = new ArrayList<>();
      List<MultiGauge.Row<?>> responseRows = new ArrayList<>();
      List<MultiGauge.Row<?>> resolutionRows = new ArrayList<>();
      List<MultiGauge.Row<?>> slaRows = new ArrayList<>();
      List<MultiGauge.Row<?>> csatRows = new ArrayList<>();
      List<MultiGauge.Row<?>> resolvedRows = new ArrayList<>();
      byTeam.forEach(
          (team, k) -> {
            Tags t = Tags.of("team", team);
            open.add(MultiGauge.Row.of(t, k.openBacklog()));
            aging.add(MultiGauge.Row.of(t, k.agingBacklog()));
            resolvedRows.add(MultiGauge.Row.of(t, k.resolved()));
            addIfPresent(fcrRows, t, k.firstContactResolutionRate());
            addIfPresent(csatRows, t, k.csatPositiveRate());
            addIfPresent(slaRows, t.and("target", "response"), k.responseSlaAttainment());
            addIfPresent(slaRows, t.and("target", "resolution"), k.resolutionSlaAttainment());
            durations(responseRows, t, k.firstResponseSeconds());
            durations(resolutionRows, t, k.resolutionSeconds());
          });
      backlogOpen.register(open, true);
      backlogAging.register(aging, true);
      fcr.register(fcrRows, true);
      csat.register(csatRows, true);
      sla.register(slaRows, true);
      firstResponse.register(responseRows, true);
      resolution.register(resolutionRows, true);
      resolved.register(resolvedRows, true);
      KpiCalculator.Kpis all = byTeam.get("all");
      List<MultiGauge.Row<?>> adjustmentRows = new ArrayList<>();
      if (all != null) {
        all.adjustments()
            .forEach(
                (key, amount) -> {
                  String[] typeAndCurrency = key.split("/", 2);
                  adjustmentRows.add(
                      MultiGauge.Row.of(
                          Tags.of("type", typeAndCurrency[0], "currency", typeAndCurrency[1]),
                          amount.doubleValue()));
                });
      }
      adjustments.register(adjustmentRows, true);
      stageEvents.register(
          overall.stageEvents().entrySet().stream()
              .map(
                  e ->
                      (MultiGauge.Row<?>)
                          MultiGauge.Row.of(Tags.of("stage", e.getKey()), e.getValue()))
              .toList(),
          true);
      deadLetters.register(
          overall.deadLetters().entrySet().stream()
              .map(
                  e ->
                      (MultiGauge.Row<?>)
                          MultiGauge.Row.of(Tags.of("topic", e.getKey()), e.getValue()))
              .toList(),
          true);
      lastRefreshNanos = System.nanoTime();
      published = true;
    } catch (RuntimeException e) {
      log.warn("KPI gauges not refreshed: {}", e.toString());
    } finally {
      long cpu = cpuNanos();
      budget.ran(
          started, cpu >= 0 && cpuBefore >= 0 ? cpu - cpuBefore : System.nanoTime() - started);
    }
  }

  /** This thread's CPU time in nanoseconds, or -1 where the JVM does not measure it. */
  private static long cpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
  }

  private double ageSeconds() {
    return published ? (System.nanoTime() - lastRefreshNanos) / 1e9 : Double.NaN;
  }

  private static void addIfPresent(List<MultiGauge.Row<?>> rows, Tags tags, Double value) {
    if (value != null) {
      rows.add(MultiGauge.Row.of(tags, value));
    }
  }

  private static void durations(
      List<MultiGauge.Row<?>> rows, Tags tags, KpiCalculator.Durations d) {
    if (d.count() > 0) {
      rows.add(MultiGauge.Row.of(tags.and("stat", "avg"), d.average()));
      rows.add(MultiGauge.Row.of(tags.and("stat", "p50"), d.p50()));
      rows.add(MultiGauge.Row.of(tags.and("stat", "p90"), d.p90()));
    }
  }
}
