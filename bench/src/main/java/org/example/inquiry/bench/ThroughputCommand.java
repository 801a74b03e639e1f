package org.example.inquiry.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.example.inquiry.client.Tokens;
import org.example.inquiry.schemas.catalog.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The burst and the paced run, each through the pipeline (adapter topic {@code inquiries-submitted}
 * to {@code inquiries-routed}: intake, classifier, router) and through a transactional byte-relay
 * chain of as many hops on the same broker, with the same records.
 */
@Command(
    name = "throughput",
    description = "burst and paced latency: the pipeline against a transactional relay chain")
final class ThroughputCommand implements Callable<Integer> {

  /** Hops of the pipeline between the adapter topic and inquiries-routed. */
  static final int HOPS = 3;

  @Option(names = "--bootstrap-server", required = true)
  String bootstrap;

  @Option(names = "--registry", required = true, description = "schema registry URL (writer)")
  String registry;

  @Option(names = "--data", required = true, description = "sample data (deploy/local/data)")
  Path data;

  @Option(names = "--private-key", description = "token key, to read the services' actuator")
  Path privateKey;

  @Option(names = "--service", description = "name=pid@port of a service process to sample")
  List<String> services = new ArrayList<>();

  @Option(names = "--count", defaultValue = "20000", description = "records in the burst")
  int count;

  @Option(names = "--warmup", defaultValue = "2000", description = "records before measuring")
  int warmup;

  @Option(names = "--rate", defaultValue = "200", description = "paced run: records per second")
  double rate;

  @Option(names = "--paced-seconds", defaultValue = "60")
  int pacedSeconds;

  @Option(names = "--relay-concurrency", defaultValue = "2", description = "consumers per hop")
  int relayConcurrency;

  @Option(names = "--linger-ms", defaultValue = "5")
  int lingerMs;

  @Option(names = "--batch-size", defaultValue = "65536")
  int batchSize;

  @Option(names = "--compression", defaultValue = "lz4")
  String compression;

  @Option(names = "--no-relay", description = "the pipeline only (the scale-out run)")
  boolean noRelay;

  @Option(names = "--no-paced", description = "the burst only")
  boolean noPaced;

  @Option(names = "--no-pipeline", description = "the relay chain only (to compare its settings)")
  boolean noPipeline;

  @Option(names = "--label", defaultValue = "", description = "prefix of the result keys")
  String label;

  @Option(names = "--seed", defaultValue = "17")
  long seed;

  @Option(names = "--timeout-seconds", defaultValue = "900", description = "per phase")
  int timeoutSeconds;

  @Option(names = "--results", description = "key=value file the figures are appended to")
  Path resultsFile;

  private Results results;

