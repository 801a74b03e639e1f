package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Hooks;

/**
 * {@link KpiCluster} against a real HTTP peer on loopback: what the other instance answers decides
 * the outcome, and no answer is left for Reactor's "onErrorDropped" ERROR log.
 */
class KpiClusterTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final KpiQuery OVERALL =
      new KpiQuery(NOW.minusSeconds(3600), NOW, NOW, KpiCalculator.GroupBy.NONE, null);
  private static final KpiQuery BY_TEAM =
      new KpiQuery(NOW.minusSeconds(3600), NOW, NOW, KpiCalculator.GroupBy.TEAM, null);

  private final List<Throwable> dropped = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer peer;
  private ExecutorService executor;
  private volatile int status;
  private volatile String body;
  private volatile long slowSecondMillis;

  @BeforeEach
  void start() throws IOException {
    Hooks.onErrorDropped(dropped::add);
    peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(4);
    peer.setExecutor(executor);
    peer.createContext(
        "/api/v1/kpis/share",
        exchange -> {
          int n = requests.incrementAndGet();
          if (n % 2 == 0 && slowSecondMillis > 0) {
            sleep(slowSecondMillis);
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    peer.start();
  }

  @AfterEach
  void stop() {
    Hooks.resetOnErrorDropped();
    peer.stop(0);
    executor.shutdownNow();
  }

  @Test
  void thePeersSharesAreMergedWithThisInstancesOwn() {
    answer(
        200,
        "{\"partitions\":[\"t-1\"],\"groups\":{},\"series\":[],"
            + "\"stageEvents\":{\"received\":3},\"deadLetters\":{}}");

    List<KpiShare> shares = cluster().queryAll(List.of(OVERALL, BY_TEAM), null);

    assertThat(shares).hasSize(2);
    assertThat(shares.get(0).partitions()).containsExactlyInAnyOrder("t-0", "t-1");
    assertThat(shares.get(0).stageEvents()).containsEntry("received", 5L);
    assertThat(dropped).isEmpty();
  }

  @Test
  void aPeerWhosePartitionsMoveIsUnavailableAndNothingIsDropped() {
    answer(503, "{\"detail\":\"the KPI partitions are moving between instances\"}");
    slowSecondMillis = 150; // the second request is still in flight when the first fails

    assertThatThrownBy(() -> cluster().queryAll(List.of(OVERALL, BY_TEAM), null))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("did not answer");

    assertThat(requests.get()).isGreaterThanOrEqualTo(2);
    assertThat(dropped).isEmpty();
  }

  @Test
  void aPeerThatRefusesTheTokenIsARefusalNotARetry() {
    answer(403, "{\"detail\":\"forbidden\"}");

    assertThatThrownBy(() -> cluster().queryAll(List.of(OVERALL, BY_TEAM), "Bearer x"))
        .isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("refused the query");
    assertThat(requests.get()).isEqualTo(2); // a refusal is not retried
    assertThat(dropped).isEmpty();
  }

  @Test
  void ofSeveralPeersOneThatRefusesWinsOverOneThatIsMoving() throws IOException {
    answer(503, "{\"detail\":\"moving\"}");
    HttpServer refusing =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    refusing.createContext(
        "/api/v1/kpis/share",
        exchange -> {
          exchange.sendResponseHeaders(403, -1);
          exchange.close();
        });
    refusing.start();
    try {
      HostInfo third = new HostInfo("127.0.0.1", refusing.getAddress().getPort());
      KpiCluster cluster = cluster(Map.of(third, Set.of("t-2")));

      assertThatThrownBy(() -> cluster.queryAll(List.of(OVERALL, BY_TEAM), "Bearer x"))
          .isInstanceOf(ResponseStatusException.class)
          .hasMessageContaining("refused the query");
      assertThat(dropped).isEmpty();
    } finally {
      refusing.stop(0);
    }
  }

  private void answer(int status, String body) {
    this.status = status;
    this.body = body;
  }

  private KpiCluster cluster() {
    return cluster(Map.of());
  }

  private KpiCluster cluster(Map<HostInfo, Set<String>> morePeers) {
    HostInfo self = new HostInfo("127.0.0.1", 1);
    HostInfo other = new HostInfo("127.0.0.1", peer.getAddress().getPort());
    KpiStore store = mock(KpiStore.class);
    Map<HostInfo, Set<String>> instances = new HashMap<>(morePeers);
    instances.put(self, Set.of("t-0"));
    instances.put(other, Set.of("t-1"));
    when(store.self()).thenReturn(self);
    when(store.instances()).thenReturn(instances);
    when(store.localShares(anyList()))
        .thenAnswer(
            call -> {
              List<KpiQuery> queries = call.getArgument(0);
              return queries.stream()
                  .map(
                      q ->
                          new KpiShare(
                              List.of("t-0"),
                              Map.<String, KpiPartial>of(),
                              List.<KpiPartial>of(),
                              Map.of("received", 2L),
                              Map.<String, Long>of()))
                  .toList();
            });
    return new KpiCluster(store);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
