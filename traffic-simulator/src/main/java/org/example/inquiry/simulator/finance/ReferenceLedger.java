package org.example.inquiry.simulator.finance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.example.inquiry.client.LocalPorts;
import org.example.inquiry.client.PlatformClient;
import org.example.inquiry.client.PlatformEndpoints;
import org.example.inquiry.client.PlatformUnreachableException;
import org.example.inquiry.client.Reply;
import org.example.inquiry.client.Tokens;
import org.example.inquiry.schemas.AcknowledgementStatus;
import org.example.inquiry.schemas.FinanceAcknowledgement;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.ledger.OpenItemColumns;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The local stack's reference finance system ({@code ./stack up} starts it as {@code ledger}): it
 * reads {@code financial-effects-approved} as a downstream ledger would, posts each effect ({@link
 * LedgerPosting}) by feeding the changed documents to the platform's copy of the ledger ({@code
 * POST /api/v1/open-items/import}) and setting approved credit limits in the customer master
 * ({@code PUT /api/v1/customers/{id}/credit-limit}), both as the {@code finance-system} role, and
 * answers on {@code finance-acknowledgements}. It de-duplicates on {@code effectId}: at start it
 * reads its own earlier answers, so a replay or a restart posts nothing twice. A platform that does
 * not answer is retried; offsets are committed only after the answers are written.
 */
@Command(
    name = "reference-ledger",
    mixinStandardHelpOptions = true,
    description = "Posts approved financial effects to the local stack's ledger and acknowledges.")
public final class ReferenceLedger implements Callable<Integer> {

  /** The name it answers as ({@code FinanceAcknowledgement.system}) and its user. */
  public static final String SYSTEM = "reference-ledger";

  /** Its consumer group (the finance systems' Kafka user reads groups {@code finance-*}). */
  static final String GROUP = "finance-reference-ledger";

