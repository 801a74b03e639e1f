package org.example.inquiry.intake.customers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.schemas.Customer;
import org.springframework.stereotype.Component;

/**
 * The customer master view: a global store of the compacted {@code customers} topic on every intake
 * instance, indexed by id, contact email and email domain.
 */
@Component
class CustomerDirectory implements CustomerLookup {

  private static final JsonSerde<CustomerProfile> PROFILE = new JsonSerde<>(CustomerProfile.class);

  private final KeyValueView<byte[]> store;

  CustomerDirectory(StoreQueries stores) {
    this.store = stores.keyValue(CustomerDirectoryTopology.STORE, "The customer master view");
  }

  @Override
  public Optional<CustomerProfile> byId(String customerId) {
    return store
        .get(CustomerDirectoryTopology.idKey(customerId))
        .map(json -> PROFILE.deserializer().deserialize(null, json));
  }

  @Override
  public Optional<CustomerProfile> byContactEmail(String email) {
    return store.get(CustomerDirectoryTopology.emailKey(email)).flatMap(this::byIdBytes);
  }

  @Override
  public Optional<CustomerProfile> byEmailDomain(String domain) {
    return store.get(CustomerDirectoryTopology.domainKey(domain)).flatMap(this::byIdBytes);
  }

  private Optional<CustomerProfile> byIdBytes(byte[] id) {
    return byId(new String(id, StandardCharsets.UTF_8));
  }

  /** The full customer master record, as the compacted topic has it now. */
  Optional<Customer> record(String customerId) {
    return store
        .get(CustomerDirectoryTopology.recordKey(customerId))
        .map(CustomerDirectory::decode);
  }

  private static Customer decode(byte[] bytes) {
    try {
      return Customer.fromByteBuffer(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
