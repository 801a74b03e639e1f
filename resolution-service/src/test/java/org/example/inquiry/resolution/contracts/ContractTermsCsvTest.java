package org.example.inquiry.resolution.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import org.example.inquiry.platform.csv.CsvImport;
import org.example.inquiry.schemas.ContractTerms;
import org.example.inquiry.schemas.LetterOfCreditTerms;
import org.junit.jupiter.api.Test;

class ContractTermsCsvTest {

  static final String HEADER = String.join(",", ContractTermsCsv.HEADER) + "\n";
  static final String GENERAL =
      "C-1001,CT-1001-1,NET30,30,,,8.00,2025-01-01,2027-12-31,,,,,,,,,,\n";
  static final String LETTER =
      "C-1001,CT-1001-2,NET30,30,,,,2026-09-01,2027-03-31,LC-77,Harbourline Trade Bank,"
          + "Meridian Commerce Bank,22000.00,USD,2026-12-15,2026-11-20,21,5.00,"
          + "commercial invoice;bill of lading;packing list\n";
  static final String DISCOUNT = "C-1003,CT-1003-1,2/10 NET30,30,2.00,10,,2025-03-01,,,,,,,,,,,\n";

  static CsvImport.Result<ContractTerms> read(String rows) {
    return ContractTermsCsv.read(new StringReader(HEADER + rows), Instant.EPOCH);
  }

  @Test
  void contractsAreGroupedPerCustomerInFileOrder() {
    var result = read(GENERAL + DISCOUNT + LETTER);

    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(ContractTerms::getCustomerId)
        .containsExactly("C-1001", "C-1003");
    ContractTerms acme = result.rows().get(0);
    assertThat(acme.getContracts()).hasSize(2);
    assertThat(acme.getContracts().get(0).getLetterOfCredit()).isNull();
    assertThat(acme.getContracts().get(0).getLateInterestPercent()).isEqualByComparingTo("8");
    LetterOfCreditTerms lc = acme.getContracts().get(1).getLetterOfCredit();
    assertThat(lc.getNumber()).isEqualTo("LC-77");
    assertThat(lc.getAmount().getAmount()).isEqualByComparingTo("22000");
    assertThat(lc.getExpiryDate()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(lc.getDocumentsRequired())
        .containsExactly("commercial invoice", "bill of lading", "packing list");
    var discounted = result.rows().get(1).getContracts().get(0);
    assertThat(discounted.getDiscountPercent()).isEqualByComparingTo("2");
    assertThat(discounted.getDiscountDays()).isEqualTo(10);
    assertThat(discounted.getValidTo()).isNull();
  }

  @Test
  void everyBadLineIsReportedAndNothingImported() {
    var result =
        read(
            GENERAL
                + "C-1,CT-2,NET30,400,,,,2025-01-01,,,,,,,,,,,\n"
                + "C-1,CT-3,NET30,30,2.00,,,2025-01-01,,,,,,,,,,,\n"
                + "C-1,CT-4,NET30,30,,,,2025-01-01,2024-01-01,,,,,,,,,,\n"
                + "C-1,CT-5,NET30,30,,,,2025-01-01,,LC-1,Bank,,,USD,2026-01-01,,21,,\n"
                + "C-1,CT-6,NET30,30,,,,2025-01-01,,LC-2,Bank,,100.00,XXX,2026-01-01,,21,,\n"
                + "C-1,CT-7,NET30,30,,,,2025-01-01,,LC-3,Bank,,100.00,USD,2026-01-01,2026-02-01,21,,\n"
                + "C-1,CT-8,NET30,30,,,150,2025-01-01,,,,,,,,,,,\n"
                + "C-1,CT-1001-1,NET30,30,,,,2025-01-01,,,,,,,,,,,\n"
                + "C-1,CT-9,NET30,thirty,,,,2025-01-01,,,,,,,,,,,\n");

    assertThat(result.rows()).isEmpty();
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p).contains("line 3").contains("paymentTermsDays 400"))
        .anySatisfy(p -> assertThat(p).contains("discountPercent and discountDays go together"))
        .anySatisfy(p -> assertThat(p).contains("validTo 2024-01-01 is before validFrom"))
        .anySatisfy(p -> assertThat(p).contains("a letter of credit needs [lcAmount]"))
        .anySatisfy(p -> assertThat(p).contains("lcCurrency 'XXX'"))
        .anySatisfy(p -> assertThat(p).contains("lcLatestShipmentDate 2026-02-01 is after"))
        .anySatisfy(p -> assertThat(p).contains("lateInterestPercent 150"))
        .anySatisfy(p -> assertThat(p).contains("contractId 'CT-1001-1' appears twice"))
        .anySatisfy(p -> assertThat(p).contains("'thirty' is not a whole number"));
  }

  @Test
  void aFileWithoutTheColumnsIsRefused() {
    var result =
        ContractTermsCsv.read(new StringReader("customerId,contractId\nC-1,CT-1\n"), Instant.EPOCH);
    assertThat(result.rows()).isEmpty();
    assertThat(result.problems()).singleElement().asString().startsWith("header lacks columns");
  }
}
