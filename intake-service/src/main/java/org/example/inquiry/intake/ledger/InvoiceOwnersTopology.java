package org.example.inquiry.intake.ledger;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * Keeps the global {@value #STORE} store from the compacted {@code open-items} topic (written by
 * resolution's ledger loader): document number to the customer id the ledger records. Only what the
 * legitimacy check needs; amounts stay with resolution.
 */
public final class InvoiceOwnersTopology {

  public static final String STORE = "invoice-owners";

  private InvoiceOwnersTopology() {}

  public static void build(StreamsBuilder builder, Serde<SpecificRecord> avro) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        Topics.OPEN_ITEMS.name(),
        Consumed.with(Serdes.String(), avro),
        Owners::new);
  }

  private static final class Owners implements Processor<String, SpecificRecord, Void, Void> {
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() instanceof OpenItem item) {
        store.put(record.key(), item.getCustomerId().getBytes(StandardCharsets.UTF_8));
      } else if (record.value() == null) {
        store.delete(record.key());
      }
    }
  }
}
