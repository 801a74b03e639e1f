package org.example.inquiry.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The baseline: a chain of transactional byte relays, one hop per pipeline stage, on the same
 * broker. Each hop reads {@code read_committed}, writes the record's key and bytes unchanged to the
 * next topic and commits the consumed offsets in the same transaction, one transaction per poll
 * (exactly-once consume-produce, as the services do), with the services' producer settings. It does
 * no work on the records: the chain is what Kafka alone costs for the same records, hops and
 * guarantees.
 */
final class RelayChain implements AutoCloseable {

  private final List<Thread> threads = new ArrayList<>();
  private final List<KafkaConsumer<?, ?>> consumers = new ArrayList<>();
  private volatile boolean running = true;
  private volatile Throwable failure;

  /**
   * @param topics the chain's topics: {@code topics.size() - 1} hops
   * @param concurrency consumers (each with its own transactional producer) per hop
   */
  RelayChain(
      String bootstrap,
      String runId,
      List<String> topics,
      int concurrency,
      KafkaSupport.ProducerTuning tuning) {
    for (int hop = 0; hop + 1 < topics.size(); hop++) {
      for (int c = 0; c < concurrency; c++) {
        String in = topics.get(hop);
        String out = topics.get(hop + 1);
        String group = "bench-relay-" + runId + "-" + hop;
        KafkaConsumer<String, byte[]> consumer =
            new KafkaConsumer<>(KafkaSupport.consumer(bootstrap, group));
        Map<String, Object> producerProps =
            KafkaSupport.producer(bootstrap, group + "-" + c, tuning);
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-" + UUID.randomUUID());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps);
        consumers.add(consumer);
        Thread thread = new Thread(() -> relay(consumer, producer, in, out), group + "-" + c);
        thread.setDaemon(true);
        threads.add(thread);
      }
    }
    threads.forEach(Thread::start);
  }

  private void relay(
      KafkaConsumer<String, byte[]> consumer,
      KafkaProducer<String, byte[]> producer,
      String in,
      String out) {
    try (consumer;
        producer) {
      producer.initTransactions();
      consumer.subscribe(List.of(in));
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          continue;
        }
        producer.beginTransaction();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
          producer.send(new ProducerRecord<>(out, record.key(), record.value()));
          offsets.put(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
      }
    } catch (WakeupException e) {
      // closing
    } catch (Throwable e) {
      if (running) {
        failure = e;
        System.err.println("bench: relay hop " + in + " -> " + out + " failed: " + e);
      }
    }
  }

  /** CPU time of the hops' own threads so far (not their clients' network threads), in ns. */
  long cpuNanos() {
    var mx = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread thread : threads) {
      long t = mx.getThreadCpuTime(thread.getId());
      total += Math.max(0, t);
    }
    return total;
  }

  /** Throws when a hop has died (the baseline would be wrong). */
  void check() {
    if (failure != null) {
      throw new IllegalStateException("a relay hop failed", failure);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumers.forEach(KafkaConsumer::wakeup);
    for (Thread thread : threads) {
      thread.join(10_000);
    }
  }
}
