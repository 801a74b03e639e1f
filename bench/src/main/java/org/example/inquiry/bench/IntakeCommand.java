package org.example.inquiry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.example.inquiry.client.PlatformClient;
import org.example.inquiry.client.Tokens;
import org.example.inquiry.simulator.traffic.ChannelMix;
import org.example.inquiry.simulator.traffic.InquiryGenerator;
import org.example.inquiry.simulator.traffic.SampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Intake's {@code POST /api/v1/inquiries} against the minimal endpoint, with the same closed-loop
 * load: {@code --connections} clients, each sending its next request when the previous one is
 * answered, realistic portal bodies with a fresh Idempotency-Key each, for a warm-up and then
 * {@code --seconds}. Both are measured in turn, in the same run, the minimal endpoint first.
 */
@Command(name = "intake", description = "intake HTTP against a minimal WebFlux-to-Kafka endpoint")
final class IntakeCommand implements Callable<Integer> {

  @Option(names = "--intake-url", required = true)
  String intakeUrl;

  @Option(names = "--minimal-url", required = true)
  String minimalUrl;

  @Option(names = "--private-key", required = true)
  Path privateKey;

  @Option(names = "--data", required = true)
  Path data;

  @Option(names = "--connections", defaultValue = "32")
  int connections;

  @Option(names = "--seconds", defaultValue = "20")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "5")
  int warmupSeconds;

  @Option(names = "--label", defaultValue = "")
  String label;

  @Option(names = "--results")
  Path resultsFile;

  @Override
  public Integer call() throws Exception {
    Results results = new Results(resultsFile);
    String token = Tokens.fromPrivateKey(privateKey).token("channel", "bench");
    InquiryGenerator generator =
        new InquiryGenerator(
            SampleData.load(data),
            new ChannelMix(1, 0, 0),
            29,
            "bench-http-" + UUID.randomUUID().toString().substring(0, 8),
            0.05,
            0);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      bodies.add(
          PlatformClient.json()
              .writeValueAsString(generator.generate(i).toRequestBody())
              .getBytes(StandardCharsets.UTF_8));
    }
    results.put(
        label + "http_body_bytes_mean",
        bodies.stream().mapToInt(b -> b.length).average().orElse(0));
    for (String[] target :
        // The minimal endpoint first: nothing reads its records, so it leaves the stack quiet for
        // intake; intake's accepted inquiries are worked downstream for a while after its run.
        List.of(new String[] {"minimal", minimalUrl}, new String[] {"intake", intakeUrl})) {
      Measured m = load(URI.create(target[1] + "/api/v1/inquiries"), token, bodies);
      String prefix = label + "http_" + target[0] + "_";
      results.put(prefix + "rps", m.rps());
      results.put(prefix + "p50_ms", m.histogram().getValueAtPercentile(50) / 1e3);
      results.put(prefix + "p99_ms", m.histogram().getValueAtPercentile(99) / 1e3);
      results.put(prefix + "errors", m.errors());
    }
    return 0;
  }

  record Measured(double rps, Histogram histogram, long errors) {}

  private Measured load(URI uri, String token, List<byte[]> bodies) throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong sequence = new AtomicLong();
    String run = UUID.randomUUID().toString().substring(0, 8);
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      clients.add(done);
      next(http, uri, token, bodies, run, sequence, recorder, ok, errors, measureFrom, end, done);
    }
    CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new))
        .orTimeout(warmupSeconds + seconds + 60L, TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .join();
    Histogram histogram = recorder.getIntervalHistogram();
    double rps = ok.get() / (double) seconds;
    System.out.printf(
        "bench: %s: %,.0f requests/s (202), p50 %.1f ms, p99 %.1f ms, errors %d%n",
        uri,
        rps,
        histogram.getValueAtPercentile(50) / 1e3,
        histogram.getValueAtPercentile(99) / 1e3,
        errors.get());
    return new Measured(rps, histogram, errors.get());
  }

  private static void next(
      HttpClient http,
      URI uri,
      String token,
      List<byte[]> bodies,
      String run,
      AtomicLong sequence,
      Recorder recorder,
      AtomicLong ok,
      AtomicLong errors,
      long measureFrom,
      long end,
      CompletableFuture<Void> done) {
    long now = System.nanoTime();
    if (now >= end) {
      done.complete(null);
      return;
    }
    long n = sequence.getAndIncrement();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "bench-" + run + "-" + n)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((int) (n % bodies.size()))))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              long finished = System.nanoTime();
              // Counted: answers between the end of the warm-up and the end of the run.
              if (finished >= measureFrom && finished < end) {
                if (failure == null && response.statusCode() == 202) {
                  ok.incrementAndGet();
                  recorder.recordValue((finished - now) / 1_000);
                } else {
                  errors.incrementAndGet();
                }
              }
              next(
                  http,
                  uri,
                  token,
                  bodies,
                  run,
                  sequence,
                  recorder,
                  ok,
                  errors,
                  measureFrom,
                  end,
                  done);
            });
  }
}
