package org.example.inquiry.resolution.cases.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.processing.CaseTopology;
import org.example.inquiry.resolution.config.ResolutionProperties;
import org.example.inquiry.schemas.ContractTerms;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.ReferenceKind;
import org.springframework.stereotype.Component;

/**
 * Puts the customer's finances on the case as it is read: the global stores of customers, financial
 * profiles, contract terms, the ledger and attachment contents are on every resolution instance, so
 * the instance that answers has them. While a store is not available (start-up, rebalance) the part
 * it gives is left out rather than the case refused.
 */
@Component
class CaseCustomerFinances {

  private final KeyValueView<SpecificRecord> customers;
  private final KeyValueView<SpecificRecord> profiles;
  private final KeyValueView<SpecificRecord> contracts;
  private final KeyValueView<SpecificRecord> ledger;
  private final Map<String, BigDecimal> fxToBase;
  private final String baseCurrency;
  private final Clock clock;

  private final AttachmentFiles files;

  CaseCustomerFinances(
      StoreQueries stores, ResolutionProperties properties, AttachmentFiles files) {
    this.files = files;
    this.customers = stores.keyValue(CaseTopology.CUSTOMERS_STORE, "The customer master view");
    this.profiles = stores.keyValue(CaseTopology.PROFILES_STORE, "The financial profiles view");
    this.contracts = stores.keyValue(CaseTopology.CONTRACTS_STORE, "The contract terms view");
    this.ledger = stores.keyValue(CaseTopology.LEDGER_STORE, "The ledger view");
    this.fxToBase = properties.fxToBase();
    this.baseCurrency = properties.posting().baseCurrency();
    this.clock = Clock.systemUTC();
  }

  /**
   * The case as the API shows it, with its customer's finances, its ledger documents and where its
   * stored attachments are.
   */
  CaseView view(InquiryCase c) {
    return CaseView.of(c, finances(c), documents(c), files::stored);
  }

  /**
   * The ledger documents the inquiry names (its references that are document numbers of the ledger
   * extract), as the ledger shows them now; another customer's document is left out.
   */
  List<CaseView.LedgerDocumentView> documents(InquiryCase c) {
    if (c.context() == null) {
      return List.of();
    }
    String customerId = c.context().customerId();
    return c.context().references().stream()
        .map(r -> r.value())
        .distinct()
        .map(number -> lookup(ledger, number, OpenItem.class))
        .flatMap(Optional::stream)
        .filter(item -> customerId == null || customerId.equals(item.getCustomerId()))
        .map(
            item ->
                new CaseView.LedgerDocumentView(
                    item.getDocumentNumber(),
                    item.getDocumentType(),
                    item.getAmount().getAmount(),
                    item.getOpenAmount().getAmount(),
                    item.getAmount().getCurrency(),
                    item.getIssueDate(),
                    item.getDueDate(),
                    item.getStatus(),
                    item.getPaidOn(),
                    item.getPromisedPaymentDate(),
                    item.getOrderNumber(),
                    item.getLetterOfCreditNumber()))
        .toList();
  }

  CustomerFinancesView finances(InquiryCase c) {
    String customerId = c.context() == null ? null : c.context().customerId();
    if (customerId == null) {
      return null;
    }
    Set<String> letters =
        c.context().references().stream()
            .filter(r -> r.kind() == ReferenceKind.LETTER_OF_CREDIT)
            .map(r -> r.value())
            .collect(Collectors.toSet());
    return CustomerFinancesView.of(
        customerId,
        LocalDate.now(clock),
        baseCurrency,
        lookup(customers, customerId, Customer.class)
            .map(Customer::getLifetimeValue)
            .map(m -> toBase(m.getAmount(), m.getCurrency(), c.fxToBase()))
            .orElse(null),
        lookup(profiles, customerId, CustomerFinancialProfile.class).orElse(null),
        lookup(contracts, customerId, ContractTerms.class).orElse(null),
        letters);
  }

  private BigDecimal toBase(BigDecimal amount, String currency, Map<String, BigDecimal> caseRates) {
    BigDecimal rate = caseRates == null ? null : caseRates.get(currency);
    if (rate == null) {
      rate = fxToBase.get(currency);
    }
    return rate == null ? null : amount.multiply(rate);
  }

  private static <T> Optional<T> lookup(
      KeyValueView<SpecificRecord> view, String key, Class<T> type) {
    try {
      return view.get(key).filter(type::isInstance).map(type::cast);
    } catch (StoreUnavailableException e) {
      return Optional.empty();
    }
  }
}
