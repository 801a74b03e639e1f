package org.example.inquiry.resolution.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds cases wherever they live. Each resolution instance holds the cases of its partitions; a
 * lookup for another instance's inquiry is forwarded to that instance's API with the caller's own
 * token (Kafka Streams interactive queries: {@code application.server} advertises each instance).
 */
@Component
public class CaseStore {

  private final StreamsBuilderFactoryBean streams;
  private final HostInfo self;
  private final WebClient http =
      WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();

  CaseStore(
      StreamsBuilderFactoryBean streams,
      @Value("${spring.kafka.streams.properties.application.server}") String self) {
    this.streams = streams;
    this.self = HostInfo.buildFromEndpoint(self);
  }

  /** The case, from this instance or the one that owns it. */
  public Optional<InquiryCase> find(String inquiryId, String authorization) {
    HostInfo owner = ownerOf(inquiryId);
    if (owner == null || owner.equals(self)) {
      return Optional.ofNullable(localStore().get(inquiryId));
    }
    try {
      return Optional.ofNullable(
          http.get()
              .uri(
                  "http://" + owner.host() + ":" + owner.port() + "/api/v1/inquiries/{id}",
                  inquiryId)
              .header("Authorization", authorization)
              .retrieve()
              .bodyToMono(InquiryCase.class)
              .block(Duration.ofSeconds(10)));
    } catch (WebClientResponseException.NotFound e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The instance " + owner + " that owns inquiry " + inquiryId + " did not answer",
          e);
    }
  }

  /** The cases of this instance matching the filter (a scan of its partitions). */
  public List<InquiryCase> matchingLocally(Predicate<InquiryCase> filter) {
    List<InquiryCase> found = new ArrayList<>();
    try (KeyValueIterator<String, InquiryCase> all = localStore().all()) {
      all.forEachRemaining(
          kv -> {
            if (filter.test(kv.value)) {
              found.add(kv.value);
            }
          });
    }
    return found;
  }

  /** The other instances that hold cases. */
  public List<HostInfo> otherInstances() {
    KafkaStreams kafkaStreams = running();
    return kafkaStreams.metadataForAllStreamsClients().stream()
        .map(m -> m.hostInfo())
        .filter(h -> !h.equals(self))
        .distinct()
        .toList();
  }

  private HostInfo ownerOf(String inquiryId) {
    KeyQueryMetadata metadata =
        running()
            .queryMetadataForKey(CaseTopology.CASES_STORE, inquiryId, Serdes.String().serializer());
    return metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
        ? null
        : metadata.activeHost();
  }

  private KafkaStreams running() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The case store is starting or rebalancing; retry shortly");
    }
    return kafkaStreams;
  }

  private ReadOnlyKeyValueStore<String, InquiryCase> localStore() {
    try {
      return running()
          .store(
              StoreQueryParameters.fromNameAndType(
                  CaseTopology.CASES_STORE,
                  QueryableStoreTypes.<String, InquiryCase>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The case store is not queryable right now; retry shortly",
          e);
    }
  }
}
