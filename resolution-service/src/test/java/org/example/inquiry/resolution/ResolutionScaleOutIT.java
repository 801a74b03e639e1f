package org.example.inquiry.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.FreePorts;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.LocalJwt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two resolution instances sharing the partitions: a case query or command sent to either reaches
 * the instance that owns the inquiry, and queues merge both instances' cases.
 */
class ResolutionScaleOutIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
  static final List<Integer> ports = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startTwoInstances() throws IOException {
    kafka.createTopics(
        Topics.INQUIRIES_ROUTED,
        Topics.INQUIRIES_FOLLOWED_UP,
        Topics.CUSTOMERS,
        Topics.CUSTOMER_FINANCIAL_PROFILES,
        Topics.INQUIRIES_RECEIVED,
        Topics.MESSAGE_DELIVERIES,
        Topics.ATTACHMENT_CONTENTS);
    String applicationId = "resolution-scaleout-" + UUID.randomUUID();
    for (int i = 0; i < 2; i++) {
      int port = FreePorts.next();
      ports.add(port);
      instances.add(
          new SpringApplicationBuilder(ResolutionApplication.class)
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
                              + "/scaleout-"
                              + UUID.randomUUID(),
                          "spring.kafka.consumer.group-id=" + applicationId,
                          "inquiry.kafka.declare-topics=true",
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

  HttpResponse<String> call(int instance, String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(instance) + path))
            .header(
                "Authorization",
                "Bearer "
                    + LocalJwt.get()
                        .token(List.of("agent", "supervisor"), "alice", Duration.ofHours(1)))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void queriesAndCommandsReachTheInstanceThatOwnsTheInquiry() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(ResolutionIT.route("scale-" + i + "-" + UUID.randomUUID()));
    }
    // Both instances running with the partitions shared between them.
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              int a =
                  JSON.readTree(call(0, "GET", "/api/v1/queues?scope=local&size=200").body())
                      .path("total")
                      .asInt(-1);
              int b =
                  JSON.readTree(call(1, "GET", "/api/v1/queues?scope=local&size=200").body())
                      .path("total")
                      .asInt(-1);
              return a > 0 && b > 0 && a + b >= 12;
            });

    for (String id : ids) {
      assertThat(call(0, "GET", "/api/v1/inquiries/" + id).statusCode()).as(id).isEqualTo(200);
      HttpResponse<String> claimed = call(1, "POST", "/api/v1/inquiries/" + id + "/claim");
      assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
      JsonNode c = JSON.readTree(claimed.body()).path("case");
      assertThat(c.path("assignee").asString()).isEqualTo("alice");
    }
    String body = call(0, "GET", "/api/v1/queues?assignee=alice&size=200").body();
    String local1 = call(1, "GET", "/api/v1/queues?scope=local&assignee=alice&size=200").body();
    assertThat(JSON.readTree(body).path("items").findValuesAsString("inquiryId"))
        .as("merged %s; instance 1 alone %s", body, local1)
        .containsAll(ids);
  }
}
