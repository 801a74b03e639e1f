package org.example.inquiry.metrics.kpi;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.example.inquiry.platform.security.PlatformSecurityAutoConfiguration;
import org.example.inquiry.platform.web.WebPlatformAutoConfiguration;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.ServiceTestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The KPI API in a web slice with the platform's security and error handling: a question that
 * cannot be answered as asked is 400 problem+json with the reason (the store is never asked), and
 * KPIs that cannot be computed right now (Streams restoring, partitions moving) are 503.
 */
@WebFluxTest(controllers = KpiController.class)
// A first request under load (a CI machine shared with other builds) takes more than 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@ImportAutoConfiguration({
  PlatformSecurityAutoConfiguration.class,
  WebPlatformAutoConfiguration.class
})
class KpiControllerTest {

  @DynamicPropertySource
  static void tokens(DynamicPropertyRegistry registry) {
    ServiceTestProperties.registerTokens(registry);
  }

  @Autowired WebTestClient web;
  @MockitoBean KpiCluster cluster;
  @MockitoBean KpiStore store;
  // The slice includes the scrape filter (a WebFilter), which refreshes the gauges.
  @MockitoBean KpiGauges gauges;

  WebTestClient.ResponseSpec get(String uri) {
    return web.get()
        .uri(uri)
        .headers(h -> h.setBearerAuth(LocalJwt.get().token("agent", "alice")))
        .exchange();
  }

  void isBadRequest(String uri, String reason) {
    get(uri)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(reason);
  }

  void answersFromTheCluster() {
    when(cluster.query(any(), any()))
        .thenAnswer(
            call ->
                KpiShare.of(
                    List.of("inquiries-received-0"),
                    List.of(),
                    call.getArgument(0),
                    Map.of("received", 3L),
                    Map.of("inquiries-received-dlt", 1L)));
  }

  @Test
  void theReportNamesItsPeriodGroupingAndCountsAndHasNoSeriesUnlessAsked() {
    answersFromTheCluster();

    get("/api/v1/kpis?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&groupBy=team")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.from")
        .isEqualTo("2026-11-01T00:00:00Z")
        .jsonPath("$.to")
        .isEqualTo("2026-11-03T00:00:00Z")
        .jsonPath("$.groupBy")
        .isEqualTo("team")
        .jsonPath("$.groups")
        .exists()
        .jsonPath("$.stageEvents.received")
        .isEqualTo(3)
        .jsonPath("$.deadLetters['inquiries-received-dlt']")
        .isEqualTo(1)
        .jsonPath("$.definitions")
        .isEqualTo("docs/ARCHITECTURE.md#kpis")
        .jsonPath("$.period")
        .doesNotExist()
        .jsonPath("$.series")
        .doesNotExist();
  }

  @Test
  void aSeriesHasOneBucketPerPeriodEachWithItsKpis() {
    answersFromTheCluster();

    get("/api/v1/kpis?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&period=day")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.period")
        .isEqualTo("day")
        .jsonPath("$.series.length()")
        .isEqualTo(2)
        .jsonPath("$.series[1].start")
        .isEqualTo("2026-11-02T00:00:00Z")
        .jsonPath("$.series[1].end")
        .isEqualTo("2026-11-03T00:00:00Z")
        .jsonPath("$.series[1].kpis")
        .hasJsonPath();
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIs400() {
    isBadRequest(
        "/api/v1/kpis?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from must be before to");
    verifyNoInteractions(cluster, store);
  }

  @Test
  void anUnknownGroupingOrSeriesPeriodIs400() {
    isBadRequest(
        "/api/v1/kpis?groupBy=planet",
        "groupBy must be one of none, team, type, channel, priority");
    isBadRequest("/api/v1/kpis?period=week", "period must be hour, day or month");
    isBadRequest(
        "/api/v1/kpis/share?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z"
            + "&now=2026-11-02T00:00:00Z&period=fortnight",
        "period must be hour, day or month");
    verifyNoInteractions(cluster, store);
  }

  @Test
  void tooManySeriesBucketsIs400() {
    isBadRequest(
        "/api/v1/kpis?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&period=day",
        "more than 400 buckets: shorten the period or use a coarser one");
    verifyNoInteractions(cluster, store);
  }

  @Test
  void kpisThatCannotBeComputedNowAre503() {
    when(cluster.query(any(), any()))
        .thenThrow(KpiStore.unavailable("KPIs are still being computed from the log", null));

    get("/api/v1/kpis")
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("KPIs are still being computed from the log");
  }

  @Test
  void aCallerWithoutAReadingRoleIsRefused() {
    web.get()
        .uri("/api/v1/kpis")
        .headers(h -> h.setBearerAuth(LocalJwt.get().token("channel", "portal")))
        .exchange()
        .expectStatus()
        .isForbidden();
    verifyNoInteractions(cluster, store);
  }
}
