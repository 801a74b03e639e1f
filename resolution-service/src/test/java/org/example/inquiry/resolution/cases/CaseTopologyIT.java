package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.serde.AvroSerdes;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.junit.jupiter.api.Test;

/** The case topology on TopologyTestDriver, with the in-process development registry. */
class CaseTopologyIT {

  private final Serde<InquiryRouted> serde =
      AvroSerdes.specific(KafkaTestEnvironment.get().registryUrl());

  @Test
  void routedEventsFoldIntoTheCaseStoreKeyedByInquiry() {
    StreamsBuilder builder = new StreamsBuilder();
    CaseTopology.build(builder, serde);
    Properties config = new Properties();
    config.put("application.id", "case-topology-test");
    config.put("bootstrap.servers", "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      var routed =
          driver.createInputTopic(
              "inquiries-routed", Serdes.String().serializer(), serde.serializer());
      routed.pipeInput("i-1", Events.aRoutedInquiry("i-1", Instant.parse("2026-11-25T09:00:02Z")));
      routed.pipeInput("i-2", Events.aRoutedInquiry("i-2", Instant.parse("2026-11-25T09:00:03Z")));

      KeyValueStore<String, InquiryCase> cases = driver.getKeyValueStore(CaseTopology.CASES_STORE);

      InquiryCase first = cases.get("i-1");
      assertThat(first.status()).isEqualTo("ROUTED");
      assertThat(first.teams()).containsExactly("operations", "billing");
      assertThat(first.amount()).isEqualByComparingTo("22000");
      assertThat(first.receivedAt()).isEqualTo(Events.RECEIVED_AT);
      assertThat(cases.get("i-2")).isNotNull();
      assertThat(cases.get("i-3")).isNull();
    }
  }
}
