package org.example.inquiry.router.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.EffectTotals;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.OpenReceivable;
import org.example.inquiry.schemas.PaymentHistory;
import org.example.inquiry.schemas.PostingDirection;
import org.example.inquiry.schemas.PostingLine;

/**
 * Folds a customer's ledger documents and approved financial effects into their {@link
 * CustomerFinancialProfile}. The ledger side is a table aggregate: each document's latest state is
 * added and its previous state subtracted, so a document that is paid, re-issued or removed moves
 * the customer's totals exactly. Pure; the Kafka Streams wiring is in {@link CustomerFinances}.
 */
public final class FinancialProfiles {

  private static final int SCALE = 4;

  private FinancialProfiles() {}

  /**
   * What one ledger document contributes: an open receivable (invoice with an open amount), a
   * settled invoice (paid in full on a known day), or nothing (payments, credit notes, write-offs,
   * or an amount in a currency without a rate).
   */
  public record LedgerFact(String documentNumber, Receivable receivable, Settlement settlement) {

    static final LedgerFact NOTHING = new LedgerFact(null, null, null);
  }

  /** An open invoice, its amount in the base currency. */
  public record Receivable(
      String documentNumber, LocalDate dueDate, BigDecimal openInBase, LocalDate promised) {}

  /**
   * A settled invoice's payment behaviour.
   *
   * @param daysPastDue null without a due date
   * @param promiseKept null without a promise
   */
  public record Settlement(long daysToPay, Long daysPastDue, Boolean promiseKept) {}

  /** The ledger side of a customer's profile. */
  public record Ledger(
      SortedMap<String, Receivable> open,
      int settled,
      long daysToPay,
      long daysPastDue,
      int settledWithDueDate,
      int settledLate,
      int promisesKept,
      int promisesBroken) {

    public static Ledger empty() {
      return new Ledger(new TreeMap<>(), 0, 0, 0, 0, 0, 0, 0);
    }
  }

  /** The effects side of a customer's profile. */
  public record Effects(
      int effects, BigDecimal revenueInBase, BigDecimal badDebtInBase, Instant lastEffectAt) {

    public static Effects none() {
      return new Effects(0, BigDecimal.ZERO, BigDecimal.ZERO, null);
    }
  }

  /** What a ledger document contributes; {@code toBase} gives null for a currency without rate. */
  public static LedgerFact fact(OpenItem item, BiFunction<BigDecimal, String, BigDecimal> toBase) {
    if (item == null || !"INVOICE".equals(item.getDocumentType())) {
      return LedgerFact.NOTHING;
    }
    String status = item.getStatus();
    BigDecimal open = item.getOpenAmount().getAmount();
    if ("WRITTEN_OFF".equals(status)) {
      return LedgerFact.NOTHING;
    }
    if (open.signum() > 0) {
      BigDecimal inBase = toBase.apply(open, item.getOpenAmount().getCurrency());
      if (inBase == null) {
        return LedgerFact.NOTHING;
      }
      return new LedgerFact(
          item.getDocumentNumber(),
          new Receivable(
              item.getDocumentNumber(),
              item.getDueDate(),
              inBase.setScale(SCALE, RoundingMode.HALF_EVEN),
              item.getPromisedPaymentDate()),
          null);
    }
    LocalDate paidOn = item.getPaidOn();
    if (paidOn == null || paidOn.isBefore(item.getIssueDate())) {
      return LedgerFact.NOTHING;
    }
    LocalDate due = item.getDueDate();
    LocalDate promised = item.getPromisedPaymentDate();
    return new LedgerFact(
        item.getDocumentNumber(),
        null,
        new Settlement(
            ChronoUnit.DAYS.between(item.getIssueDate(), paidOn),
            due == null ? null : ChronoUnit.DAYS.between(due, paidOn),
            promised == null ? null : !paidOn.isAfter(promised)));
  }

  /** The ledger with a document's contribution added. */
  public static Ledger add(Ledger ledger, LedgerFact fact) {
    return apply(ledger, fact, 1);
  }

  /** The ledger with a document's earlier contribution taken out. */
  public static Ledger subtract(Ledger ledger, LedgerFact fact) {
    return apply(ledger, fact, -1);
  }

