package org.example.inquiry.simulator.chaos;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.example.inquiry.client.LocalPorts;
import org.example.inquiry.client.PlatformClient;
import org.example.inquiry.client.PlatformEndpoints;
import org.example.inquiry.client.Reply;
import org.example.inquiry.client.Tokens;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * The accounting after a chaos run ({@code ./stack chaos}): reads every inquiry topic from the
 * beginning with {@code read_committed} consumers, checks every accepted inquiry against it ({@link
 * Ledger}), asks resolution for each accepted inquiry's case and metrics for its stage counts, and
 * prints sent, accepted, delivered per topic, duplicated and lost. Exit 0 when exact.
 */
@Command(
    name = "chaos-accounting",
    mixinStandardHelpOptions = true,
    description = "Accounts for a chaos run against the event log, the case views and the KPIs.")
public final class Accounting implements Callable<Integer> {

  static final List<TopicSpec> TOPICS = Topics.INQUIRY_LIFECYCLE;

  @Option(names = "--accepted", required = true, description = "ids of accepted inquiries")
  Path acceptedFile;

  @Option(names = "--sent", defaultValue = "-1", description = "inquiries the run tried to send")
  long sent;

  @Option(names = "--since", required = true, description = "run start, epoch milliseconds")
  long since;

  @Option(names = "--host", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--port-offset", defaultValue = "0")
  int portOffset;

  @Option(names = "--private-key", defaultValue = ".stack/auth/private.pem")
  Path privateKey;

  @Option(
      names = "--settle",
      defaultValue = "600",
      description = "seconds to wait for the pipeline and metrics to catch up")
  long settleSeconds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Accounting()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Set<String> accepted = new LinkedHashSet<>(Files.readAllLines(acceptedFile));
    accepted.removeIf(String::isBlank);
    String bootstrap = host + ":" + LocalPorts.of("kafka", portOffset);
    String registry = "http://" + host + ":" + LocalPorts.of("registry", portOffset);
    PlatformClient client =
        new PlatformClient(
            PlatformEndpoints.local(host, portOffset), Tokens.fromPrivateKey(privateKey));
    long deadline = System.nanoTime() + Duration.ofSeconds(settleSeconds).toNanos();

    Ledger ledger;
    Map<String, Long> stageEvents;
    long casesMissing;
    int round = 0;
    while (true) {
      round++;
      ledger = read(bootstrap, registry, accepted);
      stageEvents = stageEvents(client);
      List<String> pipelineProblems = ledger.problems(stageEvents, 0);
      boolean settled = pipelineProblems.isEmpty();
      out.printf(
          Locale.ROOT,
          "chaos: accounting round %d: %s%n",
          round,
          settled ? "the log and the KPIs agree" : pipelineProblems.size() + " open point(s)");
      if (settled || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(10_000);
    }
    casesMissing = missingCases(client, accepted, out);
    List<String> problems = ledger.problems(stageEvents, casesMissing);
    print(out, ledger, stageEvents, casesMissing, problems);
    return problems.isEmpty() ? 0 : 1;
  }

  private void print(
      PrintStream out,
      Ledger ledger,
      Map<String, Long> stageEvents,
      long casesMissing,
      List<String> problems) {
    out.println();
    out.println("Chaos run accounting");
    out.printf(Locale.ROOT, "  %-34s %s%n", "sent", sent < 0 ? "(not given)" : sent);
    out.printf(Locale.ROOT, "  %-34s %d%n", "accepted", ledger.accepted());
    out.printf(
        Locale.ROOT,
        "  %-34s %d (the sender saw an error, the inquiry exists once)%n",
        "received without acknowledgement",
        ledger.unacknowledged());
    out.printf(
        Locale.ROOT,
        "  %-22s %10s %10s %10s %12s %12s %12s%n",
        "topic",
        "delivered",
        "duplicated",
        "lost",
        "records",
        "dup-eventIds",
        "KPI-count");
    for (TopicSpec topic : TOPICS) {
      String name = topic.name();
      boolean once = Ledger.EXACTLY_ONCE.contains(name);
      out.printf(
          Locale.ROOT,
          "  %-22s %10d %10s %10s %12d %12d %12s%n",
          name,
          ledger.delivered(name),
          once ? Long.toString(ledger.duplicated(name)) : "-",
          once ? Long.toString(ledger.lost(name)) : "-",
          ledger.recordsOnLog().getOrDefault(name, 0L),
          ledger.duplicateEventIds().getOrDefault(name, 0L),
          String.valueOf(stageEvents.get(name.substring(name.indexOf('-') + 1))));
    }
    out.printf(
        Locale.ROOT, "  %-34s %d%n", "resolved more than reopened + 1", ledger.resolvedTooOften());
    out.printf(Locale.ROOT, "  %-34s %d%n", "accepted without a case (stuck)", casesMissing);
    out.println();
    if (problems.isEmpty()) {
      out.println(
          "Result: exact: every accepted inquiry once on received, classified and routed, no"
              + " duplicate event ids, no case stuck, KPI stage counts equal to the log (exit 0)");
    } else {
      out.println("Result: " + problems.size() + " problem(s) (exit 1):");
      problems.forEach(p -> out.println("  - " + p));
      for (String topic : Ledger.EXACTLY_ONCE) {
        List<String> missing = ledger.missingFrom(topic, 5);
        if (!missing.isEmpty()) {
          out.println("  missing from " + topic + ", e.g. " + missing);
        }
      }
    }
  }

  private Ledger read(String bootstrap, String registry, Set<String> accepted) {
    Ledger ledger = new Ledger(accepted);
    AvroDeserializer<Object> values = new AvroDeserializer<>();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-accounting-" + UUID.randomUUID());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      for (TopicSpec topic : TOPICS) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(topic.name())) {
          partitions.add(new TopicPartition(topic.name(), p.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> remaining = new LinkedHashMap<>(end);
        remaining.entrySet().removeIf(e -> e.getValue() == 0);
        while (!remaining.isEmpty()) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            account(ledger, topic, record, values);
          }
          remaining.keySet().removeIf(tp -> consumer.position(tp) >= end.get(tp));
        }
      }
    }
    return ledger;
  }

  private void account(
      Ledger ledger,
      TopicSpec topic,
      ConsumerRecord<String, byte[]> record,
      AvroDeserializer<Object> values) {
    Object value;
    try {
      value = record.value() == null ? null : values.deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      return; // poison: a dead letter of every consumer, no event
    }
    if (!(value instanceof SpecificRecord event) || !topic.valueType().isInstance(value)) {
      return;
    }
    ledger.event(
        topic.name(),
        field(event, "inquiryId"),
        field(event, "eventId"),
        record.timestamp() >= since,
        field(event, "activity"));
  }

  private static String field(SpecificRecord event, String name) {
    Schema.Field field = event.getSchema().getField(name);
    Object value = field == null ? null : event.get(field.pos());
    return value == null ? null : value.toString();
  }

  private static Map<String, Long> stageEvents(PlatformClient client) {
    Map<String, Long> counts = new HashMap<>();
    try {
      Reply reply = client.kpis(Instant.parse("2000-01-01T00:00:00Z"), null, null);
      JsonNode stages = reply.json() == null ? null : reply.json().path("stageEvents");
      if (reply.isOk() && stages != null) {
        for (Map.Entry<String, JsonNode> e : stages.properties()) {
          counts.put(e.getKey(), e.getValue().asLong());
        }
      }
    } catch (RuntimeException e) {
      // metrics not answering yet: the next round asks again
    }
    return counts;
  }

  private static long missingCases(PlatformClient client, Set<String> accepted, PrintStream out)
      throws InterruptedException {
    AtomicLong missing = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> samples = Collections.synchronizedList(new ArrayList<>());
    for (String id : accepted) {
      pool.execute(
          () -> {
            for (int attempt = 0; attempt < 3; attempt++) {
              try {
                if (client.inquiryCase(id).status() == 200) {
                  return;
                }
              } catch (RuntimeException e) {
                // retried below
              }
            }
            missing.incrementAndGet();
            if (samples.size() < 5) {
              samples.add(id);
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    if (!samples.isEmpty()) {
      out.println("chaos: no case for e.g. " + samples);
    }
    return missing.get();
  }
}
