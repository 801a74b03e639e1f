package org.example.inquiry.resolution.openitems;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;

/**
 * Reads a receivables ledger extract (CSV with a header, RFC 4180) into {@link OpenItem}s. Every
 * bad line is reported; nothing is imported unless the whole file is valid.
 */
public final class OpenItemCsv {

  public static final List<String> HEADER =
      List.of(
          "documentNumber",
          "documentType",
          "customerId",
          "issueDate",
          "dueDate",
          "amount",
          "currency",
          "openAmount",
          "status",
          "orderNumber",
          "letterOfCreditNumber");
  private static final Set<String> TYPES = Set.of("INVOICE", "CREDIT_NOTE", "PAYMENT");
  private static final Set<String> STATUSES = Set.of("OPEN", "PARTIALLY_PAID", "PAID", "OVERDUE");

  /** The parsed items, or the problems found. */
  public record Result(List<OpenItem> items, List<String> problems) {}

  private OpenItemCsv() {}

  public static Result read(Reader csv, Instant now) {
    List<OpenItem> items = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (var parser = format.parse(csv)) {
      List<String> missing =
          HEADER.stream().filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
      if (!missing.isEmpty()) {
        return new Result(List.of(), List.of("header lacks columns " + missing));
      }
      for (CSVRecord row : parser) {
        try {
          items.add(toItem(row, now));
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
          problems.add("line " + parser.getCurrentLineNumber() + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      problems.add("not a readable CSV: " + e.getMessage());
    }
    return new Result(problems.isEmpty() ? items : List.of(), problems);
  }

  private static OpenItem toItem(CSVRecord row, Instant now) {
    String type = required(row, "documentType");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("documentType '" + type + "' is not one of " + TYPES);
    }
    String status = required(row, "status");
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("status '" + status + "' is not one of " + STATUSES);
    }
    String currency = required(row, "currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code");
    }
    return OpenItem.newBuilder()
        .setDocumentNumber(required(row, "documentNumber"))
        .setDocumentType(type)
        .setCustomerId(required(row, "customerId"))
        .setIssueDate(LocalDate.parse(required(row, "issueDate")))
        .setDueDate(row.get("dueDate").isBlank() ? null : LocalDate.parse(row.get("dueDate")))
        .setAmount(new Money(decimal(row, "amount"), currency))
        .setOpenAmount(new Money(decimal(row, "openAmount"), currency))
        .setStatus(status)
        .setOrderNumber(row.get("orderNumber").isBlank() ? null : row.get("orderNumber"))
        .setLetterOfCreditNumber(
            row.get("letterOfCreditNumber").isBlank() ? null : row.get("letterOfCreditNumber"))
        .setUpdatedAt(now)
        .build();
  }

  private static BigDecimal decimal(CSVRecord row, String column) {
    try {
      return new BigDecimal(required(row, column)).setScale(4, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + row.get(column) + "' is not a number");
    }
  }

  private static String required(CSVRecord row, String column) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(column + " is required");
    }
    return value.trim();
  }
}
