package org.example.inquiry.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroClassTrust;
import org.example.inquiry.schemas.serde.AvroDeserializer;

/**
 * Watches the platform's public topics as a downstream system would: a plain Kafka consumer with
 * the Confluent-format Avro deserializer, reading committed events only, from the beginning.
 */
final class EventWatch implements AutoCloseable {

  private final KafkaConsumer<String, SpecificRecord> consumer;
  private final List<ConsumerRecord<String, SpecificRecord>> seen = new CopyOnWriteArrayList<>();
  private final Thread poller;
  private volatile boolean running = true;

  EventWatch(String bootstrapServers, String registryUrl, List<String> topics) {
    AvroClassTrust.install();
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "scenario-watch-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                "schema.registry.url",
                registryUrl),
            new StringDeserializer(),
            deserializer(registryUrl));
    consumer.subscribe(topics);
    poller = new Thread(this::poll, "scenario-event-watch");
    poller.setDaemon(true);
    poller.start();
  }

  @SuppressWarnings("unchecked")
  private static AvroDeserializer<SpecificRecord> deserializer(String registryUrl) {
    AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
    return deserializer;
  }

  private void poll() {
    try {
      while (running) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * The posting-ready effects of one inquiry ({@code financial-effects-approved} is keyed by
   * customer, so they are found by the inquiry id they carry), with their keys, in log order.
   */
  List<ConsumerRecord<String, SpecificRecord>> effectsOf(String inquiryId) {
    return seen.stream()
        .filter(
            r ->
                r.topic().equals(Topics.FINANCIAL_EFFECTS_APPROVED.name())
                    && r.value() instanceof FinancialEffectApproved e
                    && inquiryId.equals(e.getInquiryId()))
        .toList();
  }

  /** The latest value of a key on a (compacted) topic, as read so far. */
  <T extends SpecificRecord> Optional<T> latest(String topic, String key, Class<T> type) {
    T found = null;
    for (ConsumerRecord<String, SpecificRecord> r : seen) {
      if (r.topic().equals(topic) && key.equals(r.key()) && type.isInstance(r.value())) {
        found = type.cast(r.value());
      }
    }
    return Optional.ofNullable(found);
  }

  /** Waits up to {@code timeout} for the latest value of a key to match. */
  <T extends SpecificRecord> Optional<T> awaitLatest(
      String topic, String key, Class<T> type, Duration timeout, Predicate<T> condition) {
    return poll(timeout, () -> latest(topic, key, type).filter(condition));
  }

  /** The events of one inquiry on one topic, in log order. */
  <T extends SpecificRecord> List<T> of(String topic, String inquiryId, Class<T> type) {
    return seen.stream()
        .filter(r -> r.topic().equals(topic) && inquiryId.equals(r.key()))
        .map(ConsumerRecord::value)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  /** Waits up to {@code timeout} for an event of the inquiry on the topic that matches. */
  <T extends SpecificRecord> Optional<T> await(
      String topic, String inquiryId, Class<T> type, Duration timeout, Predicate<T> condition) {
    return poll(timeout, () -> of(topic, inquiryId, type).stream().filter(condition).findFirst());
  }

  /**
   * The events of one inquiry on one topic that match, once there are at least {@code count} of
   * them (or all there are when {@code timeout} has passed): the case store and the events are
   * committed together, but this watch reads them a moment later.
   */
  <T extends SpecificRecord> List<T> awaitCount(
      String topic,
      String inquiryId,
      Class<T> type,
      Predicate<T> condition,
      int count,
      Duration timeout) {
    Supplier<List<T>> matching =
        () -> of(topic, inquiryId, type).stream().filter(condition).toList();
    return poll(timeout, () -> Optional.of(matching.get()).filter(found -> found.size() >= count))
        .orElseGet(matching);
  }

  /** Asks every 200 ms until there is an answer or {@code timeout} has passed. */
  private static <T> Optional<T> poll(Duration timeout, Supplier<Optional<T>> ask) {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      Optional<T> answer = ask.get();
      if (answer.isPresent()) {
        return answer;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      poller.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
