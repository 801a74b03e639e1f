package org.example.inquiry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.example.inquiry.client.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Watches a KPI replay: polls metrics-service's {@code GET /api/v1/kpis} every 100 ms until the
 * stage events it has counted reach {@code --expected} (the records on its input topics). The rate
 * is taken from the first answer that counts anything to the last: start-up of the JVM and of Kafka
 * Streams is reported apart.
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

  @Option(names = "--expected", required = true, description = "stage events to wait for")
  long expected;

  @Option(names = "--timeout-seconds", defaultValue = "600")
  int timeoutSeconds;

  @Option(names = "--results")
  Path resultsFile;

  @Override
  public Integer call() throws Exception {
    Results results = new Results(resultsFile);
    String token = Tokens.fromPrivateKey(privateKey).token("auditor", "bench");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    URI uri = URI.create(metricsUrl + "/api/v1/kpis?from=2000-01-01T00:00:00Z");
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
    long firstAt = 0;
    long firstCount = 0;
    long count = 0;
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          count = stageEvents(response.body());
          if (count > 0 && firstAt == 0) {
            firstAt = now;
            firstCount = count;
          }
          if (count >= expected) {
            double total = (now - start) / 1e9;
            double processing = (now - firstAt) / 1e9;
            double rate = processing > 0 ? (count - firstCount) / processing : Double.NaN;
            System.out.printf(
                "bench: replay of %,d events: %.1f s from the launch, %.1f s of processing"
                    + " after the first counted (%,d then): %,.0f events/s%n",
                count, total, processing, firstCount, rate);
            results.put("replay_events", Long.toString(count));
            results.put("replay_s_from_launch", total);
            results.put("replay_processing_s", processing);
            results.put("replay_eps", rate);
            results.put("replay_eps_from_launch", count / total);
            return 0;
          }
        }
      } catch (IOException e) {
        // starting
      }
      Thread.sleep(100);
    }
    System.out.printf("bench: replay did not reach %,d events (%,d counted)%n", expected, count);
    results.put("replay_eps", "n/a");
    return 1;
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
