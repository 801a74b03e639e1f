package org.example.inquiry.resolution.contracts;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.example.inquiry.platform.csv.CsvImport;
import org.example.inquiry.schemas.Contract;
import org.example.inquiry.schemas.ContractTerms;
import org.example.inquiry.schemas.LetterOfCreditTerms;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.money.Currencies;

/**
 * Reads contract terms (CSV with a header, RFC 4180, one contract per row) into one {@link
 * ContractTerms} per customer, the customer's contracts in file order: an import replaces every
 * contract of each customer it names. Every bad line is reported; nothing is imported unless the
 * whole file is valid. Letter-of-credit columns ({@code lc*}) are all blank, or filled (the
 * confirming bank, latest shipment date, tolerance and documents may stay blank).
 */
public final class ContractTermsCsv {

  public static final List<String> HEADER =
      List.of(
          "customerId",
          "contractId",
          "paymentTerms",
          "paymentTermsDays",
          "discountPercent",
          "discountDays",
          "lateInterestPercent",
          "validFrom",
          "validTo",
          "lcNumber",
          "lcIssuingBank",
          "lcConfirmingBank",
          "lcAmount",
          "lcCurrency",
          "lcExpiryDate",
          "lcLatestShipmentDate",
          "lcPresentationDays",
          "lcTolerancePercent",
          "lcDocuments");

  private static final List<String> LC_REQUIRED =
      List.of(
          "lcNumber",
          "lcIssuingBank",
          "lcAmount",
          "lcCurrency",
          "lcExpiryDate",
          "lcPresentationDays");
  private static final List<String> LC_COLUMNS =
      HEADER.stream().filter(c -> c.startsWith("lc")).toList();

  private record Row(String customerId, Contract contract) {}

  private ContractTermsCsv() {}

  /** The terms per customer, or none and the problems found. */
  public static CsvImport.Result<ContractTerms> read(Reader csv, Instant now) {
    CsvImport.Result<Row> read = CsvImport.read(csv, HEADER, ContractTermsCsv::toRow);
    List<String> problems = new ArrayList<>(read.problems());
    Set<String> ids = new HashSet<>();
    Map<String, List<Contract>> byCustomer = new LinkedHashMap<>();
    for (Row row : read.rows()) {
      if (!ids.add(row.contract().getContractId())) {
        problems.add("contractId '" + row.contract().getContractId() + "' appears twice");
      }
      byCustomer.computeIfAbsent(row.customerId(), c -> new ArrayList<>()).add(row.contract());
    }
    if (!problems.isEmpty()) {
      return new CsvImport.Result<>(List.of(), problems);
    }
    List<ContractTerms> terms = new ArrayList<>();
    byCustomer.forEach(
        (customer, contracts) -> terms.add(new ContractTerms(customer, contracts, now)));
    return new CsvImport.Result<>(terms, List.of());
  }

  private static Row toRow(CSVRecord row) {
    int days = integer(row, "paymentTermsDays", 0, 365);
    BigDecimal discount = percent(row, "discountPercent");
    Integer discountDays = blank(row, "discountDays") ? null : integer(row, "discountDays", 1, 365);
    if ((discount == null) != (discountDays == null)) {
      throw new IllegalArgumentException("discountPercent and discountDays go together");
    }
    if (discountDays != null && discountDays >= days) {
      throw new IllegalArgumentException(
          "discountDays " + discountDays + " must be fewer than paymentTermsDays " + days);
    }
    LocalDate from = LocalDate.parse(CsvImport.required(row, "validFrom"));
    LocalDate to = date(row, "validTo");
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("validTo " + to + " is before validFrom " + from);
    }
    Contract contract =
        Contract.newBuilder()
            .setContractId(CsvImport.required(row, "contractId"))
            .setPaymentTerms(CsvImport.required(row, "paymentTerms"))
            .setPaymentTermsDays(days)
            .setDiscountPercent(discount)
            .setDiscountDays(discountDays)
            .setLateInterestPercent(percent(row, "lateInterestPercent"))
            .setValidFrom(from)
            .setValidTo(to)
            .setLetterOfCredit(letterOfCredit(row))
            .build();
    return new Row(CsvImport.required(row, "customerId"), contract);
  }

  private static LetterOfCreditTerms letterOfCredit(CSVRecord row) {
    if (LC_COLUMNS.stream().allMatch(c -> blank(row, c))) {
      return null;
    }
    List<String> missing = LC_REQUIRED.stream().filter(c -> blank(row, c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("a letter of credit needs " + missing);
    }
    String currency = row.get("lcCurrency");
    if (!Currencies.isAccepted(currency)) {
      throw new IllegalArgumentException(
          "lcCurrency '" + currency + "' is not an ISO 4217 currency in circulation");
    }
    BigDecimal amount = decimal(row, "lcAmount");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("lcAmount must be positive");
    }
    LocalDate expiry = LocalDate.parse(row.get("lcExpiryDate"));
    LocalDate shipment = date(row, "lcLatestShipmentDate");
    if (shipment != null && shipment.isAfter(expiry)) {
      throw new IllegalArgumentException(
          "lcLatestShipmentDate " + shipment + " is after lcExpiryDate " + expiry);
    }
    List<String> documents =
        blank(row, "lcDocuments")
            ? List.of()
            : Arrays.stream(row.get("lcDocuments").split(";"))
                .map(String::trim)
                .filter(d -> !d.isEmpty())
                .toList();
    return LetterOfCreditTerms.newBuilder()
        .setNumber(row.get("lcNumber"))
        .setIssuingBank(row.get("lcIssuingBank"))
        .setConfirmingBank(blank(row, "lcConfirmingBank") ? null : row.get("lcConfirmingBank"))
        .setAmount(new Money(amount, currency))
        .setExpiryDate(expiry)
        .setLatestShipmentDate(shipment)
        .setPresentationDays(integer(row, "lcPresentationDays", 1, 365))
        .setTolerancePercent(percent(row, "lcTolerancePercent"))
        .setDocumentsRequired(documents)
        .build();
  }

  private static boolean blank(CSVRecord row, String column) {
    return row.get(column).isBlank();
  }

  private static LocalDate date(CSVRecord row, String column) {
    return blank(row, column) ? null : LocalDate.parse(row.get(column));
  }

  private static int integer(CSVRecord row, String column, int min, int max) {
    String text = CsvImport.required(row, column);
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + text + "' is not a whole number");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          column + " " + value + " is not between " + min + " and " + max);
    }
    return value;
  }

  private static BigDecimal percent(CSVRecord row, String column) {
    if (blank(row, column)) {
      return null;
    }
    BigDecimal value = decimal(row, column);
    if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException(column + " " + value + " is not between 0 and 100");
    }
    return value;
  }

  private static BigDecimal decimal(CSVRecord row, String column) {
    try {
      return new BigDecimal(row.get(column)).setScale(4, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + row.get(column) + "' is not a number");
    }
  }
}
