package org.example.inquiry.intake.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who owns an invoice, as the receivables ledger says. When the view is not queryable (Kafka
 * Streams starting or rebalancing) it answers "not known", so the checkpoint says UNKNOWN rather
 * than holding the registration up.
 */
@Component
public class InvoiceOwners {

  private static final Logger log = LoggerFactory.getLogger(InvoiceOwners.class);

  private final KeyValueView<byte[]> owners;

  InvoiceOwners(StoreQueries stores) {
    this.owners = stores.keyValue(InvoiceOwnersTopology.STORE, "The invoice owners view");
  }

  public Optional<String> ownerOf(String documentNumber) {
    try {
      return owners.get(documentNumber).map(b -> new String(b, StandardCharsets.UTF_8));
    } catch (StoreUnavailableException e) {
      log.warn("{}; reference check UNKNOWN", e.getMessage());
      return Optional.empty();
    }
  }
}
