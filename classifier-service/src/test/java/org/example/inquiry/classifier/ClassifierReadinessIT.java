package org.example.inquiry.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.example.inquiry.platform.kafka.BackgroundConsumers;
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
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness tells the truth in the classifier too: the classification listener and the watcher of
 * promoted models are background consumers; either one stopping takes the service out of service,
 * and {@code inquiry_consumer_running} names it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "classifier.corpus=classpath:corpus/finance-inquiries-fixture.csv",
      "classifier.written-corpus=",
      "classifier.triage-threshold=0.5"
    })
@DirtiesContext
class ClassifierReadinessIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
  }

  @BeforeAll
  static void upstreamTopics() {
    // the Streams view of outcomes waits for resolution's topic
    kafka.createTopics(
        Topics.INQUIRIES_RECEIVED, Topics.INQUIRIES_RESOLVED, Topics.INQUIRIES_WORKED);
  }

  @LocalServerPort int port;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired BackgroundConsumers background;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aStoppedListenerOrModelWatcherMakesTheClassifierNotReady() throws Exception {
    await().atMost(Duration.ofSeconds(90)).until(() -> readiness().statusCode() == 200);
    assertThat(prometheus())
        .containsPattern("inquiry_consumer_running\\{[^}]*consumer=\"classifier-model-watcher\"")
        .doesNotContainPattern("inquiry_consumer_running\\{[^}]*\\} 0\\.0");

    for (MessageListenerContainer classifying : listeners.getListenerContainers()) {
      classifying.stop();
      await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
      assertThat(prometheus())
          .containsPattern(
              "inquiry_consumer_running\\{[^}]*consumer=\""
                  + classifying.getListenerId()
                  + "\"[^}]*\\} 0\\.0");
      classifying.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 200);
    }

    MessageListenerContainer watcher = background.containers().get("classifier-model-watcher");
    watcher.stop();
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
    assertThat(prometheus())
        .containsPattern(
            "inquiry_consumer_running\\{[^}]*consumer=\"classifier-model-watcher\"[^}]*\\} 0\\.0");
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
