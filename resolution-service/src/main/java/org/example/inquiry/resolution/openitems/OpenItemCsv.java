package org.example.inquiry.resolution.openitems;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.example.inquiry.platform.csv.CsvImport;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.ledger.OpenItemColumns;
import org.example.inquiry.schemas.money.Currencies;

/**
 * Reads a receivables ledger extract (CSV with a header, RFC 4180) into {@link OpenItem}s. Every
 * bad line is reported; nothing is imported unless the whole file is valid.
 */
public final class OpenItemCsv {

  public static final List<String> HEADER = OpenItemColumns.HEADER;
  private static final Set<String> TYPES = Set.of("INVOICE", "CREDIT_NOTE", "PAYMENT");
  private static final Set<String> STATUSES =
      Set.of("OPEN", "PARTIALLY_PAID", "PAID", "OVERDUE", "WRITTEN_OFF");

  private OpenItemCsv() {}

  /** The parsed items, or none and the problems found. */
  public static CsvImport.Result<OpenItem> read(Reader csv, Instant now) {
    CsvImport.Result<OpenItem> read = CsvImport.read(csv, HEADER, row -> toItem(row, now));
    return new CsvImport.Result<>(
        read.problems().isEmpty() ? read.rows() : List.of(), read.problems());
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
    LocalDate issued = LocalDate.parse(required(row, "issueDate"));
    LocalDate paidOn = optionalDate(row, "paidOn");
    if (paidOn != null && paidOn.isBefore(issued)) {
      throw new IllegalArgumentException("paidOn " + paidOn + " is before issueDate " + issued);
    }
    if (!Currencies.isAccepted(currency)) {
      throw new IllegalArgumentException(
          "currency '" + currency + "' is not an ISO 4217 currency in circulation");
    }
    return OpenItem.newBuilder()
        .setDocumentNumber(required(row, "documentNumber"))
        .setDocumentType(type)
        .setCustomerId(required(row, "customerId"))
        .setIssueDate(issued)
        .setDueDate(row.get("dueDate").isBlank() ? null : LocalDate.parse(row.get("dueDate")))
        .setAmount(new Money(decimal(row, "amount"), currency))
        .setOpenAmount(new Money(decimal(row, "openAmount"), currency))
        .setStatus(status)
        .setOrderNumber(row.get("orderNumber").isBlank() ? null : row.get("orderNumber"))
        .setLetterOfCreditNumber(
            row.get("letterOfCreditNumber").isBlank() ? null : row.get("letterOfCreditNumber"))
        .setUpdatedAt(now)
        .setPaidOn(optionalDate(row, "paidOn"))
        .setPromisedPaymentDate(optionalDate(row, "promisedPaymentDate"))
        .build();
  }

  /** A date of an optional column: null when the file lacks the column or the cell is blank. */
  private static LocalDate optionalDate(CSVRecord row, String column) {
    if (!row.isMapped(column) || !row.isSet(column) || row.get(column).isBlank()) {
      return null;
    }
    return LocalDate.parse(row.get(column));
  }

  private static BigDecimal decimal(CSVRecord row, String column) {
    try {
      return new BigDecimal(required(row, column)).setScale(4, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + row.get(column) + "' is not a number");
    }
  }

  private static String required(CSVRecord row, String column) {
    return CsvImport.required(row, column);
  }
}
