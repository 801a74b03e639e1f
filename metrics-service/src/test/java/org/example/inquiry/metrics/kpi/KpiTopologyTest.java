package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.registry.InMemorySchemaRegistryClient;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.example.inquiry.schemas.serde.CheckedAvroDeserializer;
import org.example.inquiry.testing.Events;
import org.junit.jupiter.api.Test;

/**
 * Known event sequences through the KPI topology (TopologyTestDriver, a registry in memory, the
 * service's checked deserializer): no broker.
 */
class KpiTopologyTest {

  static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
  final Serde<SpecificRecord> serde = checkedSerde();

  static Serde<SpecificRecord> checkedSerde() {
    Serde<SpecificRecord> serde =
        Serdes.serdeFrom(
            new AvroSerializer<>(REGISTRY), new CheckedAvroDeserializer<SpecificRecord>(REGISTRY));
    serde.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
    return serde;
  }

  static final Instant T0 = Events.RECEIVED_AT;

  List<Object[]> sequence() {
    List<Object[]> events = new ArrayList<>();
    for (String id : List.of("a", "b")) {
      events.add(new Object[] {"inquiries-received", id, Events.aReceivedInquiry(id)});
    }
    // A late event: b's resolution arrives before its routing and first response.
    events.add(
        new Object[] {
          "inquiries-resolved",
          "b",
          resolved("b", T0.plus(Duration.ofHours(3)), false, List.of("operations", "billing"))
        });
    events.add(
        new Object[] {"inquiries-routed", "b", Events.aRoutedInquiry("b", T0.plusSeconds(2))});
    events.add(
        new Object[] {
          "inquiries-worked", "b", worked("b", "FIRST_RESPONDED", T0.plus(Duration.ofHours(1)))
        });
    events.add(
        new Object[] {"inquiries-routed", "a", Events.aRoutedInquiry("a", T0.plusSeconds(2))});
    events.add(
        new Object[] {
          "inquiries-worked", "a", worked("a", "FIRST_RESPONDED", T0.plus(Duration.ofMinutes(30)))
        });
    events.add(
        new Object[] {
          "inquiries-resolved",
          "a",
          resolved("a", T0.plus(Duration.ofHours(1)), true, List.of("operations", "billing"))
        });
    // a is reopened after its resolution.
    events.add(
        new Object[] {
          "inquiries-worked", "a", worked("a", "REOPENED", T0.plus(Duration.ofHours(2)))
        });
    return events;
  }

  static InquiryWorked worked(String id, String activity, Instant at) {
    return InquiryWorked.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(id)
        .setOccurredAt(at)
        .setActivity(activity)
        .setActor("omar")
        .build();
  }

  static InquiryResolved resolved(String id, Instant at, boolean fcr, List<String> teams) {
    return InquiryResolved.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(id)
        .setOccurredAt(at)
        .setContext(
            InquiryContext.newBuilder()
                .setReceivedAt(T0)
                .setChannel(Channel.PORTAL)
                .setKycStatus(KycStatus.VERIFIED)
                .setSenderIsRegisteredContact(CheckOutcome.PASSED)
                .build())
        .setResolvedBy("omar")
        .setResolutionCode("ADJUSTED")
        .setRootCause("carrier delay")
        .setTeams(teams)
        .setFirstContactResolution(fcr)
        .build();
  }

  List<InquiryFacts> run(List<Object[]> events) {
    StreamsBuilder builder = new StreamsBuilder();
    KpiTopology.build(builder, serde);
    Properties config = new Properties();
    config.put("application.id", "kpi-topology-test");
    config.put("bootstrap.servers", "unused:9092");
    // The service dead-letters what fails to deserialize (platform handler); here: skip it.
    config.put("deserialization.exception.handler", LogAndContinueExceptionHandler.class);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      for (Object[] e : events) {
        driver
            .createInputTopic((String) e[0], Serdes.String().serializer(), serde.serializer())
            .pipeInput((String) e[1], (SpecificRecord) e[2]);
      }
      KeyValueStore<String, InquiryFacts> store = driver.getKeyValueStore(KpiTopology.FACTS_STORE);
      List<InquiryFacts> facts = new ArrayList<>();
      store.all().forEachRemaining(kv -> facts.add(kv.value));
      KeyValueStore<String, Long> counts = driver.getKeyValueStore(KpiTopology.STAGE_COUNTS);
      assertThat(counts.get("received")).isEqualTo(2L);
      assertThat(counts.get("worked")).isEqualTo(3L);
      return facts;
    }
  }

  @Test
  void eventsInAnyOrderGiveExactKpisWithReopeningAndTwoTeams() {
    List<InquiryFacts> facts = run(sequence());
    Instant now = T0.plus(Duration.ofDays(1));

    var all =
        KpiCalculator.compute(
                facts, T0.minus(Duration.ofDays(1)), now, now, KpiCalculator.GroupBy.NONE)
            .get("all");
    assertThat(all.received()).isEqualTo(2);
    assertThat(all.resolved()).isEqualTo(1); // a was reopened
    assertThat(all.openBacklog()).isEqualTo(1);
    assertThat(all.firstContactResolutionRate())
        .isEqualTo(0.0); // b: follow-up after first response
    assertThat(all.firstResponseSeconds())
        .isEqualTo(new KpiCalculator.Durations(2, 2700.0, 1800L, 3600L));
    assertThat(all.resolutionSeconds().average()).isEqualTo(10800.0);
    var byTeam =
        KpiCalculator.compute(
            facts, T0.minus(Duration.ofDays(1)), now, now, KpiCalculator.GroupBy.TEAM);
    assertThat(byTeam.get("operations").resolved()).isEqualTo(1);
    assertThat(byTeam.get("billing").resolved()).isEqualTo(1);
  }

  @Test
  void replayingTheSameLogGivesIdenticalKpis() {
    Instant now = T0.plus(Duration.ofDays(1));
    var first =
        KpiCalculator.compute(
            run(sequence()), T0.minus(Duration.ofDays(1)), now, now, KpiCalculator.GroupBy.TEAM);
    var replayed =
        KpiCalculator.compute(
            run(sequence()), T0.minus(Duration.ofDays(1)), now, now, KpiCalculator.GroupBy.TEAM);

    assertThat(replayed).isEqualTo(first);
  }

  @Test
  void aTombstoneIsNoStageEvent() {
    List<Object[]> events = sequence();
    events.add(new Object[] {"inquiries-received", "c", null});
    events.add(new Object[] {"inquiries-worked", "c", null});

    List<InquiryFacts> facts = run(events); // asserts received 2, worked 3

    assertThat(facts).extracting(f -> f.inquiryId).doesNotContain("c");
  }
}
