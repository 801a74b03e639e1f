package org.example.inquiry.resolution.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.ReferenceKind;

/**
 * Watches the ledger for the invoices open disputes and payment-status inquiries are about. Once
 * every invoice an inquiry references is cleared in the ledger after the inquiry came in (nothing
 * open any more: paid, credited or written off), a payment-status inquiry of a registered contact
 * of a KYC-verified customer is resolved ({@value #RESOLUTION_CODE}, first contact kept as it was),
 * and any other watched inquiry (a dispute, or a sender the ledger may not be disclosed to) is
 * flagged for its agent. Each case at most once: {@link Activity#LEDGER_CLEARED} on the timeline.
 * Pure.
 */
final class LedgerWatch {

  static final String ACTOR = "ledger-watch";
  static final String RESOLUTION_CODE = "CLEARED_IN_LEDGER";
  static final Set<String> WATCHED = Set.of("dispute", "payment-status");
  private static final Set<String> RESOLVABLE = Set.of("payment-status", "invoice-copy");

  private LedgerWatch() {}

  /**
   * The invoices of a case the watch looks up in the ledger: those an open, watched inquiry of a
   * known customer references, until the watch has fired once; empty when it does not watch.
   */
  static List<String> watchedInvoices(InquiryCase c) {
    if (c == null
        || !c.isOpen()
        || c.context() == null
        || c.context().customerId() == null
        || c.types().stream().noneMatch(WATCHED::contains)
        || c.timeline().stream().anyMatch(e -> e.event() == Activity.LEDGER_CLEARED)) {
      return List.of();
    }
    return c.context().references().stream()
        .filter(r -> r.kind() == ReferenceKind.INVOICE)
        .map(Reference::value)
        .distinct()
        .toList();
  }

  /**
   * Each invoice with its ledger status when every one of them is the customer's and was cleared in
   * the ledger after the inquiry came in (nothing open); null otherwise.
   */
  static List<String> cleared(
      List<String> invoices,
      String customerId,
      Instant receivedAt,
      Function<String, AutoAnswer.LedgerItem> ledger) {
    List<String> cleared = new ArrayList<>();
    for (String number : invoices) {
      AutoAnswer.LedgerItem item = ledger.apply(number);
      if (item == null
          || !item.customerId().equals(customerId)
          || item.openAmount().signum() > 0
          || item.updatedAt() == null
          || receivedAt == null
          || !item.updatedAt().isAfter(receivedAt)) {
        return null;
      }
      cleared.add(number + " (" + item.status() + ")");
    }
    return cleared;
  }

  static Step tick(InquiryCase c, Function<String, AutoAnswer.LedgerItem> ledger, Instant now) {
    Step nothing = new Step(c, List.of(), null);
    List<String> invoices = watchedInvoices(c);
    if (invoices.isEmpty()) {
      return nothing;
    }
    List<String> cleared =
        cleared(invoices, c.context().customerId(), c.context().receivedAt(), ledger);
    if (cleared == null) {
      return nothing;
    }
    String detail =
        String.join(", ", cleared)
            + " cleared in the ledger since the inquiry came in: nothing is open any more";
    boolean resolve =
        RESOLVABLE.containsAll(c.types())
            && c.context().senderIsRegisteredContact() == CheckOutcome.PASSED
            && c.context().kycStatus() == KycStatus.VERIFIED
            && c.actions().stream().noneMatch(a -> a.state() == InquiryCase.ActionState.PENDING);
    InquiryCase flagged = c.edit().log(now, Activity.LEDGER_CLEARED, ACTOR, detail).build();
    CaseEvent flag =
        new CaseEvent.Worked(
            Activity.LEDGER_CLEARED, ACTOR, detail, c.assignee(), null, null, List.of());
    if (!resolve) {
      return Step.of(flagged, flag);
    }
    CaseCommand.Resolve resolution =
        new CaseCommand.Resolve(
            new CaseCommand.Issued(
                UUID.nameUUIDFromBytes(
                        (ACTOR + ":" + c.inquiryId()).getBytes(StandardCharsets.UTF_8))
                    .toString(),
                ACTOR,
                Set.of(),
                now),
            RESOLUTION_CODE,
            detail,
            List.of());
    Step resolved = Lifecycle.resolve(flagged, resolution);
    List<CaseEvent> events = new ArrayList<>();
    events.add(flag);
    events.addAll(resolved.events());
    return new Step(resolved.next(), events, null);
  }
}
