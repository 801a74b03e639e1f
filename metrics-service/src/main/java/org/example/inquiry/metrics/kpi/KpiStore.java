package org.example.inquiry.metrics.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Reads the KPI stores of this instance (metrics-service runs as one instance). */
@Component
class KpiStore {

  private final StreamsBuilderFactoryBean streams;

  KpiStore(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  boolean isReady() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    return kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING;
  }

  List<InquiryFacts> facts() {
    List<InquiryFacts> all = new ArrayList<>();
    try (KeyValueIterator<String, InquiryFacts> it =
        this.<InquiryFacts>store(KpiTopology.FACTS_STORE).all()) {
      it.forEachRemaining(kv -> all.add(kv.value));
    }
    return all;
  }

  /** Each partition keeps its own counts: the totals are their sums. */
  Map<String, Long> stageEvents() {
    Map<String, Long> counts = new TreeMap<>();
    KpiTopology.INPUTS.forEach(t -> counts.put(KpiTopology.stageOf(t.name()), 0L));
    try (KeyValueIterator<String, Long> it = this.<Long>store(KpiTopology.STAGE_COUNTS).all()) {
      it.forEachRemaining(kv -> counts.merge(kv.key, kv.value, Long::sum));
    }
    return counts;
  }

  Map<String, Long> deadLetters() {
    Map<String, Long> counts = new TreeMap<>();
    KpiTopology.DEAD_LETTER_TOPICS.forEach(t -> counts.put(t, 0L));
    try (KeyValueIterator<String, Long> it = this.<Long>store(KpiTopology.DEAD_LETTERS).all()) {
      it.forEachRemaining(kv -> counts.merge(kv.key, kv.value, Long::sum));
    }
    return counts;
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    if (!isReady()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "KPIs are still being computed from the log; retry shortly");
    }
    try {
      return streams
          .getKafkaStreams()
          .store(
              StoreQueryParameters.fromNameAndType(
                  name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "KPI stores are not queryable right now; retry shortly",
          e);
    }
  }
}
