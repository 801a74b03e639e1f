package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.FinancialAdjustment;
import org.example.inquiry.schemas.InquiryRated;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.PoisonRecords;
import org.example.inquiry.testing.TopicReader;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Poison everywhere while the five services run: garbage bytes, an unknown schema id, a record of
 * another schema, a tombstone and an oversize record on every input topic of every service; each
 * lands in {@code <topic>-dlt} from every consumer group that reads the topic, with the reason and
 * the original coordinates; no view stops (also across a crash and restart of the services with
 * global views) and inquiries keep flowing. Then every metric the alert rules and the Grafana
 * dashboard query is found on some service's {@code /actuator/prometheus}.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonAndMonitoringIT {

  /** Every input topic and the consumer groups (listeners and Streams applications) reading it. */
  static final Map<TopicSpec, Set<String>> CONSUMERS = new LinkedHashMap<>();

  static {
    CONSUMERS.put(Topics.INQUIRIES_SUBMITTED, Set.of("intake-service"));
    CONSUMERS.put(
        Topics.INQUIRIES_RECEIVED,
        Set.of("classifier-service", "metrics-service", "intake-service", "resolution-service"));
    CONSUMERS.put(Topics.INQUIRIES_CLASSIFIED, Set.of("router-service", "metrics-service"));
    CONSUMERS.put(
        Topics.INQUIRIES_ROUTED,
        Set.of("resolution-service", "metrics-service", "router-service-views"));
    CONSUMERS.put(Topics.INQUIRIES_WORKED, Set.of("metrics-service"));
    CONSUMERS.put(Topics.INQUIRIES_APPROVED, Set.of("metrics-service"));
    CONSUMERS.put(
        Topics.INQUIRIES_RESOLVED,
        Set.of("metrics-service", "router-service-views", "intake-service"));
    CONSUMERS.put(
        Topics.INQUIRIES_FOLLOWED_UP,
        Set.of("resolution-service", "metrics-service", "intake-service"));
    CONSUMERS.put(Topics.INQUIRIES_RATED, Set.of("metrics-service"));
    CONSUMERS.put(Topics.INQUIRY_COMMANDS, Set.of("resolution-service"));
    CONSUMERS.put(
        Topics.CUSTOMERS, Set.of("intake-service", "router-service-views", "resolution-service"));
    CONSUMERS.put(
        Topics.OPEN_ITEMS, Set.of("intake-service", "resolution-service", "router-service-views"));
    CONSUMERS.put(Topics.FINANCIAL_EFFECTS_APPROVED, Set.of("router-service-views"));
    CONSUMERS.put(
        Topics.CUSTOMER_FINANCIAL_PROFILES, Set.of("router-service-views", "resolution-service"));
    CONSUMERS.put(Topics.CONTRACT_TERMS, Set.of("resolution-service"));
    CONSUMERS.put(Topics.FINANCE_ACKNOWLEDGEMENTS, Set.of("resolution-service"));
    CONSUMERS.put(Topics.MESSAGE_DELIVERIES, Set.of("resolution-service"));
    CONSUMERS.put(Topics.ATTACHMENT_CONTENTS, Set.of("resolution-service"));
    // outbound-messages: the e2e pipeline runs no email sender (no SMTP server); EmailSenderIT
    // covers its dead letters.
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static PipelineUnderTest pipeline;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    pipeline = PipelineUnderTest.start();
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @Order(1)
  void poisonOnEveryInputTopicIsDeadLetteredByEveryConsumerAndNothingStops() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String before = submit("before-" + run);
    awaitCase(before);

    TopicWriter writer = new TopicWriter(pipeline.kafka());
    Map<String, String> reasons = new HashMap<>();
    for (TopicSpec topic : CONSUMERS.keySet()) {
      for (PoisonRecords.Poison poison : PoisonRecords.forTopic(pipeline.kafka(), topic)) {
        String key = "poison-" + run + "-" + poison.kind();
        writer.sendRaw(topic.name(), key, poison.value());
        reasons.put(topic.name() + "/" + key, poison.reason());
      }
    }
    String during = submit("during-" + run);

    List<String> problems = new ArrayList<>();
    for (var entry : CONSUMERS.entrySet()) {
      String topic = entry.getKey().name();
      Set<String> expectedPairs = new TreeSet<>();
      reasons.keySet().stream()
          .filter(k -> k.startsWith(topic + "/"))
          .forEach(
              k -> entry.getValue().forEach(g -> expectedPairs.add(k.split("/", 2)[1] + " " + g)));
      List<ConsumerRecord<String, byte[]>> dead =
          new TopicReader(pipeline.kafka())
              .readRawUntil(
                  topic + "-dlt",
                  rs -> pairs(rs, run).containsAll(expectedPairs),
                  Duration.ofSeconds(120));
      Set<String> found = pairs(dead, run);
      for (String pair : expectedPairs) {
        if (!found.contains(pair)) {
          problems.add(topic + ": no dead letter " + pair);
        }
      }
      for (ConsumerRecord<String, byte[]> record : dead) {
        if (record.key() == null || !record.key().startsWith("poison-" + run)) {
          continue;
        }
        String expectedReason = reasons.get(topic + "/" + record.key());
        String reason = header(record, "inquiry-dlt-reason");
        if (reason == null || !reason.contains(expectedReason)) {
          problems.add(
              topic
                  + " "
                  + record.key()
                  + " by "
                  + header(record, "kafka_dlt-original-consumer-group")
                  + ": reason '"
                  + reason
                  + "', expected '"
                  + expectedReason
                  + "'");
        }
        for (String h :
            List.of(
                "kafka_dlt-original-topic",
                "kafka_dlt-original-partition",
                "kafka_dlt-original-offset",
                "kafka_dlt-exception-fqcn",
                "kafka_dlt-original-consumer-group")) {
          if (record.headers().lastHeader(h) == null) {
            problems.add(topic + " " + record.key() + ": no header " + h);
          }
        }
      }
    }
    assertThat(problems).isEmpty();

    // Nothing stopped: every service ready, and inquiries still flow end to end.
    for (String service : PipelineUnderTest.SERVICES) {
      assertThat(pipeline.isReady(service)).as(service + " ready after the poison").isTrue();
    }
    awaitCase(during);

    // The views that re-read their inputs at start (global tables, the open-load view) survive a
    // crash and restart with the poison still on their topics.
    pipeline.killAndRestart("router-service");
    pipeline.killAndRestart("intake-service");
    String after = submit("after-" + run);
    awaitCase(after);
  }

  @Test
  @Order(2)
  void everyMetricTheAlertRulesAndTheDashboardUseIsExportedAfterTraffic() throws Exception {
    // Traffic with every KPI: a lifecycle whose due times have passed, with a first response, an
    // adjustment and a rating (written as the owners would), next to the HTTP traffic above.
    String id = "kpi-" + UUID.randomUUID();
    Instant at = Instant.now().minus(Duration.ofDays(1));
    InquiryReceived received = Events.aReceivedInquiry(id);
    received.setOccurredAt(at);
    TopicWriter writer = new TopicWriter(pipeline.kafka());
    writer.send(Topics.INQUIRIES_RECEIVED.name(), id, received);
    writer.send(Topics.INQUIRIES_ROUTED.name(), id, Events.aRoutedInquiry(id, at.plusSeconds(5)));
    writer.send(
        Topics.INQUIRIES_WORKED.name(),
        id,
        InquiryWorked.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(id)
            .setOccurredAt(at.plusSeconds(600))
            .setActivity("FIRST_RESPONDED")
            .setActor("omar")
            .build());
    writer.send(
        Topics.INQUIRIES_RESOLVED.name(),
        id,
        InquiryResolved.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(id)
            .setOccurredAt(at.plusSeconds(3600))
            .setContext(Events.contextOf(received))
            .setResolvedBy("omar")
            .setResolutionCode("ADJUSTED")
            .setRootCause("carrier delay")
            .setTeams(List.of("operations", "billing"))
            .setFirstContactResolution(true)
            .setFirstResponseAt(at.plusSeconds(600))
            .setAdjustments(
                List.of(
                    FinancialAdjustment.newBuilder()
                        .setAdjustmentId("adj-1")
                        .setType("CREDIT_NOTE")
                        .setAmount(new Money(new BigDecimal("120.0000"), "USD"))
                        .build()))
            .build());
    writer.send(
        Topics.INQUIRIES_RATED.name(),
        id,
        InquiryRated.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(id)
            .setOccurredAt(at.plusSeconds(7200))
            .setScore(5)
            .setChannel(Channel.PORTAL)
            .setSubmittedBy("portal")
            .build());
    submit("monitoring-" + id);

    Set<String> wanted = MonitoringFiles.referencedMetrics();
    assertThat(wanted).contains("inquiry_consumer_running", "inquiry_dead_letters");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              Set<String> exported = new HashSet<>();
              for (String service : PipelineUnderTest.SERVICES) {
                exported.addAll(metricNames(scrape(service)));
              }
              assertThat(exported).containsAll(wanted);
            });
    for (String service : PipelineUnderTest.SERVICES) {
      assertThat(scrape(service))
          .as(service + " exports its background consumers, all running")
          .contains("inquiry_consumer_running{")
          .doesNotContainPattern("inquiry_consumer_running\\{[^}]*\\} 0\\.0");
    }
  }

  private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  static Set<String> metricNames(String exposition) {
    Set<String> names = new HashSet<>();
    Matcher m = SAMPLE.matcher(exposition);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private String scrape(String service) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(pipeline.url(service) + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + LocalJwt.get().token("auditor", "sre"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static Set<String> pairs(List<ConsumerRecord<String, byte[]>> records, String run) {
    Set<String> pairs = new TreeSet<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.key() != null && r.key().startsWith("poison-" + run)) {
        pairs.add(r.key() + " " + header(r, "kafka_dlt-original-consumer-group"));
      }
    }
    return pairs;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private String submit(String key) throws Exception {
    String body =
        "{\"contact\": {\"name\": \"Poison Test\", \"email\": \"ops@example.org\"},"
            + " \"subject\": \"Invoice copy\", \"body\": \"Please resend the invoice.\"}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(pipeline.url("intake-service") + "/api/v1/inquiries"))
                .header("Authorization", "Bearer " + LocalJwt.get().token("channel", "portal"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).path("inquiryId").asText();
  }

  private void awaitCase(String inquiryId) {
    String agent = LocalJwt.get().token("agent", "alice");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                http.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    pipeline.url("resolution-service")
                                        + "/api/v1/inquiries/"
                                        + inquiryId))
                            .header("Authorization", "Bearer " + agent)
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode(),
            status -> status == 200);
  }
}
