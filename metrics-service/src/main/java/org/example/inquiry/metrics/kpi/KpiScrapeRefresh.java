package org.example.inquiry.metrics.kpi;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Refreshes the KPI gauges of the exporting instance, when other instances run beside it, just
 * before Prometheus reads them: the shares of the other instances are asked with the scraper's own
 * token, as any KPI query is. Runs after Spring Security's filter chain (lowest precedence), so
 * only an authenticated scrape gets here.
 */
@Component
class KpiScrapeRefresh implements WebFilter {

  private static final String SCRAPE_PATH = "/actuator/prometheus";

  private final KpiGauges gauges;
  private final AtomicBoolean refreshing = new AtomicBoolean();

  KpiScrapeRefresh(KpiGauges gauges) {
    this.gauges = gauges;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!SCRAPE_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
      return chain.filter(exchange);
    }
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    // Off the event loop, and never cut short: a scraper that gives up (its timeout, a closed
    // connection) would otherwise interrupt the refresh, so a refresh slower than the scrape
    // timeout would be lost at every scrape and the gauges would never be refreshed. It runs to
    // its end, and the next scrape reads what it computed. A scrape that arrives while a refresh
    // runs (for a scraper that may have given up) reads the gauges as they are.
    Mono<Void> refresh =
        Mono.create(
            sink -> {
              if (!refreshing.compareAndSet(false, true)) {
                sink.success();
                return;
              }
              try {
                Schedulers.boundedElastic()
                    .schedule(
                        () -> {
                          try {
                            gauges.refreshForScrape(authorization);
                          } catch (RuntimeException e) {
                            // refreshForScrape logs what it could not do; the scrape goes on
                          } finally {
                            refreshing.set(false);
                            sink.success();
                          }
                        });
              } catch (RuntimeException e) { // no worker to run it (queue full, shutting down)
                refreshing.set(false);
                sink.success();
              }
            });
    return refresh.then(chain.filter(exchange));
  }
}
