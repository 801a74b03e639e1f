package org.example.inquiry.schemas.ledger;

import java.util.List;

/**
 * The columns of a receivables ledger extract as resolution's {@code POST
 * /api/v1/open-items/import} reads it (CSV with this header, RFC 4180), one {@code OpenItem} per
 * row: the contract of the supervisors' extracts and of finance systems feeding their postings.
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

  private OpenItemColumns() {}
}
