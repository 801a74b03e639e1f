package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroSerdes;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The event log is the system of record: replaying the same routed inquiries and commands into a
 * fresh case processor (no state, as after a reset or on a new instance) rebuilds exactly the same
 * case views (TopologyTestDriver, in-process registry).
 */
class CaseReplayIT {

  final Serde<SpecificRecord> avro = AvroSerdes.specific(KafkaTestEnvironment.get().registryUrl());
  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

  List<Object[]> log() {
    List<Object[]> log = new ArrayList<>();
    for (String id : List.of("replay-a", "replay-b", "replay-c")) {
      log.add(new Object[] {Topics.INQUIRIES_ROUTED.name(), id, Events.aRoutedInquiry(id, T0)});
    }
    log.add(command("replay-a", "CLAIM", "omar", T0.plusSeconds(60), null));
    log.add(command("replay-a", "REPLY", "omar", T0.plusSeconds(120), "We are on it."));
    log.add(command("replay-b", "CLAIM", "olga", T0.plusSeconds(90), null));
    log.add(command("replay-b", "NOTE", "olga", T0.plusSeconds(150), "Carrier contacted."));
    log.add(command("replay-a", "RESOLVE", "omar", T0.plusSeconds(600), null));
    return log;
  }

  static Object[] command(String id, String type, String actor, Instant at, String text) {
    InquiryCommand.Builder c =
        InquiryCommand.newBuilder()
            .setCommandId(UUID.nameUUIDFromBytes((id + type + at).getBytes()).toString())
            .setInquiryId(id)
            .setIssuedAt(at)
            .setActor(actor)
            .setRoles(List.of("agent"))
            .setType(type)
            .setText(text);
    if (type.equals("RESOLVE")) {
      c.setResolutionCode("ANSWERED").setRootCause("carrier delay");
    }
    return new Object[] {Topics.INQUIRY_COMMANDS.name(), id, c.build()};
  }

  Map<String, String> replay(List<Object[]> log) {
    StreamsBuilder builder = new StreamsBuilder();
    CaseTopology.build(
        builder,
        avro,
        new CaseWorkflow(Map.of(), 0.75),
        Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC),
        Duration.ofHours(1),
        "test");
    Properties config = new Properties();
    config.put("application.id", "case-replay-" + UUID.randomUUID());
    config.put("bootstrap.servers", "unused:9092");
    config.put(
        "state.dir", System.getProperty("java.io.tmpdir") + "/case-replay-" + UUID.randomUUID());
    Map<String, String> cases = new TreeMap<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      for (Object[] e : log) {
        driver
            .createInputTopic((String) e[0], Serdes.String().serializer(), avro.serializer())
            .pipeInput((String) e[1], (SpecificRecord) e[2]);
      }
      KeyValueStore<String, InquiryCase> store = driver.getKeyValueStore(CaseTopology.CASES_STORE);
      var json = new JsonSerde<>(InquiryCase.class).serializer();
      store
          .all()
          .forEachRemaining(kv -> cases.put(kv.key, new String(json.serialize("cases", kv.value))));
    }
    return cases;
  }

  @Test
  void replayingTheLogRebuildsTheSameCaseViews() {
    Map<String, String> first = replay(log());
    Map<String, String> replayed = replay(log());

    assertThat(first).containsOnlyKeys("replay-a", "replay-b", "replay-c");
    assertThat(first.get("replay-a")).contains("RESOLVED");
    assertThat(replayed).isEqualTo(first);
  }
}
