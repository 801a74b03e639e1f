package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.example.inquiry.resolution.cases.FinancialEffect.Direction;
import org.example.inquiry.resolution.cases.FinancialEffect.PostingLine;

/**
 * Turns an approved financial action into the effect a finance system posts, under a {@link
 * PostingPolicy}. The approved amount is the gross amount, the one the customer sees. Pure.
 *
 * <table>
 *   <caption>Journal lines per kind (a reversal swaps every direction)</caption>
 *   <tr><th>kind</th><th>debit</th><th>credit</th><th>receivable</th></tr>
 *   <tr><td>CREDIT_NOTE</td><td>revenue (net), tax (tax)</td><td>receivable (gross)</td>
 *       <td>CREDIT</td></tr>
 *   <tr><td>REBILL</td><td>receivable (gross)</td><td>revenue (net), tax (tax)</td>
 *       <td>DEBIT</td></tr>
 *   <tr><td>REFUND</td><td>receivable (gross)</td><td>cash (gross)</td><td>DEBIT</td></tr>
 *   <tr><td>WRITE_OFF</td><td>bad debt (gross)</td><td>receivable (gross)</td><td>CREDIT</td></tr>
 *   <tr><td>CREDIT_LIMIT_CHANGE, PAYMENT_PLAN, REVISED_DELIVERY</td><td colspan="2">no lines
 *       (not a ledger posting)</td><td>-</td></tr>
 * </table>
 */
final class Postings {

  private final PostingPolicy policy;

  Postings(PostingPolicy policy) {
    this.policy = policy;
  }

  PostingPolicy policy() {
    return policy;
  }

  /**
   * The effect of an action at its final approval.
   *
   * @param customer the customer master's record now (null when unknown): region and credit limit
   * @param rates rates to the base currency, by currency
   */
  FinancialEffect effect(
      InquiryCase c,
      InquiryCase.FinancialAction action,
      CustomerFacts customer,
      Map<String, BigDecimal> rates,
      Instant at) {
    Money gross = action.amount();
    String currency = gross.currency();
    int scale = minorUnits(currency);
    BigDecimal grossAmount = gross.amount().setScale(scale, RoundingMode.HALF_UP);
    boolean taxed =
        switch (action.type()) {
          case CREDIT_NOTE, REBILL -> true;
          default -> false;
        };
    BigDecimal netAmount =
        taxed
            ? grossAmount.divide(BigDecimal.ONE.add(policy.taxRate()), scale, RoundingMode.HALF_UP)
            : grossAmount;
    BigDecimal taxAmount = grossAmount.subtract(netAmount);
    Money net = new Money(netAmount, currency);
    Money tax = new Money(taxAmount, currency);
    Money total = new Money(grossAmount, currency);
    PostingPolicy.Accounts accounts = policy.accounts();
    List<PostingLine> lines = new ArrayList<>();
    Direction receivable = null;
    switch (action.type()) {
      case CREDIT_NOTE -> {
        lines.add(new PostingLine(accounts.revenue(), Direction.DEBIT, net, "REVENUE"));
        if (taxAmount.signum() != 0) {
          lines.add(new PostingLine(accounts.tax(), Direction.DEBIT, tax, "TAX"));
        }
        lines.add(new PostingLine(accounts.receivable(), Direction.CREDIT, total, "RECEIVABLE"));
        receivable = Direction.CREDIT;
      }
      case REBILL -> {
        lines.add(new PostingLine(accounts.receivable(), Direction.DEBIT, total, "RECEIVABLE"));
        lines.add(new PostingLine(accounts.revenue(), Direction.CREDIT, net, "REVENUE"));
        if (taxAmount.signum() != 0) {
          lines.add(new PostingLine(accounts.tax(), Direction.CREDIT, tax, "TAX"));
        }
        receivable = Direction.DEBIT;
      }
      case REFUND -> {
        lines.add(new PostingLine(accounts.receivable(), Direction.DEBIT, total, "RECEIVABLE"));
        lines.add(new PostingLine(accounts.cash(), Direction.CREDIT, total, "CASH"));
        receivable = Direction.DEBIT;
      }
      case WRITE_OFF -> {
        lines.add(new PostingLine(accounts.badDebt(), Direction.DEBIT, total, "EXPENSE"));
        lines.add(new PostingLine(accounts.receivable(), Direction.CREDIT, total, "RECEIVABLE"));
        receivable = Direction.CREDIT;
      }
      default -> {
        // credit limit, payment plan, revised delivery: no ledger posting
      }
    }
    if (action.reverses() != null) {
      lines.replaceAll(
          l -> new PostingLine(l.account(), l.direction().opposite(), l.amount(), l.role()));
      receivable = receivable == null ? null : receivable.opposite();
    }
    BigDecimal rate = rates.get(currency);
    if (rate == null) {
      throw new IllegalStateException("no rate to the base currency for " + currency);
    }
    FinancialEffect.CreditLimitChange limit = null;
    if (action.type() == org.example.inquiry.schemas.approval.ActionType.CREDIT_LIMIT_CHANGE) {
      limit =
          new FinancialEffect.CreditLimitChange(
              customer == null ? null : customer.creditLimit(), total);
    }
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    String region =
        customer != null && customer.region() != null ? customer.region() : c.context().region();
    return new FinancialEffect(
        action.actionId(),
        c.inquiryId(),
        c.context().customerId(),
        action.type(),
        policy.legalEntityFor(region),
        lines,
        receivable,
        net,
        tax,
        total,
        taxed && taxAmount.signum() != 0 ? policy.taxCode() : null,
        policy.baseCurrency(),
        rate,
        new Money(
            grossAmount.multiply(rate).setScale(4, RoundingMode.HALF_UP), policy.baseCurrency()),
        action.invoiceReference(),
        day,
        day,
        action.reverses(),
        limit,
        action.reason(),
        action.maker(),
        action.approvedBy(),
        action.level().name(),
        at);
  }

  /** Decimal places of a currency's minor unit (2 when Java does not know the code). */
  static int minorUnits(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException | NullPointerException e) {
      return 2;
    }
  }
}
