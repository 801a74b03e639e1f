package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class KpiScrapeRefreshTest {

  private final KpiGauges gauges = mock(KpiGauges.class);
  private final WebFilterChain chain = mock(WebFilterChain.class);
  private final KpiScrapeRefresh filter = new KpiScrapeRefresh(gauges);

  @Test
  void aScraperThatGivesUpDoesNotInterruptTheRefresh() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    doAnswer(
            call -> {
              started.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
              finished.countDown();
              return null;
            })
        .when(gauges)
        .refreshForScrape("Bearer t");
    when(chain.filter(any())).thenReturn(Mono.empty());

    Disposable scrape = filter.filter(scrape("/actuator/prometheus"), chain).subscribe();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    scrape.dispose(); // the scraper's timeout: the exchange is cancelled
    // the next scrape, while that refresh still runs, reads the gauges as they are
    filter.filter(scrape("/actuator/prometheus"), chain).block(Duration.ofSeconds(5));
    verify(gauges, times(1)).refreshForScrape(any());
    release.countDown();

    assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).isFalse();
    // and once it has ended, a scrape refreshes again
    for (int i = 0; i < 50 && refreshes() < 2; i++) {
      Thread.sleep(100);
      filter.filter(scrape("/actuator/prometheus"), chain).block(Duration.ofSeconds(5));
    }
    assertThat(refreshes()).isEqualTo(2);
  }

  @Test
  void theScrapeIsAnsweredAfterTheRefreshAndOtherPathsAreLeftAlone() {
    when(chain.filter(any())).thenReturn(Mono.empty());

    filter.filter(scrape("/actuator/prometheus"), chain).block(Duration.ofSeconds(5));
    verify(gauges).refreshForScrape("Bearer t");
    verify(chain).filter(any());

    filter.filter(scrape("/api/v1/kpis"), chain).block(Duration.ofSeconds(5));
    verify(gauges, times(1)).refreshForScrape(any());
    verify(chain, times(2)).filter(any());
  }

  private long refreshes() {
    return Mockito.mockingDetails(gauges).getInvocations().stream()
        .filter(i -> i.getMethod().getName().equals("refreshForScrape"))
        .count();
  }

  private static MockServerWebExchange scrape(String path) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get(path).header("Authorization", "Bearer t"));
  }
}
