package org.example.inquiry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.example.inquiry.client.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Watches a KPI replay from outside, as an SRE would: every 100 ms it reads the offsets metrics'
 * Streams application has committed on its input topics (they are committed in the same
 * exactly-once transaction as the stores they produced) against the topics' end offsets, with an
 * admin client. The replay is done when nothing is left to read; one {@code GET /api/v1/kpis} then
 * checks that the KPIs count every event ({@code --expected}). The rate is taken from the first
 * commit to the last: start-up of the JVM and of Kafka Streams is reported apart.
 *
 * <p>Polling the KPI query itself would measure the query as much as the replay: each one folds
 * every inquiry's facts, and at ten a second it took a third of metrics' CPU (JFR, 2026-12-02).
 */
@Command(name = "replay-watch", description = "time metrics-service's KPI replay")
final class ReplayWatchCommand implements Callable<Integer> {

  private static final Pattern STAGE_EVENTS =
      Pattern.compile("\"stageEvents\"\\s*:\\s*\\{([^}]*)\\}");
  private static final Pattern NUMBER = Pattern.compile(":\\s*(\\d+)");

  @Option(names = "--metrics-url", required = true)
  String metricsUrl;

  @Option(names = "--private-key", required = true)
  Path privateKey;

  @Option(names = "--bootstrap-server", required = true)
  String bootstrap;

  @Option(names = "--group", defaultValue = "metrics-service", description = "application id")
  String group;

  @Option(names = "--topics", required = true, split = ",", description = "the KPI inputs")
  List<String> topics;

  @Option(names = "--expected", required = true, description = "stage events to wait for")
  long expected;

  @Option(names = "--timeout-seconds", defaultValue = "600")
  int timeoutSeconds;

  @Option(names = "--results")
  Path resultsFile;

  @Override
  public Integer call() throws Exception {
    Results results = new Results(resultsFile);
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "bench-replay-watch"))) {
      Map<TopicPartition, Long> begin = offsets(admin, OffsetSpec.earliest());
      Map<TopicPartition, Long> end = offsets(admin, OffsetSpec.latest());
      long span = 0;
      for (var e : end.entrySet()) {
        span += e.getValue() - begin.get(e.getKey());
      }
      long firstAt = 0;
      double firstShare = 0;
      while (System.nanoTime() < deadline) {
        long now = System.nanoTime();
        long left = 0;
        long read = 0;
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
        for (var e : end.entrySet()) {
          OffsetAndMetadata at = committed.get(e.getKey());
          long position = at == null ? begin.get(e.getKey()) : at.offset();
          left += Math.max(0, e.getValue() - position);
          read += Math.max(0, position - begin.get(e.getKey()));
        }
        if (read > 0 && firstAt == 0) {
          firstAt = now;
          firstShare = span == 0 ? 0 : (double) read / span;
        }
        if (left == 0 && firstAt != 0) {
          double total = (now - start) / 1e9;
          double processing = (now - firstAt) / 1e9;
          double rate = processing > 0 ? expected * (1 - firstShare) / processing : Double.NaN;
          long counted = kpiStageEvents();
          System.out.printf(
              "bench: replay of %,d events: %.1f s from the launch, %.1f s of processing after"
                  + " the first commit (%.0f%% read then): %,.0f events/s; the KPIs count %,d%n",
              expected, total, processing, 100 * firstShare, rate, counted);
          results.put("replay_events", Long.toString(expected));
          results.put("replay_kpi_events", Long.toString(counted));
          results.put("replay_s_from_launch", total);
          results.put("replay_processing_s", processing);
          results.put("replay_eps", rate);
          results.put("replay_eps_from_launch", expected / total);
          if (counted < expected) {
            System.out.printf(
                "bench: the KPIs count %,d stage events of %,d: the replay lost events%n",
                counted, expected);
            return 1;
          }
          return 0;
        }
        Thread.sleep(100);
      }
    }
    System.out.printf("bench: the replay did not finish within %d s%n", timeoutSeconds);
    results.put("replay_eps", "n/a");
    return 1;
  }

  private Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get()
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec)));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get()
        .forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin)
      throws InterruptedException {
    try {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    } catch (ExecutionException e) {
      return Map.of(); // the group does not exist yet
    }
  }

  /**
   * The stage events the KPIs count, once the offsets say the replay is done. The store may run
   * ahead of the committed offsets, never behind; retried while the instance answers 503.
   */
  private long kpiStageEvents() throws InterruptedException {
    String token = Tokens.fromPrivateKey(privateKey).token("auditor", "bench");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    URI uri = URI.create(metricsUrl + "/api/v1/kpis?from=2000-01-01T00:00:00Z");
    long count = 0;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          count = stageEvents(response.body());
          if (count >= expected) {
            return count;
          }
        }
      } catch (IOException e) {
        // not answering yet
      }
      Thread.sleep(200);
    }
    return count;
  }

  static long stageEvents(String json) {
    Matcher m = STAGE_EVENTS.matcher(json);
    if (!m.find()) {
      return 0;
    }
    long sum = 0;
    Matcher n = NUMBER.matcher(m.group(1));
    while (n.find()) {
      sum += Long.parseLong(n.group(1));
    }
    return sum;
  }
}
