package org.example.inquiry.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.kafka.EventTooLargeException;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.ServiceTestProperties;
import org.example.inquiry.testing.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Group commit: concurrent calls outside a listener share transactions, each returns once its
 * events are committed, each event is on the topic once, and a call the broker refuses fails alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventPublisherIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();
  static final String TOPIC = Topics.INQUIRIES_APPROVED.name();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
  }

  @BeforeAll
  static void topics() {
    kafka.createTopics(Topics.INQUIRIES_APPROVED);
  }

  @Autowired EventPublisher publisher;

  @Test
  void concurrentCallsAreCommittedOnceAndOnlyTheCallAtFaultFails() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<?>> calls = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    Future<?> tooLarge = null;
    for (int i = 0; i < 300; i++) {
      String key = run + "-" + i;
      InquiryRouted event = Events.aRoutedInquiry(key, Instant.now());
      if (i == 150) {
        // Above the topic's 1 MB: the broker refuses it, inside a transaction shared with others.
        event.setReason("x".repeat(2_000_000));
        tooLarge = pool.submit(() -> publisher.publish(TOPIC, key, event));
        continue;
      }
      keys.add(key);
      calls.add(pool.submit(() -> publisher.publish(TOPIC, key, event)));
    }
    for (Future<?> call : calls) {
      call.get();
    }
    Future<?> refused = tooLarge;
    assertThatThrownBy(refused::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(EventTooLargeException.class);
    pool.shutdown();

    List<ConsumerRecord<String, byte[]>> committed =
        new TopicReader(kafka)
            .readRawUntil(
                TOPIC,
                rs ->
                    rs.stream()
                        .map(ConsumerRecord::key)
                        .collect(Collectors.toSet())
                        .containsAll(keys),
                Duration.ofSeconds(60));
    Map<String, Long> counts =
        committed.stream()
            .filter(r -> r.key() != null && r.key().startsWith(run))
            .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(counts.values()).allMatch(n -> n == 1L);
  }
}
