package org.example.inquiry.classifier.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceExtractorTest {

  @Test
  void findsInvoiceNumbersAmountsAndDates() {
    List<ExtractedReference> found =
        ReferenceExtractor.extract(
            "Invoice no. 2024-0815 and INV-1001 (USD 22,000.50, also €1.250,00 and 300 GBP)"
                + " were due on 2026-11-02, or 5 Nov 2026.");

    assertThat(found)
        .filteredOn(r -> r.kind().equals("INVOICE"))
        .extracting(ExtractedReference::value)
        .containsExactly("2024-0815", "INV-1001");
    assertThat(found)
        .filteredOn(r -> r.kind().equals("AMOUNT"))
        .extracting(ExtractedReference::value)
        .containsExactlyInAnyOrder("22000.50 USD", "1250.00 EUR", "300 GBP");
    assertThat(found)
        .filteredOn(r -> r.kind().equals("DATE"))
        .extracting(ExtractedReference::value)
        .containsExactly("2026-11-02", "5 Nov 2026");
  }

  @Test
  void readsThousandsAndDecimalSeparatorsTheWayTheyAreWritten() {
    assertThat(ReferenceExtractor.parse("22,000")).isEqualByComparingTo("22000");
    assertThat(ReferenceExtractor.parse("22.000,50")).isEqualByComparingTo("22000.50");
    assertThat(ReferenceExtractor.parse("1'000.00")).isEqualByComparingTo("1000");
    assertThat(ReferenceExtractor.parse("12.5")).isEqualByComparingTo("12.5");
  }

  @Test
  void understandsThousandsSuffixes() {
    assertThat(ReferenceExtractor.extract("limit of $250k please"))
        .extracting(ExtractedReference::amount)
        .containsExactly(new BigDecimal("250000"));
  }

  @Test
  void plainNumbersAndWordsAreNotReferences() {
    assertThat(ReferenceExtractor.extract("We have 12 questions about the invoice.")).isEmpty();
  }
}
