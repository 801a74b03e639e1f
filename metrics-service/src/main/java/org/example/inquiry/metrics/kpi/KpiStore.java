package org.example.inquiry.metrics.kpi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads this instance's KPI stores (spring-kafka's {@link KafkaStreamsInteractiveQueryService}) and
 * describes the application's instances (Kafka Streams metadata: {@code application.server}
 * advertises each). Each instance holds the stores of the partitions assigned to it; {@link
 * KpiCluster} asks every instance for its share and merges them.
 */
@Component
class KpiStore {

  private final StreamsBuilderFactoryBean streams;
  private final KafkaStreamsInteractiveQueryService queries;

  KpiStore(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
    this.queries = new KafkaStreamsInteractiveQueryService(streams);
    // A store that is not queryable yet (starting, restoring, moving) is retried briefly; the
    // caller answers 503 after that rather than keeping an HTTP request waiting.
    this.queries.setRetryTemplate(
        new RetryTemplate(
            RetryPolicy.builder()
                .maxRetries(4)
                .delay(Duration.ofMillis(100))
                .multiplier(2)
                .includes(InvalidStateStoreException.class)
                .build()));
  }

  boolean isReady() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    return kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING;
  }

  /** This instance, as the other instances reach it ({@code application.server}). */
  HostInfo self() {
    return queries.getCurrentKafkaStreamsApplicationHostInfo();
  }

  /** Every running instance of the application and the topic partitions each one holds. */
  Map<HostInfo, Set<String>> instances() {
    Map<HostInfo, Set<String>> all = new TreeMap<>(KpiStore::compare);
    for (StreamsMetadata m : running().metadataForAllStreamsClients()) {
      all.computeIfAbsent(m.hostInfo(), h -> new TreeSet<>())
          .addAll(
              m.topicPartitions().stream().map(tp -> tp.topic() + "-" + tp.partition()).toList());
    }
    return all;
  }

  static int compare(HostInfo a, HostInfo b) {
    int byHost = a.host().compareTo(b.host());
    return byHost != 0 ? byHost : Integer.compare(a.port(), b.port());
  }

  /**
   * The KPI partials of the inquiries in this instance's partitions. The partitions are read before
   * and after the stores: if they changed in between (a rebalance), the share is refused with 503,
   * so a partition is never counted twice or missed.
   */
  KpiShare localShare(KpiQuery query) {
    return localShares(List.of(query)).get(0);
  }

  /** {@link #localShare} of several queries, in order, from one read of the stores. */
  List<KpiShare> localShares(List<KpiQuery> queries) {
    KafkaStreams kafkaStreams = running();
    Set<String> before = localPartitions(kafkaStreams);
    List<KpiShare.Folding> foldings = queries.stream().map(KpiShare.Folding::new).toList();
    Map<String, Long> stageEvents = new TreeMap<>();
    Map<String, Long> deadLetters = new TreeMap<>();
    KpiTopology.INPUTS.forEach(t -> stageEvents.put(KpiTopology.stageOf(t.name()), 0L));
    KpiTopology.DEAD_LETTER_TOPICS.forEach(t -> deadLetters.put(t, 0L));
    try {
      try (KeyValueIterator<String, InquiryFacts> it =
          this.<InquiryFacts>store(KpiTopology.FACTS_STORE).all()) {
        it.forEachRemaining(kv -> foldings.forEach(folding -> folding.add(kv.value)));
      }
      // Each partition keeps its own counts under the same keys: the totals are their sums.
      try (KeyValueIterator<String, Long> it = this.<Long>store(KpiTopology.STAGE_COUNTS).all()) {
        it.forEachRemaining(kv -> stageEvents.merge(kv.key, kv.value, Long::sum));
      }
      try (KeyValueIterator<String, Long> it = this.<Long>store(KpiTopology.DEAD_LETTERS).all()) {
        it.forEachRemaining(kv -> deadLetters.merge(kv.key, kv.value, Long::sum));
      }
    } catch (InvalidStateStoreException e) {
      // A task closed or moved while its store was read (a rebalance): 503, as a move seen below.
      throw unavailable("the KPI partitions are moving between instances; retry shortly", e);
    }
    if (kafkaStreams.state() != KafkaStreams.State.RUNNING
        || !before.equals(localPartitions(kafkaStreams))) {
      throw unavailable("the KPI partitions are moving between instances; retry shortly", null);
    }
    List<String> partitions = List.copyOf(before);
    // The counts are the same for every query; nothing changes them once read.
    return foldings.stream()
        .map(folding -> folding.share(partitions, stageEvents, deadLetters))
        .toList();
  }

  private static Set<String> localPartitions(KafkaStreams kafkaStreams) {
    Set<String> partitions = new TreeSet<>();
    kafkaStreams
        .metadataForLocalThreads()
        .forEach(
            thread ->
                thread
                    .activeTasks()
                    .forEach(
                        task ->
                            task.topicPartitions()
                                .forEach(tp -> partitions.add(tp.topic() + "-" + tp.partition()))));
    return partitions;
  }

  private KafkaStreams running() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw unavailable("KPIs are still being computed from the log; retry shortly", null);
    }
    return kafkaStreams;
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    try {
      return queries.retrieveQueryableStore(name, QueryableStoreTypes.<String, V>keyValueStore());
    } catch (IllegalStateException | InvalidStateStoreException e) {
      throw unavailable("KPI stores are not queryable right now; retry shortly", e);
    }
  }

  static StoreUnavailableException unavailable(String reason, Throwable cause) {
    return new StoreUnavailableException(reason, cause);
  }
}