  @Override
  public Integer call() throws Exception {
    results = new Results(resultsFile);
    String runId = UUID.randomUUID().toString().substring(0, 8);
    KafkaSupport.ProducerTuning tuning =
        new KafkaSupport.ProducerTuning(lingerMs, batchSize, compression);
    int paced = noPaced ? 0 : (int) Math.round(rate * pacedSeconds);
    int total = warmup + count * (noRelay ? 1 : 2) + paced * (noRelay ? 1 : 2) + warmup;
    System.out.printf(
        "bench: run %s: generating %,d realistic InquirySubmitted records%n", runId, total);
    Workload workload = Workload.generate(data, registry, runId, seed, total);
    results.put(label + "record_bytes_mean", workload.meanValueBytes());
    System.out.println("bench: producer settings of the load and the relay: " + tuning);

    List<String> relayTopics = new ArrayList<>();
    for (int i = 0; i <= HOPS; i++) {
      relayTopics.add("bench-relay-" + runId + "-" + i);
    }
    List<ResourceSampler.Service> sampled =
        services.stream().map(ResourceSampler.Service::parse).toList();
    String auditor =
        privateKey == null ? "" : Tokens.fromPrivateKey(privateKey).token("auditor", "bench");
    try (Admin admin = KafkaSupport.admin(bootstrap);
        KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(KafkaSupport.producer(bootstrap, "bench-load", tuning))) {
      RelayChain relay = null;
      if (!noRelay) {
        KafkaSupport.createTopics(admin, relayTopics, Topics.INQUIRY_PARTITIONS);
        relay = new RelayChain(bootstrap, runId, relayTopics, relayConcurrency, tuning);
      }
      try {
        Chain pipeline =
            new Chain(
                "pipeline",
                Topics.INQUIRIES_SUBMITTED.name(),
                Topics.INQUIRIES_ROUTED.name(),
                Workload.Item::pipelineSinkKey);
        Chain relayChain =
            new Chain("relay", relayTopics.get(0), relayTopics.get(HOPS), Workload.Item::sourceKey);
        int next = 0;
        // Warm-up: JIT, connections, caches of both chains; not measured.
        System.out.printf("bench: warm-up, %,d records through each chain%n", warmup);
        if (!noPipeline) {
          burst(producer, pipeline, workload.slice(next, next += warmup), null);
        }
        if (relay != null) {
          burst(producer, relayChain, workload.slice(next, next += warmup), null);
        }
        awaitQuiet(admin);

        if (relay != null) {
          relay.check();
          long cpuBefore = relay.cpuNanos();
          double relayRate = burst(producer, relayChain, workload.slice(next, next += count), null);
          results.put(label + "burst_relay_rps", relayRate);
          results.put(
              label + "relay_cpu_ms_per_record", (relay.cpuNanos() - cpuBefore) / 1e6 / count);
          relay.check();
          awaitQuiet(admin);
        }
        if (noPipeline) {
          if (!noPaced && relay != null) {
            paced(producer, relayChain, workload.slice(next, next += paced));
          }
          return 0;
        }
        double pipelineRate;
        try (ResourceSampler sampler =
            sampled.isEmpty() ? null : new ResourceSampler(sampled, auditor)) {
          pipelineRate = burst(producer, pipeline, workload.slice(next, next += count), sampler);
          if (sampler != null) {
            // Downstream stages (resolution, metrics) still work the burst off: sample them too.
            awaitQuiet(admin);
            sampler.close();
            for (Map.Entry<String, ResourceSampler.Peak> e : sampler.peaks().entrySet()) {
              results.put(label + "heap_mb." + e.getKey(), e.getValue().heapMb);
              results.put(label + "heap_max_mb." + e.getKey(), e.getValue().heapMaxMb);
              results.put(label + "rss_mb." + e.getKey(), e.getValue().rssMb);
              results.put(
                  label + "cpu_ms_per_record." + e.getKey(), e.getValue().cpuS() * 1000 / count);
            }
          }
        }
        results.put(label + "burst_pipeline_rps", pipelineRate);
        awaitQuiet(admin);

        if (!noPaced) {
          if (relay != null) {
            paced(producer, relayChain, workload.slice(next, next += paced));
            relay.check();
            awaitQuiet(admin);
          }
          paced(producer, pipeline, workload.slice(next, next += paced));
        }
      } finally {
        if (relay != null) {
          relay.close();
          KafkaSupport.deleteTopics(admin, relayTopics);
        }
      }
    }
    return 0;
  }

  /** Where a chain starts, where it ends and what its records are keyed by at the end. */
  record Chain(String name, String source, String sink, Function<Workload.Item, String> sinkKey) {}

  private void awaitQuiet(Admin admin) throws InterruptedException {
    long lag = KafkaSupport.awaitQuiet(admin, bootstrap, Duration.ofSeconds(180));
    if (lag != 0) {
      System.out.printf("bench: the stack's consumers still lag by %,d records; going on%n", lag);
    }
  }

