package org.example.inquiry.classifier.classification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The context the urgency model reads beside the text, as tokens: the largest amount's order of
 * magnitude (stated or found in the text), whether dates and invoice numbers are quoted, and which
 * urgency rules fired (so the model learns how far to trust each rule). The same function builds
 * them in training and in use.
 */
public final class UrgencyContext {

  private UrgencyContext() {}

  /** The context tokens of one inquiry. */
  public static List<String> tokens(KeywordRules.Outcome outcome, BigDecimal statedAmount) {
    List<String> tokens = new ArrayList<>();
    BigDecimal largest = statedAmount;
    boolean date = false;
    boolean invoice = false;
    for (ExtractedReference r : outcome.references()) {
      if (r.amount() != null && (largest == null || r.amount().compareTo(largest) > 0)) {
        largest = r.amount();
      }
      date |= "DATE".equals(r.kind());
      invoice |= "INVOICE".equals(r.kind());
    }
    tokens.add(amountBand(largest));
    if (date) {
      tokens.add("ctxdate");
    }
    if (invoice) {
      tokens.add("ctxinvoice");
    }
    for (String rule : outcome.firedRules()) {
      if (rule.startsWith("urgency:")) {
        tokens.add("ctxrule" + rule.substring(8).replaceAll("[^a-z0-9]", ""));
      }
    }
    return tokens;
  }

  static String amountBand(BigDecimal amount) {
    if (amount == null || amount.signum() <= 0) {
      return "ctxamountnone";
    }
    int digits = amount.setScale(0, RoundingMode.DOWN).toPlainString().length();
    return String.format(Locale.ROOT, "ctxamount%d", Math.min(digits, 8));
  }
}
