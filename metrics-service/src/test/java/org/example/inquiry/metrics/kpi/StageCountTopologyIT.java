package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.schemas.serde.AvroSerdes;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.junit.jupiter.api.Test;

class StageCountTopologyIT {

  private final Serde<SpecificRecord> serde =
      AvroSerdes.specific(KafkaTestEnvironment.get().registryUrl());

  @Test
  void countsEachLifecycleStageFromItsTopic() {
    StreamsBuilder builder = new StreamsBuilder();
    StageCountTopology.build(builder, serde);
    Properties config = new Properties();
    config.put("application.id", "stage-count-test");
    config.put("bootstrap.servers", "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      var received =
          driver.createInputTopic(
              "inquiries-received", Serdes.String().serializer(), serde.serializer());
      var routed =
          driver.createInputTopic(
              "inquiries-routed", Serdes.String().serializer(), serde.serializer());
      received.pipeInput("a", Events.aReceivedInquiry("a"));
      received.pipeInput("b", Events.aReceivedInquiry("b"));
      routed.pipeInput("a", Events.aRoutedInquiry("a", Instant.now()));

      KeyValueStore<String, Long> counts = driver.getKeyValueStore(StageCountTopology.STAGE_COUNTS);

      assertThat(counts.get("received")).isEqualTo(2L);
      assertThat(counts.get("routed")).isEqualTo(1L);
      assertThat(counts.get("resolved")).isNull();
    }
  }

  @Test
  void stageIsTheTopicNameAfterTheEntity() {
    assertThat(StageCountTopology.stageOf("inquiries-classified")).isEqualTo("classified");
  }
}
