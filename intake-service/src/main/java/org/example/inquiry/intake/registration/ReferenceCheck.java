package org.example.inquiry.intake.registration;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;

/**
 * Legitimacy checkpoint: do the invoices an inquiry quotes belong to the customer it is linked to,
 * as the receivables ledger says? Pure.
 */
public final class ReferenceCheck {

  private ReferenceCheck() {}

  /**
   * @param ownerOf the customer id the ledger records for a document number (empty when the ledger
   *     does not know the document, or is not available)
   * @return NOT_APPLICABLE without invoice references; FAILED when any quoted invoice belongs to
   *     another customer; PASSED when every one belongs to the linked customer; UNKNOWN when the
   *     inquiry is not linked or the ledger does not know some of them
   */
  public static CheckOutcome referencesBelongToCustomer(
      List<Reference> references, String customerId, Function<String, Optional<String>> ownerOf) {
    List<String> invoices =
        references.stream()
            .filter(r -> r.getKind() == ReferenceKind.INVOICE)
            .map(Reference::getValue)
            .map(String::trim)
            .distinct()
            .toList();
    if (invoices.isEmpty()) {
      return CheckOutcome.NOT_APPLICABLE;
    }
    if (customerId == null) {
      return CheckOutcome.UNKNOWN;
    }
    boolean allKnown = true;
    for (String invoice : invoices) {
      Optional<String> owner = ownerOf.apply(invoice);
      if (owner.isEmpty()) {
        allKnown = false;
      } else if (!owner.get().equals(customerId)) {
        return CheckOutcome.FAILED;
      }
    }
    return allKnown ? CheckOutcome.PASSED : CheckOutcome.UNKNOWN;
  }
}
