package org.example.inquiry.platform.streams;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One key-value store of this service, as {@link StoreQueries} reads it: on this instance (a global
 * store, or the keys of this instance's partitions) or, for a key another instance owns, from that
 * instance. Reads here are quick but may wait briefly for a rebalance, so the reactive methods do
 * them off the event loop.
 */
public final class KeyValueView<V> {

  private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(10);

  private final String store;
  private final String description;
  private final KafkaStreamsInteractiveQueryService queries;
  private final StreamsBuilderFactoryBean streams;
  private final WebClient http;

  KeyValueView(
      String store,
      String description,
      KafkaStreamsInteractiveQueryService queries,
      StreamsBuilderFactoryBean streams,
      WebClient http) {
    this.store = store;
    this.description = description;
    this.queries = queries;
    this.streams = streams;
    this.http = http;
  }

  /** The value on this instance, or empty; blocking (briefly, while the store is not ready). */
  public Optional<V> get(String key) {
    try {
      return Optional.ofNullable(local().get(key));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  /**
   * The value on this instance, waiting up to {@code patience} while the store is not queryable yet
   * (start-up); for consumers that must not decide without it. Blocking.
   */
  public Optional<V> getWaiting(String key, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return get(key);
      } catch (StoreUnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  /** This instance's values that match (a scan of its partitions, or of a global store). */
  public List<V> matching(Predicate<V> filter) {
    return entries().values().stream().filter(filter).toList();
  }

  /**
   * This instance's values with keys from {@code from} to {@code to}, both inclusive. For a global
   * store (one store), in key order: the serialized order, for string keys of one length their
   * order; a partitioned store's local partitions come one after the other. Blocking.
   */
  public List<V> range(String from, String to) {
    List<V> found = new ArrayList<>();
    try (KeyValueIterator<String, V> range = local().range(from, to)) {
      range.forEachRemaining(
          kv -> {
            if (kv.value != null) {
              found.add(kv.value);
            }
          });
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    return found;
  }

  /** This instance's entries (its partitions, or a whole global store), by key. */
  public Map<String, V> entries() {
    Map<String, V> found = new LinkedHashMap<>();
    try (KeyValueIterator<String, V> all = local().all()) {
      all.forEachRemaining(
          kv -> {
            if (kv.value != null) {
              found.put(kv.key, kv.value);
            }
          });
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    return found;
  }

  /**
   * The value wherever it lives: read here and mapped by {@code here}, or fetched as {@code type}
   * from the API of the instance that owns the key ({@code path} with {@code key} for its one
   * variable), with the caller's {@code authorization}. Empty when neither has it.
   */
  public <R> Mono<Optional<R>> find(
      String key, Function<V, R> here, String path, Class<R> type, String authorization) {
    return Mono.fromCallable(() -> remoteOwner(key))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            owner ->
                owner.isEmpty()
                    ? Mono.fromCallable(() -> get(key).map(here))
                        .subscribeOn(Schedulers.boundedElastic())
                    : fromInstance(owner.get(), b -> b.path(path).build(key), type, authorization)
                        .onErrorMap(
                            e -> !(e instanceof StoreUnavailableException),
                            e ->
                                new StoreUnavailableException(
                                    "The instance "
                                        + owner.get()
                                        + " that owns "
                                        + key
                                        + " did not answer",
                                    e)));
  }

  /** This instance's values matching the filter, mapped; off the event loop. */
  public <R> Mono<List<R>> matchingHere(Predicate<V> filter, Function<V, R> map) {
    return Mono.fromCallable(() -> matching(filter).stream().map(map).toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * A GET on another instance's API (its {@code application.server}): the body as {@code type},
   * empty on 404.
   */
  public <R> Mono<Optional<R>> fromInstance(
      HostInfo instance, Function<UriBuilder, URI> uri, Class<R> type, String authorization) {
    return http.get()
        .uri(b -> uri.apply(b.scheme("http").host(instance.host()).port(instance.port())))
        .header(HttpHeaders.AUTHORIZATION, authorization)
        .retrieve()
        .bodyToMono(type)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(Optional.empty()))
        .timeout(REMOTE_TIMEOUT);
  }

  /** The other instances of this Streams application (their {@code application.server}). */
  public List<HostInfo> otherInstances() {
    HostInfo self = queries.getCurrentKafkaStreamsApplicationHostInfo();
    return running().metadataForAllStreamsClients().stream()
        .map(m -> m.hostInfo())
        .filter(h -> !h.equals(self))
        .distinct()
        .toList();
  }

  /** The instance that owns the key, when it is another one. */
  private Optional<HostInfo> remoteOwner(String key) {
    HostInfo self = queries.getCurrentKafkaStreamsApplicationHostInfo();
    if (self == null) {
      return Optional.empty();
    }
    HostInfo owner;
    try {
      owner = queries.getKafkaStreamsApplicationHostInfo(store, key, Serdes.String().serializer());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw unavailable(e);
    }
    return owner == null || owner.port() < 0 || owner.equals(self)
        ? Optional.empty()
        : Optional.of(owner);
  }

  private ReadOnlyKeyValueStore<String, V> local() {
    try {
      return queries.retrieveQueryableStore(store, QueryableStoreTypes.<String, V>keyValueStore());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw unavailable(e);
    }
  }

  private KafkaStreams running() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
      throw unavailable(null);
    }
    return kafkaStreams;
  }

  private StoreUnavailableException unavailable(Throwable cause) {
    return new StoreUnavailableException(
        description + " is not ready yet (Kafka Streams starting or rebalancing); retry shortly",
        cause);
  }
}
