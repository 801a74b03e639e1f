package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers simple requests from the ledger at first contact: an invoice copy or a payment status,
 * for invoices the inquiry quotes and the ledger shows belong to the same customer. Anything else
 * (another type, an unknown or foreign invoice, triage, an unlinked sender) goes to an agent. Pure.
 */
public final class AutoAnswer {

  static final Set<String> SIMPLE_TYPES = Set.of("invoice-copy", "payment-status");

  /** What the ledger says about one document. */
  public record LedgerItem(
      String documentNumber,
      String customerId,
      BigDecimal amount,
      BigDecimal openAmount,
      String currency,
      LocalDate dueDate,
      String status) {}

  private AutoAnswer() {}

  /** The answer to send, or empty when a person must handle the inquiry. */
  public static Optional<String> answer(InquiryCase c, Function<String, LedgerItem> ledger) {
    if (c.triage
        || c.context.customerId() == null
        || c.types.isEmpty()
        || !SIMPLE_TYPES.containsAll(c.types)) {
      return Optional.empty();
    }
    List<String> invoices =
        c.context.references().stream()
            .filter(r -> r.startsWith("INVOICE:"))
            .map(r -> r.substring("INVOICE:".length()))
            .toList();
    if (invoices.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    for (String number : invoices) {
      LedgerItem item = ledger.apply(number);
      if (item == null || !item.customerId().equals(c.context.customerId())) {
        return Optional.empty();
      }
      String line =
          number
              + ": "
              + item.amount().stripTrailingZeros().toPlainString()
              + " "
              + item.currency()
              + ", status "
              + item.status()
              + (item.openAmount().signum() == 0
                  ? ", fully paid"
                  : ", open "
                      + item.openAmount().stripTrailingZeros().toPlainString()
                      + " "
                      + item.currency())
              + (item.dueDate() == null ? "" : ", due " + item.dueDate());
      if (c.types.contains("invoice-copy")) {
        line += "; a copy was sent to the registered contact";
      }
      lines.add(line);
    }
    return Optional.of(String.join("\n", lines));
  }
}
