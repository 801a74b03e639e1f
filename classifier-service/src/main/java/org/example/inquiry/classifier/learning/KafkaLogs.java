package org.example.inquiry.classifier.learning;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.example.inquiry.platform.kafka.InvalidEventException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ConsumerAwareMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Reads whole topics from their beginning (committed records only) with spring-kafka listener
 * containers on manually assigned partitions and no consumer group: every instance needs all of the
 * history and all of the decisions, not a share of them, and commits nothing. A record that cannot
 * be decoded, or that a handler rejects with {@link InvalidEventException}, goes to {@code
 * <topic>-dlt} with the reason in its headers (the service's dead-letter recoverer) and the
 * container goes on; each instance reading the topic dead-letters it once.
 */
final class KafkaLogs {

  private final ConsumerFactory<String, Object> consumers;
  private final DeadLetterPublishingRecoverer deadLetters;

  /** How long an unknown topic is waited for, at most (see {@link #endOffsets}). */
  static final Duration NEW_TOPIC_WAIT = Duration.ofSeconds(10);

  KafkaLogs(Map<String, Object> consumerProperties, DeadLetterPublishingRecoverer deadLetters) {
    Map<String, Object> props = new HashMap<>(consumerProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumers = new DefaultKafkaConsumerFactory<>(props);
    this.deadLetters = deadLetters;
  }

  /** End offsets (exclusive, committed records) of every partition of the topic, by partition. */
  Map<Integer, Long> endOffsets(String topic, Duration timeout) {
    try (org.apache.kafka.clients.consumer.Consumer<String, Object> consumer =
        consumers.createConsumer()) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic, timeout);
      if (partitions.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      Map<Integer, Long> ends = new HashMap<>();
      consumer
          .endOffsets(partitions, timeout)
          .forEach((tp, offset) -> ends.put(tp.partition(), offset));
      return ends;
    }
  }

  /**
   * The topic's partitions; none when it does not exist. A topic the service created as it started
   * (its own topics, {@code KafkaAdmin}) can be missing from the metadata for a moment on a fresh
   * cluster, so an unknown topic is asked for again for up to {@link #NEW_TOPIC_WAIT} (bounded by
   * the timeout) before it counts as missing.
   */
  static List<TopicPartition> partitionsOf(
      org.apache.kafka.clients.consumer.Consumer<String, Object> consumer,
      String topic,
      Duration timeout) {
    long deadline = System.nanoTime() + Math.min(timeout.toNanos(), NEW_TOPIC_WAIT.toNanos());
    while (true) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (!partitions.isEmpty() || System.nanoTime() >= deadline) {
        return partitions;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return partitions;
      }
    }
  }

  /**
   * Starts reading every partition of the topic from its beginning; each record that decodes goes
   * to the handler, on the container's thread, in offset order per partition.
   */
  Reading read(
      String topic,
      String name,
      Duration timeout,
      Consumer<ConsumerRecord<String, Object>> handler) {
    Map<Integer, Long> ends = endOffsets(topic, timeout);
    Reading reading = new Reading(ends);
    TopicPartitionOffset[] partitions =
        ends.keySet().stream()
            .sorted()
            .map(
                p ->
                    new TopicPartitionOffset(topic, p, TopicPartitionOffset.SeekPosition.BEGINNING))
            .toArray(TopicPartitionOffset[]::new);
    ContainerProperties properties = new ContainerProperties(partitions);
    properties.setAckMode(ContainerProperties.AckMode.MANUAL); // no group: nothing is committed
    properties.setIdleEventInterval(100L);
    properties.setMessageListener(
        (ConsumerAwareMessageListener<String, Object>)
            (record, consumer) -> {
              try {
                handler.accept(record);
              } finally {
                reading.handled(record.partition(), record.offset());
              }
            });
    KafkaMessageListenerContainer<String, Object> container =
        new KafkaMessageListenerContainer<>(consumers, properties);
    DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters, new FixedBackOff(0L, 0L));
    errors.addNotRetryableExceptions(
        DeserializationException.class, SerializationException.class, InvalidEventException.class);
    errors.setAckAfterHandle(false);
    container.setCommonErrorHandler(errors);
    container.setApplicationEventPublisher(
        event -> {
          if (event instanceof ListenerContainerIdleEvent idle && idle.getConsumer() != null) {
            reading.track(idle.getConsumer());
          }
        });
    container.setBeanName(name);
    reading.container = container;
    container.start();
    return reading;
  }

  /** A running read of one topic; closing stops its container. */
  static final class Reading implements AutoCloseable {

    private final Map<Integer, Long> startEnds;
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private volatile Map<Integer, Long> target;
    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile KafkaMessageListenerContainer<String, Object> container;

    Reading(Map<Integer, Long> startEnds) {
      this.startEnds = Map.copyOf(startEnds);
      this.target = this.startEnds;
    }

    /** The container doing the read. */
    KafkaMessageListenerContainer<String, Object> container() {
      return container;
    }

    /** The end offsets when the read started. */
    Map<Integer, Long> startEnds() {
      return startEnds;
    }

    /** Waits until every partition has been read up to the given offsets (exclusive). */
    boolean awaitPositions(Map<Integer, Long> offsets, Duration timeout) {
      target = Map.copyOf(offsets);
      reached = new CountDownLatch(1);
      check();
      try {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    /** Waits until every partition has been read up to where it ended when the read started. */
    boolean awaitStartEnds(Duration timeout) {
      return awaitPositions(startEnds, timeout);
    }

    /** A record was handled (or dead-lettered): the partition is read up to just after it. */
    void handled(int partition, long offset) {
      positions.merge(partition, offset + 1, Math::max);
      check();
    }

    /**
     * The container is idle: every fetched record has been handled, so the consumer's positions
     * (past transaction markers too) are what has been read. Not called between records: the
     * position runs ahead of the records of a poll still being handled.
     */
    void track(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
      for (TopicPartition tp : consumer.assignment()) {
        positions.merge(tp.partition(), consumer.position(tp), Math::max);
      }
      check();
    }

    private void check() {
      for (var e : target.entrySet()) {
        if (e.getValue() > 0 && positions.getOrDefault(e.getKey(), -1L) < e.getValue()) {
          return;
        }
      }
      reached.countDown();
    }

    @Override
    public void close() {
      KafkaMessageListenerContainer<String, Object> c = container;
      if (c != null) {
        c.stop();
      }
    }
  }
}
