package org.example.inquiry.resolution.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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

/**
 * Reads the case store of this instance. With one instance it holds every case; with several, each
 * holds its partitions' cases (query forwarding to the owning instance is a known gap).
 */
@Component
public class CaseStore {

  private final StreamsBuilderFactoryBean streams;

  CaseStore(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  public Optional<InquiryCase> find(String inquiryId) {
    return Optional.ofNullable(store().get(inquiryId));
  }

  /** Every case matching the filter (a scan: fine for the volumes of one team's queues). */
  public List<InquiryCase> matching(Predicate<InquiryCase> filter) {
    List<InquiryCase> found = new ArrayList<>();
    try (KeyValueIterator<String, InquiryCase> all = store().all()) {
      all.forEachRemaining(
          kv -> {
            if (filter.test(kv.value)) {
              found.add(kv.value);
            }
          });
    }
    return found;
  }

  private ReadOnlyKeyValueStore<String, InquiryCase> store() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The case store is starting or rebalancing; retry shortly");
    }
    try {
      return kafkaStreams.store(
          StoreQueryParameters.fromNameAndType(
              CaseTopology.CASES_STORE, QueryableStoreTypes.<String, InquiryCase>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The case store is not queryable right now; retry shortly",
          e);
    }
  }
}
