package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.ReferenceKind;

/**
 * Answers simple requests from the ledger at first contact: an invoice copy or a payment status,
 * for invoices the inquiry quotes and the ledger shows belong to the same customer, and only to the
 * entitled: a registered contact of a customer whose KYC is verified. Anything else (another type,
 * triage, an unlinked sender) goes to an agent; a simple request that may not be answered
 * automatically (a stranger, a colleague who is no registered contact, a look-alike address, KYC
 * not verified, an unknown or foreign invoice) goes to an agent with the reason on the case. Pure.
 */
public final class AutoAnswer {

  static final Set<String> SIMPLE_TYPES = Set.of("invoice-copy", "payment-status");

  /**
   * What the ledger says about one document.
   *
   * @param updatedAt when the ledger last changed it (null when unknown)
   */
  public record LedgerItem(
      String documentNumber,
      String customerId,
      BigDecimal amount,
      BigDecimal openAmount,
      String currency,
      LocalDate dueDate,
      String status,
      java.time.Instant updatedAt) {

    /** A document whose change time is not known. */
    public LedgerItem(
        String documentNumber,
        String customerId,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency,
        LocalDate dueDate,
        String status) {
      this(documentNumber, customerId, amount, openAmount, currency, dueDate, status, null);
    }
  }

  private AutoAnswer() {}

  /** What to do with a new case: answer it, withhold an answer (with why), or leave it alone. */
  public sealed interface Decision permits Answer, Withheld, NotSimple {}

  /** The answer to send the customer. */
  public record Answer(String text) implements Decision {}

  /** A simple request that an agent must answer, and why it was not answered automatically. */
  public record Withheld(String reason) implements Decision {}

  /** Not a simple request: agents work it as usual. */
  public record NotSimple() implements Decision {}

  /** The answer to send, or empty when a person must handle the inquiry. */
  public static Optional<String> answer(InquiryCase c, Function<String, LedgerItem> ledger) {
    return decide(c, ledger) instanceof Answer a ? Optional.of(a.text()) : Optional.empty();
  }

  /** Whether and how the case is answered automatically. */
  public static Decision decide(InquiryCase c, Function<String, LedgerItem> ledger) {
    CaseContext context = c.context();
    if (c.triage()
        || context.customerId() == null
        || c.types().isEmpty()
        || !SIMPLE_TYPES.containsAll(c.types())) {
      return new NotSimple();
    }
    List<String> invoices =
        context.references().stream()
            .filter(r -> r.kind() == ReferenceKind.INVOICE)
            .map(Reference::value)
            .toList();
    if (invoices.isEmpty()) {
      return new NotSimple();
    }
    if (context.senderIsRegisteredContact() != CheckOutcome.PASSED) {
      return new Withheld(
          "account data is disclosed automatically only to a registered contact of the customer;"
              + " the sender is not one (check "
              + context.senderIsRegisteredContact()
              + ")");
    }
    if (context.kycStatus() != KycStatus.VERIFIED) {
      return new Withheld(
          "account data is disclosed automatically only for a KYC-verified customer; KYC is "
              + context.kycStatus());
    }
    List<String> lines = new ArrayList<>();
    for (String number : invoices) {
      LedgerItem item = ledger.apply(number);
      if (item == null) {
        return new Withheld("invoice " + number + " is not in the ledger");
      }
      if (!item.customerId().equals(context.customerId())) {
        return new Withheld(
            "invoice " + number + " does not belong to customer " + context.customerId());
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
      lines.add(line);
    }
    return new Answer(String.join("\n", lines));
  }
}
