package org.example.inquiry.schemas.ledger;

import java.util.List;

/**
 * The columns of a receivables ledger extract as resolution's {@code POST
 * /api/v1/open-items/import} reads it (CSV with this header, RFC 4180), one {@code OpenItem} per
 * row: the contract of the supervisors' extracts and of finance systems feeding their postings.
 * {@link #HEADER} is required; the {@link #OPTIONAL} columns may be left out of a file (extracts
 * written before they existed), and are blank when a document has no value.
 */
public final class OpenItemColumns {

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

  /** Payment facts: the day settled in full, and the customer's promised payment day. */
  public static final List<String> OPTIONAL = List.of("paidOn", "promisedPaymentDate");

  /** Every column, as writers should produce them. */
  public static final List<String> ALL =
      java.util.stream.Stream.concat(HEADER.stream(), OPTIONAL.stream()).toList();

  private OpenItemColumns() {}
}
