package org.example.inquiry.classifier.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.LabelledExample;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.registry.InMemorySchemaRegistryClient;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.example.inquiry.testing.Events;
import org.junit.jupiter.api.Test;

/** The labelled history without a broker: corrections at once, confirmations replace them. */
class LabelledHistoryTopologyTest {

  static final Instant AT = Events.RECEIVED_AT.plus(Duration.ofHours(1));

  @Test
  void anAgentsCorrectionIsALabelledExampleAtOnceAndTheResolutionReplacesIt() {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Serde<SpecificRecord> avro =
        Serdes.serdeFrom(new AvroSerializer<>(registry), new AvroDeserializer<>(registry));
    avro.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
    StreamsBuilder builder = new StreamsBuilder();
    LabelledHistoryTopology.build(builder, avro);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "labelled-history-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      var received =
          driver.createInputTopic(
              Topics.INQUIRIES_RECEIVED.name(), Serdes.String().serializer(), avro.serializer());
      var worked =
          driver.createInputTopic(
              Topics.INQUIRIES_WORKED.name(), Serdes.String().serializer(), avro.serializer());
      var resolved =
          driver.createInputTopic(
              Topics.INQUIRIES_RESOLVED.name(), Serdes.String().serializer(), avro.serializer());
      var examples =
          driver.createOutputTopic(
              Topics.CLASSIFIER_LABELLED_EXAMPLES.name(),
              Serdes.String().deserializer(),
              avro.deserializer());

      received.pipeInput("i-1", Events.aReceivedInquiry("i-1"));
      worked.pipeInput("i-1", worked("i-1", "NOTE_ADDED", null));
      worked.pipeInput("i-1", worked("i-1", "RECLASSIFIED", List.of()));
      worked.pipeInput("i-1", worked("i-1", "RECLASSIFIED", List.of("dispute", " credit-note ")));
      worked.pipeInput("i-2", worked("i-2", "RECLASSIFIED", List.of("dispute"))); // no text
      var corrections = examples.readKeyValuesToList();
      assertThat(corrections).hasSize(1);
      LabelledExample correction = (LabelledExample) corrections.get(0).value;
      assertThat(corrections.get(0).key).isEqualTo("i-1");
      assertThat(correction.getTypes()).containsExactly("dispute", "credit-note");
      assertThat(correction.getSource()).isEqualTo(LabelledHistoryTopology.AGENT_CORRECTED);
      assertThat(correction.getResolvedBy()).isEqualTo("omar");
      assertThat(correction.getText()).isNotBlank();

      resolved.pipeInput(
          "i-1",
          InquiryResolved.newBuilder()
              .setEventId(UUID.randomUUID().toString())
              .setInquiryId("i-1")
              .setOccurredAt(AT.plus(Duration.ofHours(2)))
              .setContext(Events.contextOf(Events.aReceivedInquiry("i-1")))
              .setResolvedBy("omar")
              .setResolutionCode("ANSWERED")
              .setConfirmedTypes(List.of("dispute", "credit-note"))
              .setFirstContactResolution(false)
              .build());
      LabelledExample confirmed = (LabelledExample) examples.readValue();
      assertThat(confirmed.getSource()).isEqualTo(LabelledHistoryTopology.AGENT_CONFIRMED);
      assertThat(confirmed.getInquiryId()).isEqualTo("i-1");
    }
  }

  static InquiryWorked worked(String id, String activity, List<String> types) {
    return InquiryWorked.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(id)
        .setOccurredAt(AT)
        .setActivity(activity)
        .setActor("omar")
        .setCorrectedTypes(types)
        .build();
  }
}