  @Option(names = "--host", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--port-offset", defaultValue = "0")
  int portOffset;

  @Option(names = "--private-key", required = true, description = "the stack's token key (PEM)")
  Path privateKey;

  @Option(
      names = "--registry",
      defaultValue = "${env:SCHEMA_REGISTRY_URL}",
      description =
          "registry URL with the credentials that may register the acknowledgement schema"
              + " (default: $SCHEMA_REGISTRY_URL)")
  String registry;

  @Option(names = "--kafka", description = "bootstrap servers (default: the stack's broker)")
  String kafka;

  private volatile boolean running = true;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReferenceLedger()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (registry == null || registry.isBlank()) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--registry or SCHEMA_REGISTRY_URL is required");
    }
    String bootstrap = kafka != null ? kafka : host + ":" + LocalPorts.of("kafka", portOffset);
    PlatformClient platform =
        new PlatformClient(
            PlatformEndpoints.local(host, portOffset), Tokens.fromPrivateKey(privateKey));
    Set<String> answered = ownAnswers(bootstrap);
    Map<String, OpenItem> ledger = new HashMap<>();
    try (KafkaConsumer<String, SpecificRecord> effects = consumer(bootstrap, GROUP);
        KafkaConsumer<String, SpecificRecord> items = consumer(bootstrap, null);
        KafkaProducer<String, SpecificRecord> answers = producer(bootstrap)) {
      Thread main = Thread.currentThread();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    running = false;
                    effects.wakeup();
                    try {
                      main.join(10_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      List<TopicPartition> itemPartitions = partitions(items, Topics.OPEN_ITEMS.name());
      items.assign(itemPartitions);
      items.seekToBeginning(itemPartitions);
      effects.subscribe(List.of(Topics.FINANCIAL_EFFECTS_APPROVED.name()));
      System.out.printf(
          "reference-ledger: ready (%d effects answered before, group %s)%n",
          answered.size(), GROUP);
      while (running) {
        ConsumerRecords<String, SpecificRecord> batch;
        try {
          batch = effects.poll(Duration.ofSeconds(1));
        } catch (WakeupException e) {
          break;
        }
        if (batch.isEmpty()) {
          continue;
        }
        catchUp(items, itemPartitions, ledger);
        Map<TopicPartition, Long> retryFrom = new HashMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : batch) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (retryFrom.containsKey(partition)) {
            continue; // keep a customer's order: nothing after a failed effect of its partition
          }
          if (!(record.value() instanceof FinancialEffectApproved effect)
              || answered.contains(effect.getEffectId())) {
            continue;
          }
          try {
            FinanceAcknowledgement answer = post(effect, ledger, platform);
            answers
                .send(
                    new ProducerRecord<>(
                        Topics.FINANCE_ACKNOWLEDGEMENTS.name(), effect.getInquiryId(), answer))
                .get();
            answered.add(effect.getEffectId());
            System.out.printf(
                "reference-ledger: %s %s %s of %s: %s%n",
                effect.getEffectId(),
                effect.getKind(),
                effect.getGross().getAmount().toPlainString(),
                effect.getCustomerId(),
                answer.getStatus() == AcknowledgementStatus.POSTED
                    ? "posted as " + answer.getDocumentNumber()
                    : "rejected: " + answer.getReason());
          } catch (PlatformUnavailable | ExecutionException e) {
            System.out.printf(
                "reference-ledger: %s not posted yet (%s); retrying%n",
                effect.getEffectId(), e.getMessage());
            retryFrom.put(partition, record.offset());
          }
        }
        if (retryFrom.isEmpty()) {
          effects.commitSync();
        } else {
          // commit what was answered before the failures, then read the failed ones again
          Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> done =
              new HashMap<>();
          for (TopicPartition p : batch.partitions()) {
            long next =
                retryFrom.containsKey(p)
                    ? retryFrom.get(p)
                    : batch.records(p).get(batch.records(p).size() - 1).offset() + 1;
            done.put(p, new org.apache.kafka.clients.consumer.OffsetAndMetadata(next));
          }
          effects.commitSync(done);
          retryFrom.forEach(effects::seek);
          Thread.sleep(2_000);
        }
      }
    }
    return 0;
  }

  /** Posts one effect and returns the answer; throws when the platform cannot take it now. */
  private static FinanceAcknowledgement post(
      FinancialEffectApproved effect, Map<String, OpenItem> ledger, PlatformClient platform)
      throws PlatformUnavailable {
    try {
      return postOrThrow(effect, ledger, platform);
    } catch (PlatformUnreachableException e) {
      throw new PlatformUnavailable(e.getMessage());
    }
  }

  private static FinanceAcknowledgement postOrThrow(
      FinancialEffectApproved effect, Map<String, OpenItem> ledger, PlatformClient platform)
      throws PlatformUnavailable {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    LedgerPosting.Result result =
        LedgerPosting.post(effect, ledger::get, LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    if (result.posted() && !result.rows().isEmpty()) {
      Reply fed = platform.feedLedger(SYSTEM, csv(result.rows()));
      if (fed.status() >= 500 || fed.status() == 0) {
        throw new PlatformUnavailable("ledger import answered " + fed.status());
      }
      if (!fed.isOk()) {
        result = refused("the platform refused the ledger rows: " + fed.detail());
      } else {
        result.rows().forEach(row -> ledger.put(row.getDocumentNumber(), row));
      }
    }
    if (result.posted() && result.newLimit() != null) {
      Reply set =
          platform.setCreditLimit(
              SYSTEM,
              effect.getCustomerId(),
              effect.getEffectId(),
              result.newLimit().getAmount(),
              result.oldLimit() == null ? null : result.oldLimit().getAmount(),
              result.newLimit().getCurrency());
      if (set.status() >= 500 || set.status() == 0) {
        throw new PlatformUnavailable("credit limit answered " + set.status());
      }
      if (!set.isOk()) {
        result = refused("the customer master refused the credit limit: " + set.detail());
      }
    }
    return FinanceAcknowledgement.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(effect.getInquiryId())
        .setEffectId(effect.getEffectId())
        .setOccurredAt(now)
        .setStatus(result.posted() ? AcknowledgementStatus.POSTED : AcknowledgementStatus.REJECTED)
        .setDocumentNumber(result.documentNumber())
        .setReason(result.reason())
        .setSystem(SYSTEM)
        .build();
  }

  private static LedgerPosting.Result refused(String reason) {
    return LedgerPosting.Result.refused(reason);
  }

  /** The ledger rows as the platform's import reads them ({@link OpenItemColumns}). */
  static String csv(List<OpenItem> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.RFC4180
                .builder()
                .setHeader(OpenItemColumns.ALL.toArray(String[]::new))
                .get())) {
      for (OpenItem row : rows) {
        printer.printRecord(
            row.getDocumentNumber(),
            row.getDocumentType(),
            row.getCustomerId(),
            row.getIssueDate(),
            row.getDueDate() == null ? "" : row.getDueDate(),
            row.getAmount().getAmount().toPlainString(),
            row.getAmount().getCurrency(),
            row.getOpenAmount().getAmount().toPlainString(),
            row.getStatus(),
            row.getOrderNumber() == null ? "" : row.getOrderNumber(),
            row.getLetterOfCreditNumber() == null ? "" : row.getLetterOfCreditNumber(),
            row.getPaidOn() == null ? "" : row.getPaidOn(),
            row.getPromisedPaymentDate() == null ? "" : row.getPromisedPaymentDate());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Reads the ledger's documents up to the end of {@code open-items}. */
  private static void catchUp(
      KafkaConsumer<String, SpecificRecord> items,
      List<TopicPartition> partitions,
      Map<String, OpenItem> ledger) {
    Map<TopicPartition, Long> end = items.endOffsets(partitions);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (partitions.stream().anyMatch(p -> items.position(p) < end.get(p))
        && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, SpecificRecord> r : items.poll(Duration.ofMillis(200))) {
        if (r.value() instanceof OpenItem item) {
          ledger.put(r.key(), item);
        } else if (r.value() == null) {
          ledger.remove(r.key());
        }
      }
    }
  }

  /** The effects this ledger answered before: what a restart must not post again. */
  private Set<String> ownAnswers(String bootstrap) {
    Set<String> answered = new HashSet<>();
    try (KafkaConsumer<String, SpecificRecord> consumer = consumer(bootstrap, null)) {
      List<TopicPartition> partitions =
          partitions(consumer, Topics.FINANCE_ACKNOWLEDGEMENTS.name());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, SpecificRecord> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() instanceof FinanceAcknowledgement a && SYSTEM.equals(a.getSystem())) {
            answered.add(a.getEffectId());
          }
        }
      }
    }
    return answered;
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<String, SpecificRecord> consumer, String topic) {
    List<TopicPartition> out = new ArrayList<>();
    consumer
        .partitionsFor(topic, Duration.ofSeconds(30))
        .forEach(p -> out.add(new TopicPartition(topic, p.partition())));
    return out;
  }

  private KafkaConsumer<String, SpecificRecord> consumer(String bootstrap, String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, SYSTEM + (group == null ? "-reader" : ""));
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    AvroDeserializer<SpecificRecord> values = new AvroDeserializer<>();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
    return new KafkaConsumer<>(config, new StringDeserializer(), values);
  }

  private KafkaProducer<String, SpecificRecord> producer(String bootstrap) {
    AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.CLIENT_ID_CONFIG,
            SYSTEM),
        new StringSerializer(),
        values);
  }

  /** The platform could not take a posting now (down, 5xx): retried, not answered. */
  static final class PlatformUnavailable extends Exception {
    PlatformUnavailable(String message) {
      super(message);
    }
  }
}
