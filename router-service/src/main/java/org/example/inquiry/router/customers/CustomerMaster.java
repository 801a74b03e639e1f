package org.example.inquiry.router.customers;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The customer master as the router sees it: a global table of the compacted customers topic on
 * every router instance (lifetime value, payback, risk rating, account manager).
 */
@Component
public class CustomerMaster {

  static final String STORE = "customer-master";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  private final StreamsBuilderFactoryBean streams;

  CustomerMaster(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  /** The customer, waiting (up to two minutes) while the view is still loading at start-up. */
  public Optional<Customer> byId(String customerId) {
    if (customerId == null) {
      return Optional.empty();
    }
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      KafkaStreams kafkaStreams = streams.getKafkaStreams();
      if (kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING) {
        try {
          ReadOnlyKeyValueStore<String, Customer> store =
              kafkaStreams.store(
                  StoreQueryParameters.fromNameAndType(
                      STORE, QueryableStoreTypes.<String, Customer>keyValueStore()));
          return Optional.ofNullable(store.get(customerId));
        } catch (InvalidStateStoreException e) {
          // rebalancing: try again below
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The customer master view is not available after " + READY_TIMEOUT);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the customer master", e);
      }
    }
  }

  /** Wires the global table into the router's Kafka Streams. */
  @Configuration(proxyBeanMethods = false)
  static class Topology {

    @Bean
    Object customerMasterTable(StreamsBuilder builder, AvroSerdeSettings registry) {
      builder.globalTable(
          Topics.CUSTOMERS.name(),
          Consumed.with(Serdes.String(), registry.<Customer>serde()),
          Materialized.as(STORE));
      return STORE;
    }

    @Bean
    StreamsInputTopics routerStreamsInputs() {
      return StreamsInputTopics.of(
          Topics.CUSTOMERS.name(),
          Topics.INQUIRIES_ROUTED.name(),
          Topics.INQUIRIES_RESOLVED.name(),
          Topics.ROUTER_OPEN_LOAD.name());
    }
  }
}
