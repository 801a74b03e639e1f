package org.example.inquiry.resolution.cases.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.resolution.cases.CaseWorkflow;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.registry.InMemorySchemaRegistryClient;
import org.example.inquiry.schemas.serde.AvroSerdes;

/**
 * The case topology under TopologyTestDriver with a registry in memory: no broker, no Spring. Input
 * goes to the catalogue's topics; the output topics and the cases store are read back directly.
 */
final class CaseTopologyDriver implements AutoCloseable {

  final Serde<SpecificRecord> avro = AvroSerdes.specific(new InMemorySchemaRegistryClient(), false);
  final TopologyTestDriver driver;
  private final Path stateDir;

  CaseTopologyDriver(Clock clock, Duration slaCheckInterval) {
    this(clock, slaCheckInterval, CaseTopology.Indexing.of(null));
  }

  /** {@code indexing}: how the case index is rebuilt (a null version: at every start). */
  CaseTopologyDriver(Clock clock, Duration slaCheckInterval, CaseTopology.Indexing indexing) {
    this(clock, slaCheckInterval, indexing, new LedgerChanges());
  }

  /** {@code ledgerChanges}: what the ledger watch reads of the ledger feed (a capacity to test). */
  CaseTopologyDriver(
      Clock clock,
      Duration slaCheckInterval,
      CaseTopology.Indexing indexing,
      LedgerChanges ledgerChanges) {
    StreamsBuilder builder = new StreamsBuilder();
    CaseTopology.build(
        builder,
        avro,
        new CaseWorkflow(Map.of(), 0.75),
        clock,
        slaCheckInterval,
        "test-policy",
        indexing,
        ledgerChanges);
    Properties config = new Properties();
    config.put("application.id", "case-topology-" + UUID.randomUUID());
    config.put("bootstrap.servers", "unused:9092");
    stateDir = Path.of(System.getProperty("java.io.tmpdir"), "case-topology-" + UUID.randomUUID());
    config.put("state.dir", stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), config);
  }

  void pipe(TopicSpec topic, String key, SpecificRecord value) {
    driver
        .createInputTopic(topic.name(), Serdes.String().serializer(), avro.serializer())
        .pipeInput(key, value);
  }

  /** Every record written to the topic so far (and not read before). */
  <T extends SpecificRecord> List<T> read(TopicSpec topic) {
    TestOutputTopic<String, SpecificRecord> output =
        driver.createOutputTopic(topic.name(), Serdes.String().deserializer(), avro.deserializer());
    List<T> values = new ArrayList<>();
    for (SpecificRecord value : output.readValuesToList()) {
      @SuppressWarnings("unchecked")
      T typed = (T) value;
      values.add(typed);
    }
    return values;
  }

  /** Every record written to the topic so far (and not read before), with its key. */
  List<org.apache.kafka.streams.KeyValue<String, SpecificRecord>> readKeyValues(TopicSpec topic) {
    return driver
        .createOutputTopic(topic.name(), Serdes.String().deserializer(), avro.deserializer())
        .readKeyValuesToList();
  }

  KeyValueStore<String, InquiryCase> cases() {
    return driver.getKeyValueStore(CaseTopology.CASES_STORE);
  }

  @Override
  public void close() {
    driver.close();
    // The driver empties its state directory but leaves it behind.
    try (Stream<Path> left = Files.walk(stateDir)) {
      left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // already gone
    }
  }
}
