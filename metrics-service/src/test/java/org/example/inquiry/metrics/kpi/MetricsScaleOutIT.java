package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.example.inquiry.metrics.MetricsApplication;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.FreePorts;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two metrics instances sharing the partitions: each holds some partitions' inquiries, and either
 * answers the KPIs of all of them, the same; one of them exports the gauges.
 */
class MetricsScaleOutIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
  static final List<Integer> ports = new ArrayList<>();
  static final int INQUIRIES = 30;
  static final int RESOLVED = 12;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startTwoInstances() {
    // Its inputs and every dead-letter topic (counted by metrics), as their owners declare them.
    kafka.createTopics(Topics.all().toArray(TopicSpec[]::new));
    String applicationId = "metrics-scaleout-" + UUID.randomUUID();
    for (int i = 0; i < 2; i++) {
      int port = FreePorts.next();
      ports.add(port);
      instances.add(
          new SpringApplicationBuilder(MetricsApplication.class)
              .run(
                  Stream.of(
                          "server.port=" + port,
                          "server.address=127.0.0.1",
                          "spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                          "spring.kafka.properties.schema.registry.url=" + kafka.registryUrl(),
                          "spring.kafka.streams.properties.schema.registry.url="
                              + kafka.registryUrl(),
                          "spring.kafka.streams.application-id=" + applicationId,
                          "spring.kafka.streams.properties.application.server=127.0.0.1:" + port,
                          "spring.kafka.streams.state-dir="
                              + System.getProperty("java.io.tmpdir")
                              + "/metrics-scaleout-"
                              + UUID.randomUUID(),
                          "spring.kafka.consumer.group-id=" + applicationId,
                          "metrics.gauge-refresh=1s",
                          "inquiry.security.token.public-key-location="
                              + LocalJwt.get().publicKeyLocation())
                      .map(p -> "--" + p)
                      .toArray(String[]::new)));
    }
  }

  @AfterAll
  static void stop() {
    instances.forEach(ConfigurableApplicationContext::close);
  }

  HttpResponse<String> get(int instance, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(instance) + path))
            .header(
                "Authorization",
                "Bearer " + LocalJwt.get().token(List.of("auditor"), "sre", Duration.ofHours(1)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(int instance, String path) throws Exception {
    HttpResponse<String> answer = get(instance, path);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  @Test
  void eitherInstanceAnswersTheKpisOfAllPartitions() throws Exception {
    TopicWriter writer = new TopicWriter(kafka);
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < INQUIRIES; i++) {
      String id = "scale-" + run + "-" + i;
      writer.send("inquiries-received", id, Events.aReceivedInquiry(id));
      writer.send(
          "inquiries-routed", id, Events.aRoutedInquiry(id, Events.RECEIVED_AT.plusSeconds(2)));
      writer.send(
          "inquiries-worked",
          id,
          KpiTopologyTest.worked(
              id, "FIRST_RESPONDED", Events.RECEIVED_AT.plus(Duration.ofMinutes(10 + i))));
      if (i < RESOLVED) {
        writer.send(
            "inquiries-resolved",
            id,
            KpiTopologyTest.resolved(
                id,
                Events.RECEIVED_AT.plus(Duration.ofHours(1 + i)),
                i % 2 == 0,
                List.of("billing")));
      }
    }
    String kpis = "/api/v1/kpis?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";
    String share =
        "/api/v1/kpis/share?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"
            + "&now=2100-01-01T00:00:00Z";
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              // Both hold partitions, none twice.
              Set<String> first = partitions(json(0, share));
              Set<String> second = partitions(json(1, share));
              assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
              assertThat(second).isNotEmpty();
              JsonNode all = json(0, kpis).path("groups").path("all");
              assertThat(all.path("received").asLong()).isEqualTo(INQUIRIES);
              assertThat(all.path("resolved").asLong()).isEqualTo(RESOLVED);
              assertThat(all.path("firstResponseSeconds").path("count").asLong())
                  .isEqualTo(INQUIRIES);
            });
    // The shares really are split: neither instance alone has every inquiry.
    assertThat(json(0, share).path("groups").path("all").path("received").asLong())
        .as("instance 1's own inquiries")
        .isBetween(1L, INQUIRIES - 1L);
    for (String query :
        List.of(
            kpis,
            kpis + "&groupBy=team",
            kpis + "&groupBy=type",
            "/api/v1/kpis?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&period=day")) {
      JsonNode a = json(0, query);
      JsonNode b = json(1, query);
      for (String field : List.of("groups", "series", "stageEvents", "deadLetters")) {
        assertThat(b.path(field)).as(query + " " + field).isEqualTo(a.path(field));
      }
    }
    assertThat(json(1, kpis).path("stageEvents").path("received").asLong()).isEqualTo(INQUIRIES);
    // First responses after 10, 11, ..., 39 minutes: exact average and nearest-rank percentiles.
    JsonNode firstResponse = json(1, kpis).path("groups").path("all").path("firstResponseSeconds");
    assertThat(firstResponse.path("count").asLong()).isEqualTo(30);
    assertThat(firstResponse.path("average").asDouble()).isEqualTo(1470.0);
    assertThat(firstResponse.path("p50").asLong()).isEqualTo(24 * 60);
    assertThat(firstResponse.path("p90").asLong()).isEqualTo(36 * 60);

    // Prometheus: one instance exports the merged gauges, the other none; the overall and the
    // per-team rows (both from one read of each instance's stores) are the REST answers.
    JsonNode byTeam = json(0, kpis + "&groupBy=team").path("groups");
    assertThat(byTeam.properties()).isNotEmpty();
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              String a = get(0, "/actuator/prometheus").body();
              String b = get(1, "/actuator/prometheus").body();
              String exporter = gauge(a, "inquiry_kpi_exporter", "") == 1 ? a : b;
              String other = exporter == a ? b : a;
              assertThat(gauge(other, "inquiry_kpi_exporter", "")).isZero();
              assertThat(gauge(exporter, "inquiry_kpi_exporter", "")).isEqualTo(1);
              assertThat(gauge(exporter, "inquiry_stage_events", "stage=\"received\""))
                  .isEqualTo(INQUIRIES);
              assertThat(other).doesNotContain("inquiry_stage_events{");
              assertThat(gauge(exporter, "inquiry_kpi_backlog_open", "team=\"all\""))
                  .isEqualTo(INQUIRIES - RESOLVED);
              for (var team : byTeam.properties()) {
                assertThat(
                        gauge(
                            exporter, "inquiry_kpi_backlog_open", "team=\"" + team.getKey() + "\""))
                    .as("team " + team.getKey())
                    .isEqualTo(team.getValue().path("openBacklog").asLong());
              }
            });
  }

  static Set<String> partitions(JsonNode share) {
    Set<String> partitions = new TreeSet<>();
    share.path("partitions").forEach(p -> partitions.add(p.asString()));
    return partitions;
  }

  static long gauge(String scrape, String name, String label) {
    return scrape
        .lines()
        .filter(l -> l.startsWith(name + "{") && l.contains(label))
        .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1L);
  }
}
