package org.example.inquiry.simulator.traffic;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The local stack's sample data as customers see it: the customer master ({@code customers.csv},
 * with the registered contacts) and the receivables ledger ({@code open-items.csv}), so simulated
 * customers write from their registered addresses about their own invoices.
 */
public final class SampleData {

  /** A registered contact person of a customer. */
  public record Contact(String name, String email) {}

  /** A customer of the master, with what the simulator needs to write as them. */
  public record Customer(
      String id,
      String legalName,
      String segment,
      String region,
      List<Contact> contacts,
      List<String> emailDomains,
      String kycStatus,
      BigDecimal creditLimit,
      String creditLimitCurrency) {}

  /** One ledger document (INVOICE, PAYMENT or CREDIT_NOTE). */
  public record OpenItem(
      String documentNumber,
      String documentType,
      String customerId,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal amount,
      String currency,
      BigDecimal openAmount,
      String status,
      String orderNumber,
      String letterOfCreditNumber) {

    public boolean isInvoice() {
      return "INVOICE".equals(documentType);
    }

    public boolean isUnpaid() {
      return openAmount.signum() > 0;
    }
  }

  private final List<Customer> customers;
  private final Map<String, List<OpenItem>> itemsByCustomer;

  public SampleData(List<Customer> customers, List<OpenItem> items) {
    this.customers = List.copyOf(customers);
    Map<String, List<OpenItem>> byCustomer = new LinkedHashMap<>();
    for (OpenItem item : items) {
      byCustomer.computeIfAbsent(item.customerId(), c -> new ArrayList<>()).add(item);
    }
    byCustomer.replaceAll(
        (c, list) -> list.stream().sorted(Comparator.comparing(OpenItem::documentNumber)).toList());
    this.itemsByCustomer = Map.copyOf(byCustomer);
  }

  /** Reads {@code customers.csv} and {@code open-items.csv} from {@code dir}. */
  public static SampleData load(Path dir) {
    return new SampleData(
        readCustomers(dir.resolve("customers.csv")), readOpenItems(dir.resolve("open-items.csv")));
  }

  public List<Customer> customers() {
    return customers;
  }

  /** The customer's invoices, in document number order. */
  public List<OpenItem> invoicesOf(String customerId) {
    return itemsByCustomer.getOrDefault(customerId, List.of()).stream()
        .filter(OpenItem::isInvoice)
        .toList();
  }

  /** Every ledger document, for checks. */
  public List<OpenItem> items() {
    return itemsByCustomer.values().stream().flatMap(List::stream).toList();
  }

  static List<Customer> readCustomers(Path file) {
    List<Customer> customers = new ArrayList<>();
    for (CSVRecord r : records(file)) {
      List<String> names = split(r.get("contactNames"));
      List<String> emails = split(r.get("contactEmails"));
      List<Contact> contacts = new ArrayList<>();
      for (int i = 0; i < emails.size(); i++) {
        contacts.add(new Contact(i < names.size() ? names.get(i) : null, emails.get(i)));
      }
      if (contacts.isEmpty()) {
        continue;
      }
      customers.add(
          new Customer(
              r.get("customerId"),
              r.get("legalName"),
              r.get("segment"),
              r.get("region"),
              List.copyOf(contacts),
              split(r.get("emailDomains")),
              r.get("kycStatus"),
              decimal(r.get("creditLimit")),
              blankToNull(r.get("creditLimitCurrency"))));
    }
    return customers;
  }

  static List<OpenItem> readOpenItems(Path file) {
    List<OpenItem> items = new ArrayList<>();
    for (CSVRecord r : records(file)) {
      items.add(
          new OpenItem(
              r.get("documentNumber"),
              r.get("documentType"),
              r.get("customerId"),
              date(r.get("issueDate")),
              date(r.get("dueDate")),
              new BigDecimal(r.get("amount")),
              r.get("currency"),
              new BigDecimal(r.get("openAmount")),
              r.get("status"),
              blankToNull(r.get("orderNumber")),
              blankToNull(r.get("letterOfCreditNumber"))));
    }
    return items;
  }

  private static List<CSVRecord> records(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(
          new IOException("no sample data file " + file + " (see deploy/local/data)"));
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .get()
          .parse(in)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static List<String> split(String list) {
    return list == null || list.isBlank()
        ? List.of()
        : Arrays.stream(list.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static BigDecimal decimal(String s) {
    return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
  }

  private static LocalDate date(String s) {
    return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
  }
}
