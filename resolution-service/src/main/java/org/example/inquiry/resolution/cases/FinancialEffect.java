package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.example.inquiry.schemas.approval.ActionType;

/**
 * An approved financial action as a finance system posts it ({@code financial-effects-approved}):
 * the legal entity, balanced journal lines, net, tax and gross, the rate to the base currency,
 * dates, the reversed effect, and for a credit-limit change the limit before and after. Built by
 * {@link Postings} at the action's final approval, once.
 *
 * @param effectId the action's id: the posting's idempotency key
 * @param receivableDirection what it does to the customer's receivable, null when nothing
 * @param reverses the effect this one reverses, or null
 * @param creditLimit old and new limit of a credit-limit change, else null
 */
public record FinancialEffect(
    String effectId,
    String inquiryId,
    String customerId,
    ActionType kind,
    String legalEntity,
    List<PostingLine> postings,
    Direction receivableDirection,
    Money net,
    Money tax,
    Money gross,
    String taxCode,
    String baseCurrency,
    BigDecimal fxRateToBase,
    Money grossInBase,
    String documentReference,
    LocalDate postingDate,
    LocalDate valueDate,
    String reverses,
    CreditLimitChange creditLimit,
    String reason,
    String maker,
    List<String> approvers,
    String approvalLevel,
    Instant approvedAt) {

  public FinancialEffect {
    postings = List.copyOf(postings);
    approvers = List.copyOf(approvers);
  }

  /** Debit or credit. */
  public enum Direction {
    DEBIT,
    CREDIT;

    Direction opposite() {
      return this == DEBIT ? CREDIT : DEBIT;
    }
  }

  /** One journal line: account, direction, amount, and what the line stands for. */
  public record PostingLine(String account, Direction direction, Money amount, String role) {}

  /** A customer's credit limit before (null when the master had none) and after the change. */
  public record CreditLimitChange(Money oldLimit, Money newLimit) {}
}
