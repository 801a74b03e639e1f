package org.example.inquiry.resolution.cases;

import java.time.Instant;
import java.util.List;

/**
 * What the SLA check needs to know of a case between its changes ({@link CaseWorkflow#watch}): when
 * its clocks could next raise something, and which invoices the ledger watch looks up for it. The
 * case processor keeps one per case that has either, in a store indexed by that time, so each check
 * reads the cases that are due instead of every case ever opened.
 *
 * @param wakeAt the earliest instant after which {@link CaseWorkflow#slaTick} could raise a
 *     warning, a breach or an overdue posting on the case as it is; null when none can come by time
 *     alone
 * @param invoices the invoices the ledger watch looks up (empty: the case is not watched)
 * @param customerId the customer those invoices must belong to
 * @param receivedAt when the inquiry came in (the invoices must be cleared after it)
 */
public record CaseWatch(
    Instant wakeAt, List<String> invoices, String customerId, Instant receivedAt) {

  public CaseWatch {
    invoices = invoices == null ? List.of() : List.copyOf(invoices);
  }

  /** Nothing to wait for: the case is not indexed. */
  public boolean isIdle() {
    return wakeAt == null && invoices.isEmpty();
  }
}
