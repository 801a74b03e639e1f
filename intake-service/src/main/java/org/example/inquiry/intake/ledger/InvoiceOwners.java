package org.example.inquiry.intake.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Who owns an invoice, as the receivables ledger says. When the view is not queryable (Kafka
 * Streams starting or rebalancing) it answers "not known", so the checkpoint says UNKNOWN rather
 * than holding the registration up.
 */
@Component
public class InvoiceOwners {

  private static final Logger log = LoggerFactory.getLogger(InvoiceOwners.class);

  private final StreamsBuilderFactoryBean streams;

  InvoiceOwners(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  public Optional<String> ownerOf(String documentNumber) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return Optional.empty();
    }
    try {
      byte[] owner =
          kafkaStreams
              .store(
                  StoreQueryParameters.fromNameAndType(
                      InvoiceOwnersTopology.STORE,
                      QueryableStoreTypes.<String, byte[]>keyValueStore()))
              .get(documentNumber);
      return Optional.ofNullable(owner).map(b -> new String(b, StandardCharsets.UTF_8));
    } catch (InvalidStateStoreException e) {
      log.warn(
          "The invoice owners view is not queryable ({}); reference check UNKNOWN", e.getMessage());
      return Optional.empty();
    }
  }
}
