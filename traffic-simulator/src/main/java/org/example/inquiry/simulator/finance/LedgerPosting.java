package org.example.inquiry.simulator.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;

/**
 * What the reference ledger does with one approved effect: the ledger rows it changes or adds, the
 * credit limit it sets, and the answer it gives, or why it refuses. Pure: the caller applies the
 * result and acknowledges.
 *
 * <ul>
 *   <li>{@code CREDIT_NOTE}: a credit note document of minus the gross amount; the invoice's open
 *       amount goes down by it (a credit beyond the open amount stays open on the credit note, as a
 *       credit balance).
 *   <li>{@code REBILL}: the re-issued invoice replaces the amount of the document; what was paid
 *       stays paid. Without a document, a new invoice.
 *   <li>{@code WRITE_OFF}: the written-off amount leaves the open amount; written off whole, the
 *       document is {@code WRITTEN_OFF}.
 *   <li>{@code CREDIT_LIMIT_CHANGE}: the customer master's limit becomes the new limit (approved
 *       against the old one).
 *   <li>{@code REFUND}, {@code PAYMENT_PLAN}, {@code REVISED_DELIVERY}: posted with no change to
 *       the open items (cash, terms, delivery records).
 *   <li>Reversals of credit notes and write-offs give the amount back to the document's open
 *       amount; a rebill is not reversed here (it is re-billed with the right amount).
 * </ul>
 *
 * A document the ledger does not have, of another customer or in another currency, is refused with
 * the reason.
 */
public final class LedgerPosting {

  /** Days a new invoice of a rebill without a document is due in. */
  static final int NEW_INVOICE_TERMS_DAYS = 30;

  private LedgerPosting() {}

  /**
   * The outcome for one effect.
   *
   * @param posted true: posted as {@code documentNumber}; false: refused for {@code reason}
   * @param rows ledger rows to feed to the platform (changed and new documents)
   * @param newLimit the credit limit to set, or null
   * @param oldLimit the limit it was approved against, or null
   */
  public record Result(
      boolean posted,
      String documentNumber,
      String reason,
      List<OpenItem> rows,
      Money newLimit,
      Money oldLimit) {

    static Result refused(String reason) {
      return new Result(false, null, reason, List.of(), null, null);
    }

    static Result posted(String documentNumber, List<OpenItem> rows) {
      return new Result(true, documentNumber, null, List.copyOf(rows), null, null);
    }
  }

