package org.example.inquiry.metrics.kpi;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * Reads every inquiry topic and keeps, per inquiry, its {@link InquiryFacts} ({@value
 * #FACTS_STORE}), plus the count of events per topic ({@value #STAGE_COUNTS}) for pipeline
 * throughput. Both stores are changelogged, so a restart loses nothing; resetting the application
 * and replaying the log rebuilds the same facts, hence the same KPIs.
 */
public final class KpiTopology {

  public static final String FACTS_STORE = "inquiry-facts";
  public static final String STAGE_COUNTS = "stage-counts";
  public static final String DEAD_LETTERS = "dead-letters";

  /** Dead-letter topics, matched by name as they appear. */
  public static final Pattern DEAD_LETTER_PATTERN = Pattern.compile(".+" + Topics.DLT_SUFFIX);

  /** Every dead-letter topic of the catalogue; metrics counts what lands there. */
  public static final List<String> DEAD_LETTER_TOPICS =
      Topics.all().stream().filter(TopicSpec::isDeadLetter).map(TopicSpec::name).toList();

  /** The topics read: the lifecycle, with case work, follow-ups and ratings. */
  public static final List<TopicSpec> INPUTS = Topics.INQUIRY_LIFECYCLE;

  private KpiTopology() {}

  /** "inquiries-received" is the stage "received". */
  public static String stageOf(String topic) {
    return topic.substring(topic.indexOf('-') + 1);
  }

  public static void build(StreamsBuilder builder, Serde<SpecificRecord> avro) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FACTS_STORE),
                Serdes.String(),
                new InquiryFactsSerde())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STAGE_COUNTS), Serdes.String(), Serdes.Long())
            .withCachingEnabled());
    builder.stream(
            INPUTS.stream().map(TopicSpec::name).toList(), Consumed.with(Serdes.String(), avro))
        .process(FactsProcessor::new, FACTS_STORE, STAGE_COUNTS);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DEAD_LETTERS), Serdes.String(), Serdes.Long()));
    // By pattern: dead-letter topics appear as their owners start, and none is required to exist.
    builder.stream(DEAD_LETTER_PATTERN, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .process(DeadLetterCounter::new, DEAD_LETTERS);
  }

  /** Counts dead letters per topic; their bytes are never parsed here. */
  static final class DeadLetterCounter implements Processor<String, byte[], Void, Void> {
    private KeyValueStore<String, Long> counts;
    private ProcessorContext<Void, Void> context;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.context = context;
      this.counts = context.getStateStore(DEAD_LETTERS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
      Long count = counts.get(topic);
      counts.put(topic, count == null ? 1 : count + 1);
    }
  }

  static final class FactsProcessor implements Processor<String, SpecificRecord, Void, Void> {

    private KeyValueStore<String, InquiryFacts> facts;
    private KeyValueStore<String, Long> counts;
    private ProcessorContext<Void, Void> context;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.context = context;
      this.facts = context.getStateStore(FACTS_STORE);
      this.counts = context.getStateStore(STAGE_COUNTS);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
      String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown-unknown");
      // A tombstone or keyless record is no stage event (the checked serde dead-letters
      // tombstones on event topics before they get here; this is the last guard).
      if (record.key() == null || record.value() == null) {
        return;
      }
      String stage = stageOf(topic);
      Long count = counts.get(stage);
      counts.put(stage, count == null ? 1 : count + 1);
      facts.put(
          record.key(), FactsFolder.fold(facts.get(record.key()), record.key(), record.value()));
    }
  }
}
