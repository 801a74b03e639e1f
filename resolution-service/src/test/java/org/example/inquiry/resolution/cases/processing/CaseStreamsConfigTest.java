package org.example.inquiry.resolution.cases.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.example.inquiry.resolution.cases.CaseWorkflow;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.registry.InMemorySchemaRegistryClient;
import org.example.inquiry.schemas.serde.AvroSerdes;
import org.junit.jupiter.api.Test;

class CaseStreamsConfigTest {

  /** Every topic the topology reads. */
  private static Set<String> sources() {
    StreamsBuilder builder = new StreamsBuilder();
    CaseTopology.build(
        builder,
        AvroSerdes.specific(new InMemorySchemaRegistryClient(), false),
        new CaseWorkflow(Map.of(), 0.75),
        Clock.systemUTC(),
        Duration.ofMinutes(1),
        "test-policy",
        CaseTopology.Indexing.of(null),
        new LedgerChanges());
    TopologyDescription description = builder.build().describe();
    Set<String> topics = new TreeSet<>();
    description
        .subtopologies()
        .forEach(
            s ->
                s.nodes().stream()
                    .filter(TopologyDescription.Source.class::isInstance)
                    .forEach(n -> topics.addAll(((TopologyDescription.Source) n).topicSet())));
    description.globalStores().forEach(g -> topics.addAll(g.source().topicSet()));
    return topics;
  }

  @Test
  void streamsWaitForEveryTopicTheyReadThatAnotherServiceCreates() {
    Set<String> others = sources();
    Topics.ownedBy(Topics.RESOLUTION).stream().map(TopicSpec::name).forEach(others::remove);

    assertThat(others).contains(Topics.ATTACHMENT_CONTENTS.name(), Topics.CUSTOMERS.name());
    assertThat(new CaseStreamsConfig().caseInputs().names()).containsAll(others);
  }
}
