package org.example.inquiry.simulator.work;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.random.RandomGenerator;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.simulator.traffic.GeneratedInquiry;

/**
 * The financial action an agent proposes for an inquiry, if one fits its type: a credit note for a
 * discrepancy or dispute, a refund, a revised delivery or rebill for logistics, a credit-limit
 * change, a payment plan for restructuring (and sometimes for payment terms).
 *
 * @param type the name of an {@link ActionType}
 * @param amount positive, 2 decimals
 * @param currency ISO 4217
 * @param invoiceReference the invoice it adjusts, or null
 * @param reason why, for the approvers
 */
public record ActionPlan(
    String type, BigDecimal amount, String currency, String invoiceReference, String reason) {

  /** The plan for an inquiry, or null when the agent only answers. */
  public static ActionPlan forInquiry(GeneratedInquiry inquiry, RandomGenerator random) {
    BigDecimal amount = inquiry.actionAmount();
    String currency = inquiry.currency() == null ? "USD" : inquiry.currency();
    String invoice = inquiry.invoice() == null ? null : inquiry.invoice().documentNumber();
    if (amount == null || amount.signum() <= 0) {
      return null;
    }
    amount = amount.setScale(2, RoundingMode.HALF_UP);
    double x = random.nextDouble();
    return switch (inquiry.type()) {
      case BILLING_DISCREPANCY ->
          x < 0.8
              ? new ActionPlan(
                  ActionType.CREDIT_NOTE.name(),
                  amount,
                  currency,
                  invoice,
                  "overbilled against the agreed price; credit the difference")
              : new ActionPlan(
                  ActionType.REBILL.name(),
                  inquiry.invoice().amount().subtract(amount).max(BigDecimal.ONE).setScale(2),
                  currency,
                  invoice,
                  "reissue the invoice at the contract price");
      case DISPUTE ->
          x < 0.75
              ? new ActionPlan(
                  ActionType.CREDIT_NOTE.name(),
                  amount,
                  currency,
                  invoice,
                  pick(
                      random,
                      List.of(
                          "goods damaged in transit, confirmed by the carrier",
                          "items billed that were never ordered",
                          "service not performed as agreed")))
              : null;
      case REFUND ->
          new ActionPlan(
              ActionType.REFUND.name(),
              amount,
              currency,
              invoice,
              "overpayment confirmed on the ledger");
      case LOGISTICS_BILLING ->
          x < 0.6
              ? new ActionPlan(
                  ActionType.REVISED_DELIVERY.name(),
                  amount,
                  currency,
                  invoice,
                  "delivery moved; billing follows the new date")
              : new ActionPlan(
                  ActionType.REBILL.name(),
                  amount,
                  currency,
                  invoice,
                  "freight billed at express rate; rebill at standard");
      case CREDIT_LIMIT ->
          x < 0.85
              ? new ActionPlan(
                  ActionType.CREDIT_LIMIT_CHANGE.name(),
                  amount,
                  currency,
                  null,
                  "payment history good; financials reviewed")
              : null;
      case DEBT_RESTRUCTURING ->
          new ActionPlan(
              ActionType.PAYMENT_PLAN.name(),
              amount,
              currency,
              invoice,
              "temporary cash shortfall; instalments agreed with the customer");
      case PAYMENT_TERMS ->
          x < 0.3
              ? new ActionPlan(
                  ActionType.PAYMENT_PLAN.name(),
                  amount,
                  currency,
                  invoice,
                  "extended terms for this invoice")
              : null;
      case LETTER_OF_CREDIT ->
          x < 0.2
              ? new ActionPlan(
                  ActionType.REBILL.name(),
                  amount,
                  currency,
                  invoice,
                  "commercial invoice aligned with the LC terms")
              : null;
      default -> null;
    };
  }

  private static <T> T pick(RandomGenerator random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
