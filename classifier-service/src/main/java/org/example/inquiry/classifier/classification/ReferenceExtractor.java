package org.example.inquiry.classifier.classification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds invoice numbers, amounts with a currency and dates in inquiry text, so the classified event
 * can say what an urgency or type was based on. Pure regular expressions, no I/O.
 */
final class ReferenceExtractor {

  // Each pattern starts with a lookahead for the characters every match starts with (after the
  // zero-width \b or lookbehind). It changes no match: a match can start nowhere else. It only lets
  // the matcher leave the other positions at one character test, instead of a word-boundary check
  // and every alternative there (about half the time on the bench's texts).
  private static final String NUMBER =
      "(\\d{1,3}(?:[,.' ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
  private static final String CURRENCY = "(USD|EUR|GBP|CHF|JPY|CAD|AUD|SGD|HKD|CNY|[$€£¥])";
  // The patterns without their lookahead (ReferenceExtractorTest finds the same with and without).
  static final String INVOICE_REGEX =
      "\\b(INV[-/ ]?\\d[\\w-]{2,})\\b"
          + "|\\binvoice\\s*(?:no\\.?|number|nr\\.?|#)\\s*:?\\s*([A-Z]{0,4}-?\\d[\\w-]{2,})";
  static final String AMOUNT_AFTER_REGEX =
      "(?<![A-Za-z])" + CURRENCY + "\\s?" + NUMBER + "(?:\\s?[kKmM]\\b)?";
  static final String AMOUNT_BEFORE_REGEX = "\\b" + NUMBER + "\\s?" + CURRENCY + "(?![A-Za-z])";
  static final String DATE_REGEX =
      "\\b(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}"
          + "|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}"
          + "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4})\\b";

  static final Pattern INVOICE =
      Pattern.compile("(?=inv)(?:" + INVOICE_REGEX + ")", Pattern.CASE_INSENSITIVE);
  static final Pattern AMOUNT_AFTER = Pattern.compile("(?=[UEGCJASH$€£¥])" + AMOUNT_AFTER_REGEX);
  static final Pattern AMOUNT_BEFORE = Pattern.compile("(?=\\d)" + AMOUNT_BEFORE_REGEX);
  // digits, or the first letters of the months
  static final Pattern DATE =
      Pattern.compile("(?=[\\djfmasond])" + DATE_REGEX, Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> SYMBOLS =
      Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");

  private ReferenceExtractor() {}

  /** Every distinct reference in the text, in order of kind then appearance. */
  static List<ExtractedReference> extract(String text) {
    List<ExtractedReference> found = new ArrayList<>();
    LinkedHashSet<String> invoices = new LinkedHashSet<>();
    Matcher invoice = INVOICE.matcher(text);
    while (invoice.find()) {
      invoices.add((invoice.group(1) != null ? invoice.group(1) : invoice.group(2)).toUpperCase());
    }
    invoices.forEach(i -> found.add(ExtractedReference.of("INVOICE", i)));
    LinkedHashSet<ExtractedReference> amounts = new LinkedHashSet<>();
    Matcher after = AMOUNT_AFTER.matcher(text);
    while (after.find()) {
      amount(after.group(1), after.group(2), suffix(after.group())).ifPresent(amounts::add);
    }
    Matcher before = AMOUNT_BEFORE.matcher(text);
    while (before.find()) {
      amount(before.group(2), before.group(1), 1).ifPresent(amounts::add);
    }
    found.addAll(amounts);
    LinkedHashSet<String> dates = new LinkedHashSet<>();
    Matcher date = DATE.matcher(text);
    while (date.find()) {
      dates.add(date.group(1));
    }
    dates.forEach(d -> found.add(ExtractedReference.of("DATE", d)));
    return found;
  }

  private static int suffix(String match) {
    char last = Character.toLowerCase(match.charAt(match.length() - 1));
    return last == 'k' ? 1_000 : last == 'm' ? 1_000_000 : 1;
  }

  private static Optional<ExtractedReference> amount(
      String currency, String number, int multiplier) {
    String code = SYMBOLS.getOrDefault(currency, currency.toUpperCase());
    BigDecimal value = parse(number);
    if (value == null) {
      return Optional.empty();
    }
    value = value.multiply(BigDecimal.valueOf(multiplier));
    return Optional.of(
        new ExtractedReference("AMOUNT", value.toPlainString() + " " + code, value, code));
  }

  /**
   * Reads 22,000 / 22.000,50 / 22 000 / 1'000.00 / 12.5: the last separator followed by one or two
   * digits is the decimal point, the others group thousands.
   */
  static BigDecimal parse(String number) {
    String digits = number;
    int lastSeparator = Math.max(number.lastIndexOf(','), number.lastIndexOf('.'));
    String fraction = "";
    if (lastSeparator >= 0 && number.length() - lastSeparator - 1 <= 2) {
      fraction = number.substring(lastSeparator + 1);
      digits = number.substring(0, lastSeparator);
    }
    digits = digits.replaceAll("[,.' ]", "");
    try {
      return new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
