package org.example.inquiry.platform.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Feeds {@link CommandOutcomes} from a store's changelog topic ({@code
 * <application.id>-<store>-changelog}): every instance reads every partition from its end, {@code
 * read_committed}, without a consumer group, so an outcome is seen wherever the caller waits and
 * only once the processor's transaction (store update and output events) is committed. Only values
 * of awaited keys are deserialized.
 */
public final class ChangelogFeed<V> implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChangelogFeed.class);

  private final StreamsBuilderFactoryBean streams;
  private final Map<String, Object> consumerProperties;
  private final String store;
  private final Deserializer<V> values;
  private final CommandOutcomes<V> outcomes;
  private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();
  private volatile Run current; // the started run, null when stopped

  /** One start of the feed: its own flag, pause latch, consumer and thread. */
  private static final class Run {
    volatile boolean running = true;
    final CountDownLatch stopped = new CountDownLatch(1);
    volatile KafkaConsumer<String, byte[]> consumer;
    Thread thread;

    /**
     * Wakes its consumer and pauses; never interrupts (a consumer closed on an interrupted thread
     * cannot close its fetch sessions, and logs an error).
     */
    void stop() {
      running = false;
      stopped.countDown();
      KafkaConsumer<String, byte[]> c = consumer;
      if (c != null) {
        c.wakeup();
      }
    }
  }

  /**
   * @param consumerProperties the service's consumer settings (bootstrap, security); group,
   *     deserializers and isolation are set here
   */
  public ChangelogFeed(
      StreamsBuilderFactoryBean streams,
      Map<String, Object> consumerProperties,
      String store,
      Deserializer<V> values,
      CommandOutcomes<V> outcomes) {
    this.streams = streams;
    this.consumerProperties = consumerProperties;
    this.store = store;
    this.values = values;
    this.outcomes = outcomes;
  }

  /**
   * The keys whose value changed, as each change is committed (live views: a web page that shows
   * the value reloads it). Nothing is replayed; a subscriber that cannot keep up misses changes.
   */
  public Flux<String> changes() {
    return changes.asFlux();
  }

  String topic() {
    String applicationId =
        streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    return applicationId + "-" + store + "-changelog";
  }

  @Override
  public void start() {
    Run run = new Run();
    run.thread = new Thread(() -> run(run), "changelog-feed-" + store);
    run.thread.setDaemon(true);
    current = run;
    run.thread.start();
  }

  private void run(Run run) {
    String topic = topic();
    Map<String, Object> properties = new HashMap<>(consumerProperties);
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "changelog-feed-" + store);
    while (run.running) {
      try (KafkaConsumer<String, byte[]> c =
          new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
        run.consumer = c;
        if (!run.running) {
          break; // stopped while the consumer was being made: its wakeup came too early
        }
        List<TopicPartition> partitions = partitions(c, topic);
        if (partitions.isEmpty()) {
          sleep(run, Duration.ofSeconds(1));
          continue;
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        log.info("Following {} ({} partitions) for command outcomes", topic, partitions.size());
        while (run.running) {
          for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
            if (record.value() != null && outcomes.awaits(record.key())) {
              offer(topic, record);
            }
            if (record.key() != null) {
              changes.tryEmitNext(record.key()); // nobody listening, or a slow listener: dropped
            }
          }
        }
      } catch (WakeupException e) {
        // stopping
      } catch (RuntimeException e) {
        if (run.running) {
          log.warn("Following {} failed ({}); starting over", topic, e.toString());
          sleep(run, Duration.ofSeconds(1));
        }
      }
    }
  }

  private void offer(String topic, ConsumerRecord<String, byte[]> record) {
    V value;
    try {
      value = values.deserialize(topic, record.value());
    } catch (RuntimeException e) {
      log.warn("Skipping an unreadable value of {} in {}: {}", record.key(), topic, e.toString());
      return;
    }
    outcomes.materialised(record.key(), value);
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c, String topic) {
    try {
      return c.partitionsFor(topic, Duration.ofSeconds(5)).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
    } catch (RuntimeException e) {
      // Kafka Streams creates its changelogs at its first rebalance.
      return List.of();
    }
  }

  /** Waits, or less when the run is stopped meanwhile. */
  private static void sleep(Run run, Duration pause) {
    try {
      run.stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.running = false;
    }
  }

  /**
   * Stops following ({@link Run#stop}) and waits up to five seconds for the consumer to close. A
   * later start begins a run of its own, so a run still closing never feeds twice.
   */
  @Override
  public void stop() {
    Run run = current;
    current = null;
    if (run == null) {
      return;
    }
    run.stop();
    if (run.thread != Thread.currentThread()) {
      try {
        run.thread.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return current != null;
  }
}
