package org.example.inquiry.intake.customers;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.example.inquiry.platform.csv.CsvImport;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.RiskRating;
import org.example.inquiry.schemas.identity.PersonIds;
import org.example.inquiry.schemas.money.Currencies;

/**
 * Reads a customer master export (CSV with a header, RFC 4180 quoting; lists inside a cell
 * separated by {@code ;}) into {@link Customer} records. Every problem is reported with its line,
 * and nothing is imported unless the whole file is valid.
 */
public final class CustomerCsv {

  public static final List<String> HEADER =
      List.of(
          "customerId",
          "legalName",
          "segment",
          "region",
          "contactNames",
          "contactEmails",
          "emailDomains",
          "kycStatus",
          "kycExpiresOn",
          "accountManager",
          "creditLimit",
          "creditLimitCurrency",
          "lifetimeValue",
          "lifetimeValueCurrency",
          "acquisitionCostPaybackMonths",
          "riskRating");

  /** The parsed customers, or the problems found. */
  public record Result(List<Customer> customers, List<String> problems) {}

  private CustomerCsv() {}

  public static Result read(Reader csv, Instant now) {
    CsvImport.Result<Customer> read = CsvImport.read(csv, HEADER, row -> toCustomer(row, now));
    List<String> problems = new ArrayList<>(read.problems());
    Set<String> ids = new HashSet<>();
    for (Customer customer : read.rows()) {
      if (!ids.add(customer.getCustomerId())) {
        problems.add("duplicate customerId " + customer.getCustomerId());
      }
    }
    return new Result(problems.isEmpty() ? read.rows() : List.of(), problems);
  }

  private static Customer toCustomer(CSVRecord row, Instant now) {
    String id = required(row, "customerId");
    List<String> names = list(row.get("contactNames"));
    List<String> emails =
        list(row.get("contactEmails")).stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < emails.size(); i++) {
      if (!emails.get(i).matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException(
            "contact email '" + emails.get(i) + "' is not an address");
      }
      contacts.add(new Contact(i < names.size() ? names.get(i) : null, emails.get(i)));
    }
    return Customer.newBuilder()
        .setCustomerId(id)
        .setLegalName(required(row, "legalName"))
        .setSegment(required(row, "segment"))
        .setRegion(blankToNull(row.get("region")))
        .setContacts(contacts)
        .setEmailDomains(
            list(row.get("emailDomains")).stream().map(d -> d.toLowerCase(Locale.ROOT)).toList())
        .setKycStatus(enumValue(KycStatus.class, required(row, "kycStatus"), "kycStatus"))
        .setKycExpiresOn(
            blankToNull(row.get("kycExpiresOn")) == null
                ? null
                : LocalDate.parse(row.get("kycExpiresOn")))
        .setAccountManager(PersonIds.canonicalOrFolded(blankToNull(row.get("accountManager"))))
        .setCreditLimit(money(row, "creditLimit", "creditLimitCurrency"))
        .setLifetimeValue(money(row, "lifetimeValue", "lifetimeValueCurrency"))
        .setAcquisitionCostPaybackMonths(
            blankToNull(row.get("acquisitionCostPaybackMonths")) == null
                ? null
                : Integer.valueOf(row.get("acquisitionCostPaybackMonths")))
        .setRiskRating(
            blankToNull(row.get("riskRating")) == null
                ? RiskRating.UNRATED
                : enumValue(RiskRating.class, row.get("riskRating"), "riskRating"))
        .setUpdatedAt(now)
        .build();
  }

  private static Money money(CSVRecord row, String amountColumn, String currencyColumn) {
    String amount = blankToNull(row.get(amountColumn));
    if (amount == null) {
      return null;
    }
    String currency = required(row, currencyColumn);
    if (!Currencies.isAccepted(currency)) {
      throw new IllegalArgumentException(
          currencyColumn + " '" + currency + "' is not an ISO 4217 currency in circulation");
    }
    try {
      return new Money(new BigDecimal(amount).setScale(4, RoundingMode.UNNECESSARY), currency);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          amountColumn + " '" + amount + "' is not an amount with at most 4 decimals");
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String column) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          column + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static String required(CSVRecord row, String column) {
    return CsvImport.required(row, column);
  }

  private static List<String> list(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
