package org.example.inquiry.router.customers;

import java.time.Clock;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.example.inquiry.router.config.RoutingConfiguration;
import org.example.inquiry.router.customers.FinancialProfiles.Effects;
import org.example.inquiry.router.customers.FinancialProfiles.Ledger;
import org.example.inquiry.router.customers.FinancialProfiles.LedgerFact;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Customers' financial profiles in the router's Kafka Streams (exactly-once, with the platform's
 * dead letters): the {@code open-items} table is regrouped by customer and folded into each
 * customer's open receivables and payment history; the customer-keyed {@code
 * financial-effects-approved} stream is folded into the value their approved effects booked; the
 * two aggregates are joined and written to the compacted {@code customer-financial-profiles}, which
 * every router instance reads back as a global table ({@value #STORE}) for the priority, and
 * resolution for the case. A read model, a few moments behind the ledger.
 */
@Component
public class CustomerFinances {

  static final String STORE = "customer-financial-profiles";

  private final KeyValueView<CustomerFinancialProfile> profiles;

  CustomerFinances(StoreQueries stores) {
    this.profiles = stores.keyValue(STORE, "The customer financial profiles view");
  }

  /** The customer's profile; empty when unknown or while the view is not available. */
  public Optional<CustomerFinancialProfile> byId(String customerId) {
    if (customerId == null) {
      return Optional.empty();
    }
    try {
      return profiles.get(customerId);
    } catch (StoreUnavailableException e) {
      // starting or rebalancing: route on the customer master alone rather than wait
      return Optional.empty();
    }
  }

  /** Builds the profile topology; a plain method so TopologyTestDriver tests need no Spring. */
  public static void build(
      StreamsBuilder builder, Serde<SpecificRecord> avro, RoutingConfiguration.Fx fx, Clock clock) {
    Serde<LedgerFact> facts = new JsonSerde<>(LedgerFact.class);
    KTable<String, Ledger> ledgers =
        builder
            .table(
                Topics.OPEN_ITEMS.name(),
                Consumed.with(Serdes.String(), avro),
                Materialized.<String, SpecificRecord, KeyValueStore<Bytes, byte[]>>as(
                        "ledger-documents")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(avro))
            .groupBy(
                (document, value) ->
                    value instanceof OpenItem item
                        ? KeyValue.pair(
                            item.getCustomerId(), FinancialProfiles.fact(item, fx::toBase))
                        : KeyValue.pair(null, LedgerFact.NOTHING),
                Grouped.with("ledger-by-customer", Serdes.String(), facts))
            .aggregate(
                Ledger::empty,
                (customer, fact, ledger) -> FinancialProfiles.add(ledger, fact),
                (customer, fact, ledger) -> FinancialProfiles.subtract(ledger, fact),
                Materialized.<String, Ledger, KeyValueStore<Bytes, byte[]>>as("customer-ledgers")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new JsonSerde<>(Ledger.class)));
    KTable<String, Effects> effects =
        builder.stream(
                Topics.FINANCIAL_EFFECTS_APPROVED.name(), Consumed.with(Serdes.String(), avro))
            .filter(
                (customer, value) -> customer != null && value instanceof FinancialEffectApproved)
            .groupByKey(Grouped.with("effects-by-customer", Serdes.String(), avro))
            .aggregate(
                Effects::none,
                (customer, effect, sums) ->
                    FinancialProfiles.add(sums, (FinancialEffectApproved) effect),
                Materialized.<String, Effects, KeyValueStore<Bytes, byte[]>>as("customer-effects")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new JsonSerde<>(Effects.class)));
    ledgers
        .outerJoin(effects, Both::new)
        .toStream()
        .mapValues(
            (customer, both) ->
                both == null
                    ? null
                    : (SpecificRecord)
                        FinancialProfiles.profile(
                            customer,
                            both.ledger(),
                            both.effects(),
                            fx.baseCurrency(),
                            clock.instant()))
        .to(Topics.CUSTOMER_FINANCIAL_PROFILES.name(), Produced.with(Serdes.String(), avro));
    builder.globalTable(
        Topics.CUSTOMER_FINANCIAL_PROFILES.name(),
        Consumed.with(Serdes.String(), avro),
        Materialized.<String, SpecificRecord, KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(avro));
  }

  /** Both sides of a customer's profile, either possibly null. */
  record Both(Ledger ledger, Effects effects) {}

  /** Wires the profiles into the router's Kafka Streams. */
  @Configuration(proxyBeanMethods = false)
  static class Topology {

    @Bean
    Object customerFinancialProfiles(
        StreamsBuilder builder, AvroSerdeSettings registry, RoutingConfiguration.Fx fx) {
      build(builder, registry.<SpecificRecord>serde(), fx, Clock.systemUTC());
      return STORE;
    }
  }
}