  /** Sends all at once; returns records per second from the first send to the last arrival. */
  private double burst(
      KafkaProducer<String, byte[]> producer,
      Chain chain,
      List<Workload.Item> items,
      ResourceSampler sampler)
      throws InterruptedException {
    List<String> keys = items.stream().map(chain.sinkKey()).toList();
    try (SinkCounter sink = new SinkCounter(bootstrap, chain.sink(), keys)) {
      long start = System.nanoTime();
      for (Workload.Item item : items) {
        producer.send(new ProducerRecord<>(chain.source(), item.sourceKey(), item.value()));
      }
      producer.flush();
      long sent = System.nanoTime();
      boolean complete = awaitWithProgress(sink, chain.name(), items.size(), start);
      long end = complete ? sink.lastArrival() : System.nanoTime();
      double seconds = (end - start) / 1e9;
      double rps = sink.seen() / seconds;
      System.out.printf(
          "bench: %s burst of %,d: %,d arrived in %.1f s (sent in %.1f s): %,.0f records/s%s%n",
          chain.name(),
          items.size(),
          sink.seen(),
          seconds,
          (sent - start) / 1e9,
          rps,
          sink.duplicates() > 0 ? ", " + sink.duplicates() + " DUPLICATES" : "");
      if (!complete) {
        results.put(label + "burst_" + chain.name() + "_missing", items.size() - sink.seen());
      }
      return rps;
    }
  }

  private boolean awaitWithProgress(SinkCounter sink, String name, int size, long start)
      throws InterruptedException {
    long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    long lastProgress = System.nanoTime();
    int lastSeen = 0;
    while (System.nanoTime() < deadline) {
      if (sink.await(Duration.ofSeconds(10))) {
        return true;
      }
      int seen = sink.seen();
      System.out.printf(
          "bench:   %s: %,d of %,d after %.0f s%n",
          name, seen, size, (System.nanoTime() - start) / 1e9);
      if (seen != lastSeen) {
        lastSeen = seen;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(120)) {
        System.out.printf("bench:   %s: no progress for 120 s; giving up%n", name);
        return false;
      }
    }
    return false;
  }

  /**
   * Sends at a fixed rate on an open-loop schedule (a late send is measured from when it was due,
   * so a stall is not hidden) and records each record's latency from its due time to its arrival.
   */
  private void paced(KafkaProducer<String, byte[]> producer, Chain chain, List<Workload.Item> items)
      throws InterruptedException {
    List<String> keys = items.stream().map(chain.sinkKey()).toList();
    long period = (long) (1e9 / rate);
    long[] due = new long[items.size()];
    System.out.printf(
        "bench: %s paced: %,d records at %.0f/s for %d s%n",
        chain.name(), items.size(), rate, pacedSeconds);
    try (SinkCounter sink = new SinkCounter(bootstrap, chain.sink(), keys)) {
      long start = System.nanoTime() + 100_000_000L;
      for (int i = 0; i < items.size(); i++) {
        due[i] = start + i * period;
        long wait;
        while ((wait = due[i] - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        Workload.Item item = items.get(i);
        producer.send(new ProducerRecord<>(chain.source(), item.sourceKey(), item.value()));
      }
      boolean complete = awaitWithProgress(sink, chain.name(), items.size(), start);
      Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
      long[] arrivals = sink.arrivals();
      for (int i = 0; i < arrivals.length; i++) {
        if (arrivals[i] != 0) {
          histogram.recordValue(Math.max(0, (arrivals[i] - due[i]) / 1_000));
        }
      }
      String prefix = label + "paced_" + chain.name() + "_";
      results.put(prefix + "rate", rate);
      results.put(prefix + "p50_ms", histogram.getValueAtPercentile(50) / 1e3);
      results.put(prefix + "p99_ms", histogram.getValueAtPercentile(99) / 1e3);
      results.put(prefix + "p999_ms", histogram.getValueAtPercentile(99.9) / 1e3);
      results.put(prefix + "max_ms", histogram.getMaxValue() / 1e3);
      if (!complete) {
        results.put(prefix + "missing", items.size() - sink.seen());
      }
    }
  }
}
