package org.example.inquiry.resolution.cases.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.junit.jupiter.api.Test;

/**
 * The event log is the system of record: replaying the same routed inquiries and commands into a
 * fresh case processor (no state, as after a reset or on a new instance) rebuilds exactly the same
 * case views.
 */
class CaseReplayTest {

  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

  record Logged(TopicSpec topic, String key, SpecificRecord value) {}

  List<Logged> log() {
    List<Logged> log = new ArrayList<>();
    for (String id : List.of("replay-a", "replay-b", "replay-c")) {
      log.add(new Logged(Topics.INQUIRIES_ROUTED, id, Events.aRoutedInquiry(id, T0)));
    }
    log.add(command("replay-a", "CLAIM", "omar", T0.plusSeconds(60), null));
    log.add(command("replay-a", "REPLY", "omar", T0.plusSeconds(120), "We are on it."));
    log.add(command("replay-b", "CLAIM", "olga", T0.plusSeconds(90), null));
    log.add(command("replay-b", "NOTE", "olga", T0.plusSeconds(150), "Carrier contacted."));
    log.add(command("replay-a", "RESOLVE", "omar", T0.plusSeconds(600), null));
    return log;
  }

  static Logged command(String id, String type, String actor, Instant at, String text) {
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
    return new Logged(Topics.INQUIRY_COMMANDS, id, c.build());
  }

  Map<String, String> replay(List<Logged> log) {
    Map<String, String> cases = new TreeMap<>();
    try (CaseTopologyDriver topology =
        new CaseTopologyDriver(
            Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC), Duration.ofHours(1))) {
      log.forEach(e -> topology.pipe(e.topic(), e.key(), e.value()));
      var json = CaseJson.serde().serializer();
      topology
          .cases()
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
