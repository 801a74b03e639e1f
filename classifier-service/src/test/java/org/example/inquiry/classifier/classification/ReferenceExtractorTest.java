package org.example.inquiry.classifier.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @Test
  void theLookaheadsFindExactlyWhatThePatternsFindWithoutThem() throws IOException {
    Map<Pattern, Pattern> withAndWithout =
        Map.of(
            ReferenceExtractor.INVOICE,
            Pattern.compile(ReferenceExtractor.INVOICE_REGEX, Pattern.CASE_INSENSITIVE),
            ReferenceExtractor.AMOUNT_AFTER,
            Pattern.compile(ReferenceExtractor.AMOUNT_AFTER_REGEX),
            ReferenceExtractor.AMOUNT_BEFORE,
            Pattern.compile(ReferenceExtractor.AMOUNT_BEFORE_REGEX),
            ReferenceExtractor.DATE,
            Pattern.compile(ReferenceExtractor.DATE_REGEX, Pattern.CASE_INSENSITIVE));
    List<String> texts = new ArrayList<>(fuzzTexts(new Random(5), 30_000));
    texts.addAll(Files.readAllLines(Path.of("src/main/resources/corpus/finance-inquiries.csv")));
    Path evaluation = Path.of("evaluation/finance-evaluation.jsonl");
    if (Files.exists(evaluation)) {
      texts.addAll(Files.readAllLines(evaluation));
    }
    withAndWithout.forEach(
        (with, without) -> {
          int found = 0;
          for (String text : texts) {
            List<String> expected = matches(without, text);
            assertThat(matches(with, text)).as("%s on %s", with, text).isEqualTo(expected);
            found += expected.size();
          }
          assertThat(found).as("matches of %s", with).isGreaterThan(500);
        });
  }

  /** Every match of the pattern in the text: where it is and what each group holds. */
  private static List<String> matches(Pattern pattern, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      StringBuilder match = new StringBuilder().append(m.start()).append('-').append(m.end());
      for (int g = 1; g <= m.groupCount(); g++) {
        match.append('|').append(m.group(g));
      }
      out.add(match.toString());
    }
    return out;
  }

  /**
   * Texts made of the pieces references are made of, and of what is next to them: currency codes in
   * either case, symbols, digits and separators, months, invoice words, letters, accents, combining
   * marks and underscores at word boundaries.
   */
  private static List<String> fuzzTexts(Random random, int count) {
    String[] pieces = {
      "INV",
      "inv",
      "Inv-",
      "INV/",
      "invoice",
      "Invoice no.",
      "invoice number",
      "nr.",
      "#",
      ":",
      "INV-",
      "2024-0815",
      "AB-12",
      "123",
      "2026-11-02",
      "5 Nov ",
      "Nov 5, ",
      "1.2.2026",
      "3/4/26",
      "USD",
      "usd",
      "EUR",
      "GBP",
      "CHF",
      "JPY",
      "CAD",
      "AUD",
      "SGD",
      "HKD",
      "CNY",
      "$",
      "€",
      "£",
      "¥",
      "1",
      "22",
      "300",
      "2026",
      "1,250",
      "22.000,50",
      "1'000.00",
      "0.5",
      ",",
      ".",
      "'",
      "-",
      "/",
      " ",
      "  ",
      "\n",
      "\t",
      "k",
      "K",
      "m",
      "M",
      "Jan",
      "feb",
      "MARCH",
      "apr",
      "May",
      "jun",
      "Jul",
      "aug",
      "Sept",
      "oct",
      "Nov",
      "dec",
      "December",
      "a",
      "x",
      "é",
      "ß",
      "_",
      "\u0301",
      "\u212A",
      "١٢",
      "due",
      "on",
      "of"
    };
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 1 + random.nextInt(12); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          text.append(' ');
        }
      }
      texts.add(text.toString());
    }
    return texts;
  }
}
