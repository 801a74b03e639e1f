package org.example.inquiry.metrics.kpi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.HostInfo;
import org.example.inquiry.platform.streams.PeerFailures;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The KPIs of the whole application, whatever instance is asked: this instance's share plus the
 * share of every other instance that holds partitions ({@code GET /api/v1/kpis/share}, with the
 * caller's own token), merged. The merge is accepted only when every partition of the application
 * was counted exactly once; during a rebalance it is retried, then answered with 503.
 */
@Component
class KpiCluster {

  private static final Logger log = LoggerFactory.getLogger(KpiCluster.class);
  private static final int ATTEMPTS = 6;
  private static final Duration PEER_TIMEOUT = Duration.ofSeconds(20);

  private final KpiStore store;
  private final WebClient http =
      WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();

  KpiCluster(KpiStore store) {
    this.store = store;
  }

  /** True when other instances run beside this one. */
  boolean hasPeers() {
    return store.instances().keySet().stream().anyMatch(h -> !h.equals(store.self()));
  }

  /**
   * The instance that publishes the KPI gauges on {@code /actuator/prometheus}: the first one by
   * host and port. The others publish none, so a sum over instances never counts twice.
   */
  boolean isGaugeExporter() {
    Map<HostInfo, Set<String>> instances = store.instances();
    return instances.isEmpty() || instances.keySet().iterator().next().equals(store.self());
  }

  /** Every instance's share of the query, merged; {@code authorization} is the caller's header. */
  KpiShare query(KpiQuery query, String authorization) {
    return queryAll(List.of(query), authorization).get(0);
  }

  /**
   * {@link #query} of several queries at once, in order: this instance reads its stores once for
   * all of them (the gauges ask two questions of every inquiry every refresh); the other instances
   * are asked each query, all at once.
   */
  List<KpiShare> queryAll(List<KpiQuery> queries, String authorization) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return attempt(queries, authorization);
      } catch (StoreUnavailableException e) {
        last = e;
      }
      try {
        Thread.sleep(200L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw last != null
        ? last
        : KpiStore.unavailable("KPIs are not available right now; retry shortly", null);
  }

  private List<KpiShare> attempt(List<KpiQuery> queries, String authorization) {
    Map<HostInfo, Set<String>> instances = store.instances();
    HostInfo self = store.self();
    Set<String> expected = new TreeSet<>();
    instances.values().forEach(expected::addAll);
    List<HostInfo> peers =
        instances.entrySet().stream()
            .filter(e -> !e.getKey().equals(self) && !e.getValue().isEmpty())
            .map(Map.Entry::getKey)
            .toList();
    List<List<KpiShare>> fetched =
        peers.isEmpty()
            ? queries.stream().map(q -> List.<KpiShare>of()).toList()
            : fetchAll(peers, queries, authorization);
    List<KpiShare> local = store.localShares(queries);
    List<KpiShare> out = new ArrayList<>(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      List<KpiShare> shares = new ArrayList<>();
      shares.add(local.get(i));
      shares.addAll(fetched.get(i));
      KpiShare merged = KpiShare.merge(shares);
      Set<String> distinct = new HashSet<>(merged.partitions());
      if (distinct.size() != merged.partitions().size() || !distinct.equals(expected)) {
        log.debug("KPI shares cover {} but the instances hold {}", merged.partitions(), expected);
        throw KpiStore.unavailable(
            "the KPI partitions are moving between instances; retry shortly", null);
      }
      out.add(merged);
    }
    return out;
  }

  /**
   * Every peer's share of every query, in order. Every request runs to its end (answer, error or
   * timeout) before a failure is reported: failing fast would cancel the requests still in flight,
   * and an error one of them met afterwards would have nowhere to go but Reactor's ERROR log
   * ("onErrorDropped"). Of several failures, a refusal (401/403) wins over "retry shortly".
   */
  private List<List<KpiShare>> fetchAll(
      List<HostInfo> peers, List<KpiQuery> queries, String authorization) {
    List<Mono<List<KpiShare>>> remote = new ArrayList<>();
    for (KpiQuery query : queries) {
      remote.add(
          Flux.fromIterable(peers)
              .flatMapSequentialDelayError(
                  peer -> fetch(peer, query, authorization), peers.size(), 1)
              .collectList());
    }
    try {
      return Flux.mergeSequentialDelayError(remote, remote.size(), 1)
          .collectList()
          .block(PEER_TIMEOUT.plusSeconds(5));
    } catch (RuntimeException e) {
      Throwable failure =
          PeerFailures.preferred(e, ResponseStatusException.class, StoreUnavailableException.class);
      if (failure instanceof ResponseStatusException
          || failure instanceof StoreUnavailableException) {
        throw (RuntimeException) failure;
      }
      throw KpiStore.unavailable("the other metrics instances did not answer; retry shortly", e);
    }
  }

  private Mono<KpiShare> fetch(HostInfo peer, KpiQuery query, String authorization) {
    String uri =
        UriComponentsBuilder.newInstance()
            .scheme("http")
            .host(peer.host())
            .port(peer.port())
            .path("/api/v1/kpis/share")
            .queryParam("from", query.from())
            .queryParam("to", query.to())
            .queryParam("now", query.now())
            .queryParam("groupBy", query.groupBy().name().toLowerCase(Locale.ROOT))
            .queryParamIfPresent("period", Optional.ofNullable(query.period()))
            .encode()
            .build()
            .toUriString();
    WebClient.RequestHeadersSpec<?> request = http.get().uri(URI.create(uri));
    if (authorization != null) {
      request = request.header("Authorization", authorization);
    }
    return request
        .retrieve()
        .bodyToMono(KpiShare.class)
        .timeout(PEER_TIMEOUT)
        .onErrorMap(
            e -> !(e instanceof ResponseStatusException || e instanceof StoreUnavailableException),
            e -> {
              if (e instanceof WebClientResponseException w
                  && (w.getStatusCode().value() == 401 || w.getStatusCode().value() == 403)) {
                return new ResponseStatusException(
                    w.getStatusCode(), "the metrics instance " + peer + " refused the query", e);
              }
              return KpiStore.unavailable(
                  "the metrics instance " + peer + " did not answer; retry shortly", e);
            });
  }
}
