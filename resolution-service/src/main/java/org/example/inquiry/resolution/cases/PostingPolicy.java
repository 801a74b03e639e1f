package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * How approved financial effects are booked: which legal entity (company code) books a customer's
 * effects, by the customer's region; the general-ledger accounts of each side of a posting; the tax
 * rate and code of credit notes and rebills; and how long the platform waits for a finance system's
 * acknowledgement before it raises an alert. Pure configuration, checked when built.
 *
 * @param legalEntities company code by customer region (e.g. {@code EMEA -> DE01})
 * @param defaultLegalEntity company code of customers whose region has none
 * @param baseCurrency the currency the approval ladder and {@code grossInBase} are expressed in
 * @param taxRate tax on the net amount of credit notes and rebills (0.19 is 19%)
 * @param taxCode the tax code booked with it, or null
 * @param accounts the general-ledger account of each posting role
 * @param acknowledgementTimeout an approved effect with no acknowledgement after this long raises
 *     an alert on its case
 */
public record PostingPolicy(
    Map<String, String> legalEntities,
    String defaultLegalEntity,
    String baseCurrency,
    BigDecimal taxRate,
    String taxCode,
    Accounts accounts,
    Duration acknowledgementTimeout) {

  /**
   * The general-ledger account of each posting role.
   *
   * @param receivable the customers' receivables (accounts receivable)
   * @param revenue sales revenue, reduced by credit notes (sales returns and allowances)
   * @param tax output tax (VAT) payable
   * @param badDebt bad-debt expense, where write-offs go
   * @param cash the bank account refunds are paid from
   */
  public record Accounts(
      String receivable, String revenue, String tax, String badDebt, String cash) {
    public Accounts {
      for (String account : new String[] {receivable, revenue, tax, badDebt, cash}) {
        if (account == null || account.isBlank()) {
          throw new IllegalArgumentException(
              "every posting account (receivable, revenue, tax, bad-debt, cash) must be set");
        }
      }
    }
  }

  public PostingPolicy {
    legalEntities = Map.copyOf(legalEntities == null ? Map.of() : legalEntities);
    if (defaultLegalEntity == null || defaultLegalEntity.isBlank()) {
      throw new IllegalArgumentException("a default legal entity is required");
    }
    if (baseCurrency == null || !baseCurrency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("the base currency must be an ISO 4217 code");
    }
    if (taxRate == null || taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("the tax rate must be at least 0 and below 1");
    }
    if (accounts == null) {
      throw new IllegalArgumentException("posting accounts are required");
    }
    if (acknowledgementTimeout == null
        || acknowledgementTimeout.isNegative()
        || acknowledgementTimeout.isZero()) {
      throw new IllegalArgumentException("the acknowledgement timeout must be positive");
    }
  }

  /** The defaults of the local stack and the tests (chart of accounts of the sample ledger). */
  public static PostingPolicy defaults() {
    return new PostingPolicy(
        Map.of(),
        "1000",
        "USD",
        new BigDecimal("0.20"),
        "VAT20",
        new Accounts("120000", "400000", "220000", "690000", "100000"),
        Duration.ofHours(4));
  }

  /** The company code that books the effects of a customer of this region. */
  public String legalEntityFor(String region) {
    return region == null
        ? defaultLegalEntity
        : legalEntities.getOrDefault(region, defaultLegalEntity);
  }
}
