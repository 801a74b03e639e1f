package org.example.inquiry.schemas.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.EffectTotals;
import org.example.inquiry.schemas.OpenReceivable;
import org.example.inquiry.schemas.PaymentHistory;

/**
 * A customer's payment behaviour on a given day, judged from their {@link
 * CustomerFinancialProfile}: what is open and overdue (in the base currency), how long settled
 * invoices took, and the promises to pay that were broken (settled late, or still open after the
 * promised day) or are still running. The profile keeps due and promised dates rather than
 * verdicts, so an invoice becomes overdue and a promise broken on the right day without a new
 * event. Pure.
 *
 * @param averageDaysToPay mean days from issue to settlement, one decimal; null without history
 * @param averageDaysPastDue mean days from due date to settlement (negative: early); null without
 *     history
 * @param oldestDaysOverdue days the oldest overdue invoice is past its due date; 0 when none
 * @param valueAdjustmentInBase revenue booked minus bad debt expensed by the customer's approved
 *     financial effects: what they changed of the customer's lifetime value
 */
public record PaymentStanding(
    String baseCurrency,
    BigDecimal openInBase,
    BigDecimal overdueInBase,
    int openInvoices,
    int overdueInvoices,
    long oldestDaysOverdue,
    int settledInvoices,
    int settledLate,
    Double averageDaysToPay,
    Double averageDaysPastDue,
    int brokenPromises,
    int openPromises,
    int effects,
    BigDecimal valueAdjustmentInBase) {

  /** The profile's standing on {@code day}. */
  public static PaymentStanding of(CustomerFinancialProfile profile, LocalDate day) {
    BigDecimal open = BigDecimal.ZERO;
    BigDecimal overdue = BigDecimal.ZERO;
    int overdueInvoices = 0;
    long oldest = 0;
    int brokenOpen = 0;
    int running = 0;
    for (OpenReceivable item : profile.getOpenReceivables()) {
      open = open.add(item.getOpenAmountInBase());
      LocalDate due = item.getDueDate();
      if (due != null && due.isBefore(day)) {
        overdue = overdue.add(item.getOpenAmountInBase());
        overdueInvoices++;
        oldest = Math.max(oldest, ChronoUnit.DAYS.between(due, day));
      }
      LocalDate promised = item.getPromisedPaymentDate();
      if (promised != null) {
        if (promised.isBefore(day)) {
          brokenOpen++;
        } else {
          running++;
        }
      }
    }
    PaymentHistory history = profile.getPayments();
    EffectTotals effects = profile.getEffects();
    return new PaymentStanding(
        profile.getBaseCurrency(),
        open,
        overdue,
        profile.getOpenReceivables().size(),
        overdueInvoices,
        oldest,
        history.getSettledInvoices(),
        history.getSettledLate(),
        mean(history.getDaysToPayTotal(), history.getSettledInvoices()),
        mean(history.getDaysPastDueTotal(), history.getSettledWithDueDate()),
        history.getPromisesBroken() + brokenOpen,
        running,
        effects.getEffects(),
        effects.getRevenueInBase().subtract(effects.getBadDebtInBase()));
  }

  private static Double mean(long total, int count) {
    return count == 0
        ? null
        : BigDecimal.valueOf(total)
            .divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP)
            .doubleValue();
  }
}
