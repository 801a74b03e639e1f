package org.example.inquiry.metrics.kpi;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * Counts lifecycle events per stage from the log (received, classified, routed, approved, resolved)
 * into the {@value #STAGE_COUNTS} store. The whole KPI set grows from the same log, so resetting
 * the application and replaying gives the same numbers.
 */
public final class StageCountTopology {

  public static final String STAGE_COUNTS = "stage-counts";

  /** The lifecycle topics and the stage each one records. */
  public static final List<TopicSpec> LIFECYCLE =
      List.of(
          Topics.INQUIRIES_RECEIVED,
          Topics.INQUIRIES_CLASSIFIED,
          Topics.INQUIRIES_ROUTED,
          Topics.INQUIRIES_APPROVED,
          Topics.INQUIRIES_RESOLVED);

  private StageCountTopology() {}

  /** "inquiries-received" is the stage "received". */
  public static String stageOf(String topic) {
    return topic.substring(topic.indexOf('-') + 1);
  }

  public static void build(StreamsBuilder builder, Serde<SpecificRecord> avro) {
    builder.stream(
            LIFECYCLE.stream().map(TopicSpec::name).toList(), Consumed.with(Serdes.String(), avro))
        .process(TopicTagger::new)
        .map((topic, inquiryId) -> KeyValue.pair(stageOf(topic), inquiryId))
        .groupByKey(Grouped.with("by-stage", Serdes.String(), Serdes.String()))
        .count(
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(STAGE_COUNTS)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()));
  }
}
