package org.example.inquiry.intake.customers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * Keeps the global {@value #STORE} store from the compacted customers topic: {@code id:<id>} holds
 * the profile (JSON), {@code email:<address>} and {@code domain:<domain>} hold the customer id.
 * When a customer changes or is deleted (tombstone), its old index entries go; each stored change
 * is handed to {@code materialised} (read-your-write for registrations on every instance).
 */
public final class CustomerDirectoryTopology {

  public static final String STORE = "customer-directory";
  private static final JsonSerde<CustomerProfile> PROFILE = new JsonSerde<>(CustomerProfile.class);

  private CustomerDirectoryTopology() {}

  static String idKey(String id) {
    return "id:" + id;
  }

  static String recordKey(String id) {
    return "record:" + id;
  }

  static String emailKey(String email) {
    return "email:" + email.toLowerCase(Locale.ROOT);
  }

  static String domainKey(String domain) {
    return "domain:" + domain.toLowerCase(Locale.ROOT);
  }

  public static void build(
      StreamsBuilder builder,
      Serde<Customer> customerSerde,
      BiConsumer<String, Customer> materialised) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        Topics.CUSTOMERS.name(),
        Consumed.with(Serdes.String(), customerSerde),
        () -> new Indexer(materialised));
  }

  /** Maps a customer master record to the profile intake uses. */
  public static CustomerProfile profileOf(Customer customer) {
    Set<String> emails = new TreeSet<>();
    for (Contact contact : customer.getContacts()) {
      if (contact.getEmail() != null) {
        emails.add(contact.getEmail().toLowerCase(Locale.ROOT));
      }
    }
    Set<String> domains = new TreeSet<>();
    customer.getEmailDomains().forEach(d -> domains.add(d.toLowerCase(Locale.ROOT)));
    return new CustomerProfile(
        customer.getCustomerId(),
        customer.getLegalName(),
        customer.getSegment(),
        customer.getRegion(),
        emails,
        domains,
        customer.getKycStatus().name(),
        customer.getKycExpiresOn(),
        customer.getAccountManager());
  }

  private static final class Indexer implements Processor<String, Customer, Void, Void> {

    private final BiConsumer<String, Customer> materialised;
    private KeyValueStore<String, byte[]> store;

    Indexer(BiConsumer<String, Customer> materialised) {
      this.materialised = materialised;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Customer> record) {
      String id = record.key();
      if (id == null) {
        return;
      }
      byte[] previous = store.get(idKey(id));
      if (previous != null) {
        CustomerProfile old = PROFILE.deserializer().deserialize(null, previous);
        old.contactEmails().forEach(e -> store.delete(emailKey(e)));
        old.emailDomains().forEach(d -> store.delete(domainKey(d)));
      }
      if (record.value() == null) {
        store.delete(idKey(id));
        store.delete(recordKey(id));
        return;
      }
      try {
        ByteBuffer encoded = record.value().toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        store.put(recordKey(id), bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      CustomerProfile profile = profileOf(record.value());
      byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
      store.put(idKey(id), PROFILE.serializer().serialize(null, profile));
      profile.contactEmails().forEach(e -> store.put(emailKey(e), idBytes));
      profile.emailDomains().forEach(d -> store.put(domainKey(d), idBytes));
      materialised.accept(id, record.value());
    }
  }
}
