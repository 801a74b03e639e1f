package org.example.inquiry.intake.registration;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.example.inquiry.schemas.InquiryFollowedUp;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * Global stores of the inquiries intake has registered (from its own {@code inquiries-received},
 * keyed by inquiry id, value: customer id or empty) and of those resolved (from {@code
 * inquiries-resolved}, value: resolution time). Only ids and small facts are kept, never bodies.
 * They make submissions idempotent and let follow-ups and feedback find their inquiry; a third
 * keeps follow-up event ids so a repeated follow-up is published once.
 */
public final class InquiryIndexTopology {

  public static final String REGISTERED_STORE = "registered-inquiries";
  public static final String RESOLVED_STORE = "resolved-inquiries";
  public static final String FOLLOW_UP_STORE = "follow-up-events";

  private InquiryIndexTopology() {}

  public static void build(
      StreamsBuilder builder,
      Serde<InquiryReceived> received,
      Serde<InquiryResolved> resolved,
      Serde<InquiryFollowedUp> followedUp) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REGISTERED_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(),
        Topics.INQUIRIES_RECEIVED.name(),
        Consumed.with(Serdes.String(), received),
        () ->
            new Indexer<InquiryReceived>(
                REGISTERED_STORE,
                (key, r) -> key,
                r -> r.getCustomerId() == null ? "" : r.getCustomerId()));
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RESOLVED_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(),
        Topics.INQUIRIES_RESOLVED.name(),
        Consumed.with(Serdes.String(), resolved),
        () ->
            new Indexer<InquiryResolved>(
                RESOLVED_STORE, (key, r) -> key, r -> r.getOccurredAt().toString()));
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FOLLOW_UP_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(),
        Topics.INQUIRIES_FOLLOWED_UP.name(),
        Consumed.with(Serdes.String(), followedUp),
        () ->
            new Indexer<InquiryFollowedUp>(
                FOLLOW_UP_STORE, (key, f) -> f.getEventId(), InquiryFollowedUp::getInquiryId));
  }

  private static final class Indexer<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final BiFunction<String, V, String> key;
    private final Function<V, String> project;
    private KeyValueStore<String, String> store;

    Indexer(String storeName, BiFunction<String, V, String> key, Function<V, String> project) {
      this.storeName = storeName;
      this.key = key;
      this.project = project;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
      if (record.key() != null && record.value() != null) {
        store.put(key.apply(record.key(), record.value()), project.apply(record.value()));
      }
    }
  }
}