  /**
   * @param ledger the ledger's current document of a number, or null when it has none
   */
  public static Result post(
      FinancialEffectApproved e, Function<String, OpenItem> ledger, LocalDate today, Instant now) {
    String posting = "RL-" + hash(e.getEffectId());
    OpenItem document =
        e.getDocumentReference() == null ? null : ledger.apply(e.getDocumentReference());
    if (e.getDocumentReference() != null) {
      if (document == null) {
        return Result.refused("document " + e.getDocumentReference() + " is not in the ledger");
      }
      if (!document.getCustomerId().equals(e.getCustomerId())) {
        return Result.refused(
            "document "
                + e.getDocumentReference()
                + " belongs to another customer than "
                + e.getCustomerId());
      }
      if (!document.getAmount().getCurrency().equals(e.getGross().getCurrency())) {
        return Result.refused(
            "document "
                + e.getDocumentReference()
                + " is in "
                + document.getAmount().getCurrency()
                + ", the effect in "
                + e.getGross().getCurrency());
      }
    }
    BigDecimal gross = e.getGross().getAmount();
    boolean reversal = e.getReverses() != null;
    List<OpenItem> rows = new ArrayList<>();
    switch (e.getKind()) {
      case CREDIT_NOTE -> {
        if (reversal) {
          if (document != null) {
            rows.add(
                withOpen(document, document.getOpenAmount().getAmount().add(gross), today, now));
          }
          return Result.posted(posting, rows);
        }
        BigDecimal open = document == null ? BigDecimal.ZERO : document.getOpenAmount().getAmount();
        BigDecimal left = open.subtract(gross);
        OpenItem.Builder note =
            OpenItem.newBuilder()
                .setDocumentNumber("CN-" + posting)
                .setDocumentType("CREDIT_NOTE")
                .setCustomerId(e.getCustomerId())
                .setIssueDate(today)
                .setDueDate(null)
                .setAmount(money(gross.negate(), e.getGross()))
                .setOpenAmount(money(left.signum() < 0 ? left : BigDecimal.ZERO, e.getGross()))
                .setStatus(left.signum() < 0 ? "OPEN" : "PAID")
                .setOrderNumber(document == null ? null : document.getOrderNumber())
                .setLetterOfCreditNumber(
                    document == null ? null : document.getLetterOfCreditNumber())
                .setUpdatedAt(now);
        rows.add(note.build());
        if (document != null) {
          rows.add(withOpen(document, left.max(BigDecimal.ZERO), today, now));
        }
        return Result.posted(posting, rows);
      }
      case REBILL -> {
        if (reversal) {
          return Result.refused(
              "the reference ledger does not reverse a rebill; rebill the document with the"
                  + " right amount");
        }
        if (document == null) {
          rows.add(
              OpenItem.newBuilder()
                  .setDocumentNumber("INV-" + posting)
                  .setDocumentType("INVOICE")
                  .setCustomerId(e.getCustomerId())
                  .setIssueDate(today)
                  .setDueDate(today.plusDays(NEW_INVOICE_TERMS_DAYS))
                  .setAmount(money(gross, e.getGross()))
                  .setOpenAmount(money(gross, e.getGross()))
                  .setStatus("OPEN")
                  .setOrderNumber(null)
                  .setLetterOfCreditNumber(null)
                  .setUpdatedAt(now)
                  .build());
          return Result.posted(posting, rows);
        }
        BigDecimal paid =
            document.getAmount().getAmount().subtract(document.getOpenAmount().getAmount());
        OpenItem replaced =
            OpenItem.newBuilder(document)
                .setAmount(money(gross, e.getGross()))
                .setUpdatedAt(now)
                .build();
        rows.add(withOpen(replaced, gross.subtract(paid).max(BigDecimal.ZERO), today, now));
        return Result.posted(posting, rows);
      }
      case WRITE_OFF -> {
        if (document != null) {
          BigDecimal open = document.getOpenAmount().getAmount();
          BigDecimal left = reversal ? open.add(gross) : open.subtract(gross).max(BigDecimal.ZERO);
          OpenItem changed = withOpen(document, left, today, now);
          if (!reversal && left.signum() == 0) {
            changed = OpenItem.newBuilder(changed).setStatus("WRITTEN_OFF").setPaidOn(null).build();
          }
          rows.add(changed);
        }
        return Result.posted(posting, rows);
      }
      case CREDIT_LIMIT_CHANGE -> {
        if (e.getCreditLimit() == null) {
          return Result.refused("a credit-limit change without its new limit");
        }
        return new Result(
            true,
            posting,
            null,
            List.of(),
            e.getCreditLimit().getNewLimit(),
            e.getCreditLimit().getOldLimit());
      }
      case REFUND, PAYMENT_PLAN, REVISED_DELIVERY -> {
        return Result.posted(posting, rows);
      }
      default -> {
        return Result.refused("the reference ledger does not know effects of kind " + e.getKind());
      }
    }
  }

  /** The document with this open amount and the status that follows from it. */
  static OpenItem withOpen(OpenItem document, BigDecimal open, LocalDate today, Instant now) {
    BigDecimal amount = document.getAmount().getAmount();
    String status;
    if (open.signum() <= 0) {
      status = "PAID";
    } else if (document.getDueDate() != null && document.getDueDate().isBefore(today)) {
      status = "OVERDUE";
    } else if (open.compareTo(amount) < 0) {
      status = "PARTIALLY_PAID";
    } else {
      status = "OPEN";
    }
    // Settled in full today unless it already was; anything open again has no settlement day.
    LocalDate paidOn =
        open.signum() > 0 ? null : document.getPaidOn() != null ? document.getPaidOn() : today;
    return OpenItem.newBuilder(document)
        .setOpenAmount(money(open, document.getAmount()))
        .setStatus(status)
        .setPaidOn(paidOn)
        .setUpdatedAt(now)
        .build();
  }

  private static Money money(BigDecimal amount, Money like) {
    return new Money(amount.setScale(4, RoundingMode.HALF_UP), like.getCurrency());
  }

  /**
   * A document number that is the same every time for the same effect (replays post nothing new).
   */
  static String hash(String effectId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(effectId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5).toUpperCase(java.util.Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
