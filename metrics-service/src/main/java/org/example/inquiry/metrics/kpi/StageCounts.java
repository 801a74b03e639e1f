package org.example.inquiry.metrics.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Reads the stage counts store, and exports each count as {@code inquiry_stage_events}. */
@Component
class StageCounts {

  private final StreamsBuilderFactoryBean streams;

  StageCounts(StreamsBuilderFactoryBean streams, MeterRegistry meters) {
    this.streams = streams;
    for (var topic : StageCountTopology.LIFECYCLE) {
      String stage = StageCountTopology.stageOf(topic.name());
      Gauge.builder(
              "inquiry.stage.events",
              () -> current().map(c -> c.getOrDefault(stage, 0L)).orElse(0L))
          .description("Lifecycle events counted from the log, by stage")
          .tag("stage", stage)
          .register(meters);
    }
  }

  /** Counts per stage, or empty while the store is not queryable (starting, rebalancing). */
  Optional<Map<String, Long>> current() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      return Optional.empty();
    }
    try {
      ReadOnlyKeyValueStore<String, Long> store =
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                  StageCountTopology.STAGE_COUNTS,
                  QueryableStoreTypes.<String, Long>keyValueStore()));
      Map<String, Long> counts = new LinkedHashMap<>();
      for (var topic : StageCountTopology.LIFECYCLE) {
        String stage = StageCountTopology.stageOf(topic.name());
        Long count = store.get(stage);
        counts.put(stage, count == null ? 0L : count);
      }
      return Optional.of(counts);
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }
}
