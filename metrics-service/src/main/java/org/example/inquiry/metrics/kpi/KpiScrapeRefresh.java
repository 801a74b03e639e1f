package org.example.inquiry.metrics.kpi;

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

  KpiScrapeRefresh(KpiGauges gauges) {
    this.gauges = gauges;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!SCRAPE_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
      return chain.filter(exchange);
    }
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return Mono.fromRunnable(() -> gauges.refreshForScrape(authorization))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorResume(e -> Mono.empty())
        .then(chain.filter(exchange));
  }
}
