package org.example.inquiry.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.ServiceTestProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness tells the truth: a background consumer that stops (the routing listener) or dies (the
 * Kafka Streams views) takes the router out of service, and {@code inquiry_consumer_running} says
 * which one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RouterReadinessIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
  }

  @BeforeAll
  static void upstreamTopics() {
    kafka.createTopics(
        Topics.INQUIRIES_CLASSIFIED,
        Topics.CUSTOMERS,
        Topics.INQUIRIES_RESOLVED,
        Topics.OPEN_ITEMS,
        Topics.FINANCIAL_EFFECTS_APPROVED);
  }

  @LocalServerPort int port;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired StreamsBuilderFactoryBean streams;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aStoppedListenerOrADeadStreamsInstanceMakesTheServiceNotReady() throws Exception {
    await().atMost(Duration.ofSeconds(90)).until(() -> readiness().statusCode() == 200);
    assertThat(prometheus())
        .contains("inquiry_consumer_running{")
        .doesNotContainPattern("inquiry_consumer_running\\{[^}]*\\} 0\\.0");

    MessageListenerContainer routing = listeners.getListenerContainers().iterator().next();
    routing.stop();
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
    assertThat(readiness().body()).contains("kafkaConsumers").contains("STOPPED");
    assertThat(prometheus())
        .containsPattern(
            "inquiry_consumer_running\\{[^}]*consumer=\\\""
                + routing.getListenerId()
                + "\\\"[^}]*\\} 0\\.0");

    routing.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 200);

    // The Streams instance dies (as after a fatal error): not ready, and the gauge says so.
    streams.getKafkaStreams().close(Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
    assertThat(readiness().body()).contains("kafkaStreams").contains("NOT_RUNNING");
    assertThat(prometheus())
        .containsPattern(
            "inquiry_consumer_running\\{[^}]*consumer=\\\"router-service-views\\\"[^}]*kind=\\\"streams\\\"[^}]*\\} 0\\.0");
  }

  private HttpResponse<String> readiness() throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String prometheus() throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + LocalJwt.get().token("auditor", "sre"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
