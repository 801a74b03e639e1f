package org.example.inquiry.simulator.traffic;

/**
 * The platform's taxonomy (router-service's {@code router.taxonomy}) with how often each type turns
 * up in the simulated traffic and whether a customer quotes an invoice for it.
 */
public enum InquiryType {
  INVOICE_COPY("invoice-copy", 14, true),
  PAYMENT_STATUS("payment-status", 14, true),
  BILLING_DISCREPANCY("billing-discrepancy", 12, true),
  DISPUTE("dispute", 10, true),
  REFUND("refund", 8, true),
  PAYMENT_TERMS("payment-terms", 7, false),
  CREDIT_LIMIT("credit-limit", 7, false),
  LOGISTICS_BILLING("logistics-billing", 6, true),
  LETTER_OF_CREDIT("letter-of-credit", 5, true),
  KYC_MASTER_DATA("kyc-master-data", 5, false),
  DEBT_RESTRUCTURING("debt-restructuring", 4, true),
  TREASURY_FX("treasury-fx", 3, false),
  GENERAL("general", 5, false);

  private final String slug;
  private final int weight;
  private final boolean quotesInvoice;

  InquiryType(String slug, int weight, boolean quotesInvoice) {
    this.slug = slug;
    this.weight = weight;
    this.quotesInvoice = quotesInvoice;
  }

  /** The taxonomy name, e.g. {@code billing-discrepancy}. */
  public String slug() {
    return slug;
  }

  public int weight() {
    return weight;
  }

  /** Whether the customer quotes one of their invoices (so needs a customer with invoices). */
  public boolean quotesInvoice() {
    return quotesInvoice;
  }
}