  private static Ledger apply(Ledger ledger, LedgerFact fact, int sign) {
    TreeMap<String, Receivable> open = new TreeMap<>(ledger.open());
    if (fact.receivable() != null) {
      if (sign > 0) {
        open.put(fact.documentNumber(), fact.receivable());
      } else {
        open.remove(fact.documentNumber());
      }
    }
    Settlement s = fact.settlement();
    if (s == null) {
      return new Ledger(
          open,
          ledger.settled(),
          ledger.daysToPay(),
          ledger.daysPastDue(),
          ledger.settledWithDueDate(),
          ledger.settledLate(),
          ledger.promisesKept(),
          ledger.promisesBroken());
    }
    boolean hasDue = s.daysPastDue() != null;
    return new Ledger(
        open,
        ledger.settled() + sign,
        ledger.daysToPay() + sign * s.daysToPay(),
        ledger.daysPastDue() + (hasDue ? sign * s.daysPastDue() : 0),
        ledger.settledWithDueDate() + (hasDue ? sign : 0),
        ledger.settledLate() + (hasDue && s.daysPastDue() > 0 ? sign : 0),
        ledger.promisesKept() + (Boolean.TRUE.equals(s.promiseKept()) ? sign : 0),
        ledger.promisesBroken() + (Boolean.FALSE.equals(s.promiseKept()) ? sign : 0));
  }

  /**
   * The effects with one more approved effect: the revenue its revenue lines book (credit positive)
   * and the bad debt its expense lines book (debit positive), at the effect's own rate to base. A
   * reversal's lines are swapped, so it takes its original back out.
   */
  public static Effects add(Effects effects, FinancialEffectApproved effect) {
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal badDebt = BigDecimal.ZERO;
    for (PostingLine line : effect.getPostings()) {
      BigDecimal amount = line.getAmount().getAmount();
      boolean credit = line.getDirection() == PostingDirection.CREDIT;
      if ("REVENUE".equals(line.getRole())) {
        revenue = revenue.add(credit ? amount : amount.negate());
      } else if ("EXPENSE".equals(line.getRole())) {
        badDebt = badDebt.add(credit ? amount.negate() : amount);
      }
    }
    BigDecimal rate = effect.getFxRateToBase();
    Instant at = effect.getOccurredAt();
    return new Effects(
        effects.effects() + 1,
        effects.revenueInBase().add(revenue.multiply(rate)).setScale(SCALE, RoundingMode.HALF_EVEN),
        effects.badDebtInBase().add(badDebt.multiply(rate)).setScale(SCALE, RoundingMode.HALF_EVEN),
        effects.lastEffectAt() == null || at.isAfter(effects.lastEffectAt())
            ? at
            : effects.lastEffectAt());
  }

  /** The published profile; null when neither side knows the customer (a tombstone). */
  public static CustomerFinancialProfile profile(
      String customerId, Ledger ledger, Effects effects, String baseCurrency, Instant now) {
    if (ledger == null && effects == null) {
      return null;
    }
    Ledger l = ledger == null ? Ledger.empty() : ledger;
    Effects e = effects == null ? Effects.none() : effects;
    List<OpenReceivable> open = new ArrayList<>();
    l.open()
        .values()
        .forEach(
            r ->
                open.add(
                    new OpenReceivable(
                        r.documentNumber(), r.dueDate(), r.openInBase(), r.promised())));
    return CustomerFinancialProfile.newBuilder()
        .setCustomerId(customerId)
        .setUpdatedAt(now)
        .setBaseCurrency(baseCurrency)
        .setOpenReceivables(open)
        .setPayments(
            new PaymentHistory(
                l.settled(),
                l.daysToPay(),
                l.daysPastDue(),
                l.settledWithDueDate(),
                l.settledLate(),
                l.promisesKept(),
                l.promisesBroken()))
        .setEffects(
            new EffectTotals(
                e.effects(),
                e.revenueInBase().setScale(SCALE, RoundingMode.HALF_EVEN),
                e.badDebtInBase().setScale(SCALE, RoundingMode.HALF_EVEN),
                e.lastEffectAt()))
        .build();
  }
}
