package org.example.inquiry.resolution.openitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import org.example.inquiry.schemas.ledger.OpenItemColumns;
import org.junit.jupiter.api.Test;

class OpenItemCsvTest {

  @Test
  void paymentDaysAndPromisesAreReadWhenTheColumnsArePresent() {
    var result =
        OpenItemCsv.read(
            new StringReader(
                String.join(",", OpenItemColumns.ALL)
                    + "\nINV-1,INVOICE,C-1,2026-09-15,2026-10-15,4800.00,USD,0.00,PAID,PO-1,,2026-10-14,2026-10-20"
                    + "\nINV-2,INVOICE,C-1,2026-09-15,2026-10-15,4800.00,USD,4800.00,OVERDUE,,,,2026-11-15\n"),
            Instant.EPOCH);

    assertThat(result.problems()).isEmpty();
    assertThat(result.rows().get(0).getPaidOn()).isEqualTo(LocalDate.of(2026, 10, 14));
    assertThat(result.rows().get(0).getPromisedPaymentDate()).isEqualTo(LocalDate.of(2026, 10, 20));
    assertThat(result.rows().get(1).getPaidOn()).isNull();
    assertThat(result.rows().get(1).getPromisedPaymentDate()).isEqualTo(LocalDate.of(2026, 11, 15));
  }

  @Test
  void extractsWithoutTheOptionalColumnsStillImport() {
    var result =
        OpenItemCsv.read(
            new StringReader(
                String.join(",", OpenItemColumns.HEADER)
                    + "\nINV-1,INVOICE,C-1,2026-09-15,2026-10-15,4800.00,USD,0.00,PAID,PO-1,\n"),
            Instant.EPOCH);

    assertThat(result.problems()).isEmpty();
    assertThat(result.rows().get(0).getPaidOn()).isNull();
  }

  @Test
  void aSettlementBeforeTheIssueDateOrNotADateIsRefused() {
    var result =
        OpenItemCsv.read(
            new StringReader(
                String.join(",", OpenItemColumns.ALL)
                    + "\nINV-1,INVOICE,C-1,2026-09-15,2026-10-15,4800.00,USD,0.00,PAID,,,2026-09-01,"
                    + "\nINV-2,INVOICE,C-1,2026-09-15,2026-10-15,4800.00,USD,0.00,PAID,,,,soon\n"),
            Instant.EPOCH);

    assertThat(result.rows()).isEmpty();
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p).contains("line 2").contains("paidOn 2026-09-01 is before"))
        .anySatisfy(p -> assertThat(p).contains("line 3").contains("soon"));
  }
}
