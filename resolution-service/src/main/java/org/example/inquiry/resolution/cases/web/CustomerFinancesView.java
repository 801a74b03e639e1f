package org.example.inquiry.resolution.cases.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.example.inquiry.schemas.Contract;
import org.example.inquiry.schemas.ContractTerms;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.LetterOfCreditTerms;
import org.example.inquiry.schemas.ledger.PaymentStanding;

/**
 * What an agent sees of the customer's finances on the case: payment behaviour as of today (from
 * {@code customer-financial-profiles}), the lifetime value moved by the customer's approved
 * financial effects, and the contract terms (from {@code contract-terms}). Each part is null when
 * its source knows nothing of the customer.
 *
 * @param lifetimeValueInBase the customer master's lifetime value in the base currency
 * @param adjustedLifetimeValueInBase the master's value moved by the approved effects (never below
 *     zero); what the router's priority weighs
 * @param payment payment behaviour as of {@code asOf}
 * @param contracts the customer's contracts, current ones first
 */
public record CustomerFinancesView(
    String customerId,
    LocalDate asOf,
    String baseCurrency,
    BigDecimal lifetimeValueInBase,
    BigDecimal lifetimeValueAdjustmentInBase,
    BigDecimal adjustedLifetimeValueInBase,
    PaymentStanding payment,
    List<ContractView> contracts) {

  /**
   * One contract.
   *
   * @param current valid on {@code asOf}
   * @param referencedByCase its letter of credit is one the inquiry refers to
   */
  public record ContractView(
      String contractId,
      String paymentTerms,
      int paymentTermsDays,
      BigDecimal discountPercent,
      Integer discountDays,
      BigDecimal lateInterestPercent,
      LocalDate validFrom,
      LocalDate validTo,
      boolean current,
      LetterOfCreditView letterOfCredit,
      boolean referencedByCase) {}

  /** A letter of credit's terms, and whether it has expired by {@code asOf}. */
  public record LetterOfCreditView(
      String number,
      String issuingBank,
      String confirmingBank,
      BigDecimal amount,
      String currency,
      LocalDate expiryDate,
      LocalDate latestShipmentDate,
      int presentationDays,
      BigDecimal tolerancePercent,
      List<String> documentsRequired,
      boolean expired) {}

  /**
   * The view, or null when no source knows the customer.
   *
   * @param masterValueInBase the master's lifetime value in the base currency, null when unknown
   * @param letterOfCreditReferences letter-of-credit numbers the inquiry refers to
   */
  static CustomerFinancesView of(
      String customerId,
      LocalDate asOf,
      String baseCurrency,
      BigDecimal masterValueInBase,
      CustomerFinancialProfile profile,
      ContractTerms terms,
      Set<String> letterOfCreditReferences) {
    if (profile == null && terms == null && masterValueInBase == null) {
      return null;
    }
    PaymentStanding payment = profile == null ? null : PaymentStanding.of(profile, asOf);
    BigDecimal adjustment = payment == null ? null : payment.valueAdjustmentInBase();
    BigDecimal master =
        masterValueInBase == null ? null : masterValueInBase.setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal adjusted =
        master == null
            ? null
            : adjustment == null ? master : master.add(adjustment).max(BigDecimal.ZERO);
    List<ContractView> contracts =
        terms == null
            ? null
            : terms.getContracts().stream()
                .map(c -> contract(c, asOf, letterOfCreditReferences))
                .sorted((a, b) -> Boolean.compare(b.current(), a.current()))
                .toList();
    return new CustomerFinancesView(
        customerId,
        asOf,
        profile == null ? baseCurrency : profile.getBaseCurrency(),
        master,
        adjustment,
        adjusted,
        payment,
        contracts);
  }

  private static ContractView contract(Contract c, LocalDate asOf, Set<String> references) {
    LetterOfCreditTerms lc = c.getLetterOfCredit();
    boolean current =
        !c.getValidFrom().isAfter(asOf)
            && (c.getValidTo() == null || !c.getValidTo().isBefore(asOf));
    return new ContractView(
        c.getContractId(),
        c.getPaymentTerms(),
        c.getPaymentTermsDays(),
        c.getDiscountPercent(),
        c.getDiscountDays(),
        c.getLateInterestPercent(),
        c.getValidFrom(),
        c.getValidTo(),
        current,
        lc == null
            ? null
            : new LetterOfCreditView(
                lc.getNumber(),
                lc.getIssuingBank(),
                lc.getConfirmingBank(),
                lc.getAmount().getAmount(),
                lc.getAmount().getCurrency(),
                lc.getExpiryDate(),
                lc.getLatestShipmentDate(),
                lc.getPresentationDays(),
                lc.getTolerancePercent(),
                List.copyOf(lc.getDocumentsRequired()),
                lc.getExpiryDate().isBefore(asOf)),
        lc != null && references.contains(lc.getNumber()));
  }
}
