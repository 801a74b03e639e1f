package org.example.inquiry.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.PoisonRecords;
import org.example.inquiry.testing.ServiceTestProperties;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The shared Kafka and security wiring against a real broker and registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s") // a loaded CI machine answers slowly, not wrongly
class PlatformIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
  }

  @Autowired WebTestClient web;

  @LocalServerPort int port;
  @Autowired KafkaTemplate<Object, Object> template;
  @Autowired KafkaListenerEndpointRegistry listeners;

  static InquiryReceived event(String inquiryId, String subject) {
    return InquiryReceived.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(inquiryId)
        .setOccurredAt(Instant.now())
        .setChannel(Channel.API)
        .setSubmittedBy("it")
        .setLinkage("UNLINKED")
        .setContact(new Contact(null, null))
        .setSubject(subject)
        .setBody("body")
        .setAmount(new Money(new BigDecimal("10.0000"), "EUR"))
        .setKycStatus(KycStatus.UNKNOWN)
        .setSenderIsRegisteredContact(CheckOutcome.NOT_APPLICABLE)
        .setReferencesBelongToCustomer(CheckOutcome.NOT_APPLICABLE)
        .build();
  }

  @Test
  void aGarbageRecordGoesToTheDeadLetterTopicWithItsBytesAndTheNextRecordFlows() {
    byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
    new TopicWriter(kafka).sendRaw("inquiries-received", "garbage-1", garbage);
    template.executeInTransaction(
        t -> t.send("inquiries-received", "after-garbage", event("after-garbage", "fine")));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                PlatformTestApplication.received.stream()
                    .anyMatch(e -> e.getInquiryId().equals("after-garbage")));
    ConsumerRecord<String, byte[]> dead = readDeadLetter("garbage-1");
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
    assertThat(header(dead, "inquiry-dlt-reason")).contains("magic byte 0x7b");
    assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("inquiries-received");
    assertThat(header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("platform-it");
  }

  @Test
  void everyKindOfPoisonIsDeadLetteredAtOnceWithItsReasonAndTheListenerGoesOn() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    var poisons = PoisonRecords.forTopic(kafka, Topics.INQUIRIES_RECEIVED);
    for (var poison : poisons) {
      new TopicWriter(kafka)
          .sendRaw("inquiries-received", run + "-" + poison.kind(), poison.value());
    }
    template.executeInTransaction(
        t -> t.send("inquiries-received", run + "-after", event(run + "-after", "fine")));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                PlatformTestApplication.received.stream()
                    .anyMatch(e -> e.getInquiryId().equals(run + "-after")));
    for (var poison : poisons) {
      ConsumerRecord<String, byte[]> dead = readDeadLetter(run + "-" + poison.kind());
      assertThat(header(dead, "inquiry-dlt-reason")).as(poison.kind()).contains(poison.reason());
      assertThat(header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("platform-it");
      assertThat(dead.value()).as(poison.kind()).isEqualTo(poison.value());
    }
  }

  @Test
  void aStoppedListenerTakesTheServiceOutOfReadinessAndItsGaugeSaysSo() {
    var container = listeners.getListenerContainer("platform-it-received");
    String token = LocalJwt.get().token("auditor", "sre");
    web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    try {
      container.stop();
      web.get()
          .uri("/actuator/health/readiness")
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectBody(String.class)
          .value(body -> assertThat(body).contains("kafkaConsumers", "STOPPED"));
      web.get()
          .uri("/actuator/prometheus")
          .headers(h -> h.setBearerAuth(token))
          .exchange()
          .expectBody(String.class)
          .value(
              body ->
                  assertThat(body)
                      .containsPattern(
                          "inquiry_consumer_running\\{[^}]*consumer=\"platform-it-received\"[^}]*\\} 0\\.0"));
    } finally {
      container.start();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
  }

  @Test
  void anInvalidEventIsDeadLetteredWithoutRetries() {
    int before = PlatformTestApplication.invalidAttempts.get();
    template.executeInTransaction(
        t -> t.send("inquiries-received", "invalid-1", event("invalid-1", "INVALID event")));

    ConsumerRecord<String, byte[]> dead = readDeadLetter("invalid-1");

    assertThat(header(dead, "kafka_dlt-exception-message")).contains("subject marked invalid");
    assertThat(dead.value()[0]).isZero(); // still the Confluent-framed Avro event
    assertThat(PlatformTestApplication.invalidAttempts.get() - before).isEqualTo(1);
  }

  @Test
  void endpointsNeedATokenWithTheRightRoleAndAnswerProblemJson() {
    web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    web.get()
        .uri("/api/v1/ping")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
    web.get()
        .uri("/api/v1/ping")
        .headers(h -> h.setBearerAuth("not-a-jwt"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    web.get()
        .uri("/api/v1/ping")
        .headers(h -> h.setBearerAuth(LocalJwt.get().token("channel", "portal")))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(403);
    web.get()
        .uri("/api/v1/ping")
        .headers(h -> h.setBearerAuth(LocalJwt.get().token("agent", "alice")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("pong alice");
    web.get()
        .uri("/actuator/prometheus")
        .headers(h -> h.setBearerAuth(LocalJwt.get().token("auditor", "sre")))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void theCallerIsTheTokensSubjectInCanonicalForm() {
    web.get()
        .uri("/api/v1/ping")
        .headers(h -> h.setBearerAuth(LocalJwt.get().token("agent", " ＡＬＩＣＥ ")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("pong alice");
  }

  /** Valid claims for alice (agent), changed by {@code change}. */
  static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    return change
        .apply(
            new JWTClaimsSet.Builder()
                .issuer(LocalJwt.ISSUER)
                .audience(LocalJwt.AUDIENCE)
                .subject("alice")
                .claim("roles", List.of("agent"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))))
        .build();
  }

  @Test
  void tokensOutsideThePolicyAre401ProblemJsonNever5xx() {
    for (var claims :
        List.of(
            claims(c -> c.subject(null)),
            claims(c -> c.expirationTime(null)),
            claims(c -> c.issuer("https://evil.example")),
            claims(c -> c.audience("another-api")))) {
      web.get()
          .uri("/api/v1/ping")
          .headers(h -> h.setBearerAuth(LocalJwt.get().sign(claims)))
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void bodiesAreReadStrictlyAndTheFieldAtFaultIsNamed() {
    String token = LocalJwt.get().token("agent", "alice");
    Map<String, String> bad =
        Map.of(
            "{\"subject\": 42}", "subject",
            "{\"subject\": true}", "subject",
            "{\"subject\": \"x\", \"sneaky\": 1}", "sneaky",
            "{\"subject\": \"x\", \"subject\": \"y\"}", "subject",
            "{\"subject\": \"x\", \"count\": \"12\"}", "count",
            "{\"subject\": \"x\", \"flag\": 1}", "flag",
            "{\"subject\": \"x\", \"tags\": \"one\"}", "tags",
            "{\"subject\": \"x\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"ZZZ\"}}",
                "amount.currency",
            "{\"subject\": \"x\", \"amount\": {\"amount\": \"1.001\", \"currency\": \"USD\"}}",
                "amount.amount",
            "{\"subject\": \"x\", \"amount\": {\"amount\": \"1e13\", \"currency\": \"EUR\"}}",
                "amount.amount");
    bad.forEach(
        (body, field) ->
            web.post()
                .uri("/api/v1/echo")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).as(body).contains(field)));
    web.post()
        .uri("/api/v1/echo")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"subject\": \"x\", \"count\": 3, \"flag\": true, \"tags\": [\"a\"],"
                + " \"amount\": {\"amount\": \"22000.00\", \"currency\": \"USD\"}}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void firewallRejectionsAreProblemJson() {
    for (String path : List.of("/api/v1/ping%2F..", "/api/v1/ping%00", "/api/v1/%2e%2e/ping")) {
      web.get()
          .uri(URI.create("http://127.0.0.1:" + port + path))
          .headers(h -> h.setBearerAuth(LocalJwt.get().token("agent", "alice")))
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<String, byte[]> readDeadLetter(String key) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "group.id",
                "dlt-reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "isolation.level",
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("inquiries-received-dlt"));
      List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
          seen.add(record);
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
      throw new AssertionError("no dead letter with key " + key + "; saw " + seen.size());
    }
  }

  /**
   * A request refused before its body is read (no token) must not stall the connection it came on:
   * the next request on that connection is answered, or the refusal closed the connection
   * (Connection: close) so the client opens a new one. Either way nothing waits.
   */
  @Test
  void aRequestRefusedBeforeItsBodyIsReadLeavesNoConnectionHanging() throws Exception {
    String body = "{\"text\": \"" + "a".repeat(50_000) + "\"}";
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      var out = socket.getOutputStream();
      var in = new java.io.BufferedInputStream(socket.getInputStream());
      // no token: the security filter refuses it before anything reads the body
      out.write(
          ("POST /api/v1/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\n\r\n"
                  + body)
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      String refused = RawHttp.readResponse(in);
      assertThat(refused).startsWith("HTTP/1.1 401");
      if (refused.toLowerCase(java.util.Locale.ROOT).contains("\nconnection: close")) {
        assertThat(in.read()).as("the refusal closed the connection").isEqualTo(-1);
        return;
      }
      out.write(
          "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      assertThat(RawHttp.readResponse(in))
          .as("the next request on the same connection")
          .startsWith("HTTP/1.1 200");
    }
  }

  /**
   * Keep-alive connections are answered request after request, whatever the mix of quick and slower
   * answers: a client that reuses its connection never waits on a request the server buffered and
   * forgot (reactor-netty #4361 hangs such a connection until the client gives up).
   */
  @Test
  void aKeepAliveConnectionAnswersEveryRequest() throws Exception {
    String token = LocalJwt.get().token("agent", "alice");
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      var out = socket.getOutputStream();
      var in = new java.io.BufferedInputStream(socket.getInputStream());
      for (int i = 0; i < 300; i++) {
        String request =
            i % 3 == 0
                ? "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                : i % 3 == 1
                    ? "GET /api/v1/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + token
                        + "\r\n\r\n"
                    : "GET /api/v1/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        out.write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        try {
          assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 ");
        } catch (java.net.SocketTimeoutException e) {
          throw new AssertionError(
              "request " + i + " on the kept-alive connection was not answered", e);
        }
      }
    }
  }
}
