package org.example.inquiry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.PoisonRecords;
import org.example.inquiry.testing.ServiceTestProperties;
import org.example.inquiry.testing.TopicReader;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One transaction per poll keeps the promises of a record listener: poison and bad data inside a
 * poll go to the dead-letter topic with the usual headers, a record that keeps failing goes there
 * after its retries, a record that fails once is retried, and everything else of the poll is
 * published exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchListenerIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
  }

  @BeforeAll
  static void topics() {
    kafka.createTopics(Topics.INQUIRIES_ROUTED, Topics.INQUIRIES_WORKED);
  }

  @Autowired KafkaListenerEndpointRegistry listeners;

  private static InquiryRouted event(String id, String reason) {
    InquiryRouted event = Events.aRoutedInquiry(id, Instant.now());
    event.setReason(reason);
    return event;
  }

  @Test
  void poisonAndFailuresInsideAPollAreDeadLetteredAndTheRestIsPublishedOnce() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    var container = listeners.getListenerContainer("platform-it-batch");
    // Everything lands while the listener is paused, so that it arrives in few polls.
    container.pause();
    Thread.sleep(1_000);
    List<String> good = new ArrayList<>();
    List<ProducerRecord<String, SpecificRecord>> events = new ArrayList<>();
    Map<String, String> reasons = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      String id = run + "-" + i;
      String reason =
          switch (i % 10) {
            case 3 -> "INVALID";
            case 5 -> "FLAKY";
            case 7 -> i == 7 ? "BROKEN" : "ok";
            case 8 -> i == 18 ? "UNPREPARABLE" : "ok";
            default -> "ok";
          };
      reasons.put(id, reason);
      if (reason.equals("ok") || reason.equals("FLAKY")) {
        good.add(id);
      }
      events.add(new ProducerRecord<>(BatchTestListener.TOPIC, id, event(id, reason)));
    }
    new TopicWriter(kafka).send(events.subList(0, 20));
    List<PoisonRecords.Poison> poisons = PoisonRecords.forTopic(kafka, Topics.INQUIRIES_ROUTED);
    for (PoisonRecords.Poison poison : poisons) {
      new TopicWriter(kafka)
          .sendRaw(BatchTestListener.TOPIC, run + "-poison-" + poison.kind(), poison.value());
    }
    new TopicWriter(kafka).send(events.subList(20, 40));
    container.resume();

    // Every good record once on the output topic, nothing of the bad ones.
    List<ConsumerRecord<String, byte[]>> out =
        new TopicReader(kafka)
            .readRawUntil(
                BatchTestListener.OUT,
                rs -> keys(rs, run).containsAll(good),
                Duration.ofSeconds(90));
    Map<String, Long> published =
        out.stream()
            .filter(r -> r.key() != null && r.key().startsWith(run))
            .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(good);
    assertThat(published.values()).allMatch(n -> n == 1L);

    // Dead letters: the poison, INVALID and UNPREPARABLE at once, BROKEN after its retries.
    Set<String> expectedDead =
        reasons.entrySet().stream()
            .filter(e -> Set.of("INVALID", "BROKEN", "UNPREPARABLE").contains(e.getValue()))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    poisons.forEach(p -> expectedDead.add(run + "-poison-" + p.kind()));
    List<ConsumerRecord<String, byte[]>> dead =
        new TopicReader(kafka)
            .readRawUntil(
                Topics.deadLetterName(BatchTestListener.TOPIC),
                rs -> keys(rs, run).containsAll(expectedDead),
                Duration.ofSeconds(60));
    Map<String, ConsumerRecord<String, byte[]>> byKey = new HashMap<>();
    dead.stream()
        .filter(r -> r.key() != null && r.key().startsWith(run))
        .forEach(
            r ->
                byKey.merge(
                    r.key(),
                    r,
                    (a, b) -> {
                      throw new AssertionError("dead-lettered twice: " + a.key());
                    }));
    assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(expectedDead);
    for (ConsumerRecord<String, byte[]> record : byKey.values()) {
      assertThat(header(record, "kafka_dlt-original-consumer-group"))
          .isEqualTo("platform-it-batch");
      assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(BatchTestListener.TOPIC);
      assertThat(header(record, "kafka_dlt-original-offset")).isNotNull();
      assertThat(header(record, "kafka_dlt-exception-fqcn")).isNotNull();
    }
    for (PoisonRecords.Poison poison : poisons) {
      ConsumerRecord<String, byte[]> record = byKey.get(run + "-poison-" + poison.kind());
      assertThat(header(record, "inquiry-dlt-reason")).as(poison.kind()).contains(poison.reason());
      assertThat(record.value()).as(poison.kind()).isEqualTo(poison.value());
    }
    assertThat(header(byKey.get(run + "-3"), "inquiry-dlt-reason")).contains("marked invalid");
    assertThat(header(byKey.get(run + "-7"), "inquiry-dlt-reason")).contains("broken for the test");
    assertThat(header(byKey.get(run + "-18"), "inquiry-dlt-reason")).contains("UNPREPARABLE");

    // BROKEN failed 1 + retry-attempts (2) times before it was dead-lettered (a record is
    // handled again, too, when another record of its poll rolls the poll back).
    assertThat(BatchTestListener.attempts.get(run + "-7")).isGreaterThanOrEqualTo(3);
    assertThat(BatchTestListener.attempts.get(run + "-18")).isNull();
    assertThat(BatchTestListener.pollSizes).anyMatch(n -> n > 1);
  }

  private static Set<String> keys(List<ConsumerRecord<String, byte[]>> records, String run) {
    return records.stream()
        .map(ConsumerRecord::key)
        .filter(k -> k != null && k.startsWith(run))
        .collect(Collectors.toSet());
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
