package org.example.inquiry.router.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.example.inquiry.router.assignment.OpenAssignments.Assignees;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Open inquiries per assigned agent, a Kafka Streams view of the workflow's own events, in the
 * router's Streams application (exactly-once, with the platform's dead letters): a processor keyed
 * by inquiry keeps each open inquiry's assignees ({@value #ASSIGNMENTS_STORE}) from {@code
 * inquiries-routed} and {@code inquiries-resolved} and emits the change per agent; the changes are
 * summed per agent and written to the compacted {@code router-open-load}, which every router
 * instance reads back as a global table ({@value #LOAD_STORE}). State restores from changelogs, so
 * a restart does not re-read the history. A read model for balancing load, a few moments behind.
 */
@Component
public class OpenLoad {

  static final String ASSIGNMENTS_STORE = "open-assignments";
  static final String LOAD_STORE = "open-load";

  private final KeyValueView<Integer> load;

  OpenLoad(StoreQueries stores) {
    this.load = stores.keyValue(LOAD_STORE, "The open-load view");
  }

  /** Open inquiries per agent, now (empty while the view is not available). */
  public Map<String, Integer> snapshot() {
    try {
      return new HashMap<>(load.entries());
    } catch (StoreUnavailableException e) {
      // rebalancing: balance on what we know (nothing) rather than block routing
      return new HashMap<>();
    }
  }

  static Assignees assigneesOf(InquiryRouted routed) {
    List<String> agents =
        routed.getTeams().stream().map(TeamAssignment::getAssignee).filter(a -> a != null).toList();
    return new Assignees(agents);
  }

  /** Keyed by inquiry: stores the assignees of open inquiries, emits +1/-1 per agent. */
  static final class AssignmentsProcessor
      implements Processor<String, SpecificRecord, String, Integer> {

    private KeyValueStore<String, Assignees> open;
    private ProcessorContext<String, Integer> context;

    @Override
    public void init(ProcessorContext<String, Integer> context) {
      this.context = context;
      this.open = context.getStateStore(ASSIGNMENTS_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
      if (record.key() == null) {
        return;
      }
      Assignees before = open.get(record.key());
      Assignees after;
      if (record.value() instanceof InquiryRouted routed) {
        after = assigneesOf(routed);
        open.put(record.key(), after);
      } else if (record.value() instanceof InquiryResolved) {
        after = null;
        open.delete(record.key());
      } else {
        return;
      }
      OpenAssignments.deltas(before, after)
          .forEach((agent, delta) -> context.forward(record.withKey(agent).withValue(delta)));
    }
  }

  /** Wires the view into the router's Kafka Streams. */
  @Configuration(proxyBeanMethods = false)
  static class Topology {

    @Bean
    Object openLoadView(StreamsBuilder builder, AvroSerdeSettings registry) {
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(ASSIGNMENTS_STORE),
              Serdes.String(),
              new JsonSerde<>(Assignees.class)));
      builder.stream(
              List.of(Topics.INQUIRIES_ROUTED.name(), Topics.INQUIRIES_RESOLVED.name()),
              Consumed.with(Serdes.String(), registry.<SpecificRecord>serde()))
          .process(AssignmentsProcessor::new, ASSIGNMENTS_STORE)
          .groupByKey(Grouped.with("open-load-by-agent", Serdes.String(), Serdes.Integer()))
          .reduce(
              Integer::sum,
              Materialized.<String, Integer, KeyValueStore<Bytes, byte[]>>as("open-load-sums")
                  .withKeySerde(Serdes.String())
                  .withValueSerde(Serdes.Integer()))
          .toStream()
          .to(Topics.ROUTER_OPEN_LOAD.name(), Produced.with(Serdes.String(), Serdes.Integer()));
      builder.globalTable(
          Topics.ROUTER_OPEN_LOAD.name(),
          Consumed.with(Serdes.String(), Serdes.Integer()),
          Materialized.<String, Integer, KeyValueStore<Bytes, byte[]>>as(LOAD_STORE)
              .withKeySerde(Serdes.String())
              .withValueSerde(Serdes.Integer()));
      return LOAD_STORE;
    }
  }
}
