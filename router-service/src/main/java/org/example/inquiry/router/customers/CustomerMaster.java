package org.example.inquiry.router.customers;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The customer master as the router sees it: a global table of the compacted customers topic on
 * every router instance (lifetime value, payback, risk rating, account manager).
 */
@Component
public class CustomerMaster {

  static final String STORE = "customer-master";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  private final KeyValueView<Customer> customers;

  CustomerMaster(StoreQueries stores) {
    this.customers = stores.keyValue(STORE, "The customer master view");
  }

  /** The customer, waiting (up to two minutes) while the view is still loading at start-up. */
  public Optional<Customer> byId(String customerId) {
    return customerId == null ? Optional.empty() : customers.getWaiting(customerId, READY_TIMEOUT);
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
          Topics.ROUTER_OPEN_LOAD.name(),
          Topics.OPEN_ITEMS.name(),
          Topics.FINANCIAL_EFFECTS_APPROVED.name(),
          Topics.CUSTOMER_FINANCIAL_PROFILES.name());
    }
  }
}
