package org.example.inquiry.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts a phase's records as they become visible on the last topic of a chain, with a {@code
 * read_committed} consumer that starts at the topic's end before the first record is sent, and
 * notes each record's arrival time ({@link System#nanoTime()}).
 */
final class SinkCounter implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Integer> expected;
  private final long[] arrivals;
  private final AtomicInteger seen = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final CountDownLatch all;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  /**
   * @param keys the keys the phase's records carry on the sink topic, in send order
   */
  SinkCounter(String bootstrap, String topic, List<String> keys) {
    this.expected = new HashMap<>(keys.size() * 2);
    for (int i = 0; i < keys.size(); i++) {
      expected.put(keys.get(i), i);
    }
    this.arrivals = new long[keys.size()];
    this.all = new CountDownLatch(keys.size());
    this.consumer = new KafkaConsumer<>(KafkaSupport.consumer(bootstrap, null));
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before anything is sent
    this.thread = new Thread(this::run, "sink-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running && all.getCount() > 0) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
        long now = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : records) {
          Integer index = expected.get(record.key());
          if (index == null) {
            continue;
          }
          if (arrivals[index] != 0) {
            duplicates.incrementAndGet();
            continue;
          }
          arrivals[index] = now;
          seen.incrementAndGet();
          all.countDown();
        }
      }
    } catch (RuntimeException e) {
      failure = e;
      while (all.getCount() > 0) {
        all.countDown();
      }
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** Waits for every record; false when the time ran out first. */
  boolean await(Duration timeout) throws InterruptedException {
    boolean done = all.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (failure != null) {
      throw failure;
    }
    return done;
  }

  int seen() {
    return seen.get();
  }

  int duplicates() {
    return duplicates.get();
  }

  /** Arrival times by send index; 0 for a record not seen. Read after {@link #await}. */
  long[] arrivals() {
    return arrivals;
  }

  /** The latest arrival. */
  long lastArrival() {
    long last = 0;
    for (long a : arrivals) {
      last = Math.max(last, a);
    }
    return last;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
