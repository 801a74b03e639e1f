package org.example.inquiry.intake.customers;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.schemas.Customer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The customer master view: a global store of the compacted {@code customers} topic on every intake
 * instance, indexed by id, contact email and email domain.
 */
@Component
class CustomerDirectory implements CustomerLookup {

  private static final JsonSerde<CustomerProfile> PROFILE = new JsonSerde<>(CustomerProfile.class);

  private final StreamsBuilderFactoryBean streams;

  CustomerDirectory(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Optional<CustomerProfile> byId(String customerId) {
    return Optional.ofNullable(store().get(CustomerDirectoryTopology.idKey(customerId)))
        .map(json -> PROFILE.deserializer().deserialize(null, json));
  }

  @Override
  public Optional<CustomerProfile> byContactEmail(String email) {
    return Optional.ofNullable(store().get(CustomerDirectoryTopology.emailKey(email)))
        .flatMap(id -> byId(new String(id, java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Override
  public Optional<CustomerProfile> byEmailDomain(String domain) {
    return Optional.ofNullable(store().get(CustomerDirectoryTopology.domainKey(domain)))
        .flatMap(id -> byId(new String(id, java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** The full customer master record, as the compacted topic has it now. */
  Optional<Customer> record(String customerId) {
    return Optional.ofNullable(store().get(CustomerDirectoryTopology.recordKey(customerId)))
        .map(
            bytes -> {
              try {
                return Customer.fromByteBuffer(java.nio.ByteBuffer.wrap(bytes));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  private ReadOnlyKeyValueStore<String, byte[]> store() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new CustomerMasterUnavailableException("Kafka Streams has not started");
    }
    try {
      return kafkaStreams.store(
          StoreQueryParameters.fromNameAndType(
              CustomerDirectoryTopology.STORE,
              QueryableStoreTypes.<String, byte[]>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new CustomerMasterUnavailableException(e.getMessage());
    }
  }
}
