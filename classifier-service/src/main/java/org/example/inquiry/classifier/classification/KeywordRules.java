package org.example.inquiry.classifier.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules layer: keyword patterns per inquiry type and urgency raisers. Explainable: every
 * decision names the rules that fired. Inquiries no rule recognises go to triage.
 */
public final class KeywordRules {

  /** Version recorded on every event this rule set decides. */
  public static final String VERSION = "keyword-rules-1";

  private static final double RULE_CONFIDENCE = 0.9;

  private final Map<String, Pattern> typeRules = new LinkedHashMap<>();
  private final Map<String, Pattern> urgencyRules = new LinkedHashMap<>();

  public KeywordRules() {
    type(
        "billing-discrepancy",
        "overcharg|wrong amount|billed twice|double[- ]billed|incorrect invoice|discrepanc|adjust(ment)? .*invoice|invoice .*adjust");
    type("invoice-copy", "copy of (the )?invoice|invoice copy|resend .*invoice|duplicate invoice");
    type(
        "payment-status",
        "payment status|have you received (our|my) payment|was (our|my) payment|remittance received");
    type("payment-terms", "payment terms|net ?\\d+|extend (the )?terms|early payment discount");
    type("credit-limit", "credit limit|credit line|credit approval|increase (our|my) limit");
    type("dispute", "disput|deduction|short[- ]paid|chargeback");
    type("refund", "refund|credit note|money back|reimburse");
    type("letter-of-credit", "letter of credit|\\blc\\b|\\bl/c\\b|documentary credit");
    type("logistics-billing", "shipment|delivery|delayed|shipping|consignment|not delivered");
    type("debt-restructuring", "restructur|payment plan|instal?lments|hardship|reschedul");
    type(
        "kyc-master-data",
        "\\bkyc\\b|change (of )?(our )?(bank|address|details)|update (our )?(bank|address)|beneficial owner");
    type(
        "treasury-fx",
        "exchange rate|\\bfx\\b|currency conversion|swift|wire transfer|remittance advice");
    urgency("legal-threat", "lawyer|legal action|court|attorney|solicitor");
    urgency("overdue", "overdue|past due|final notice");
    urgency("stopped-shipment", "shipment (is )?(on hold|stopped|blocked)|stopped (the )?shipment");
    urgency("fraud", "fraud|unauthori[sz]ed|phishing|scam");
  }

  private void type(String type, String regex) {
    typeRules.put(type, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  private void urgency(String id, String regex) {
    urgencyRules.put(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  /** Classifies subject and body; handles empty and very long text without failing. */
  public Classification classify(String subject, String body) {
    String text = ((subject == null ? "" : subject) + "\n" + (body == null ? "" : body));
    // Rules look at the first 20,000 characters: the question is at the top, quoted history below.
    if (text.length() > 20_000) {
      text = text.substring(0, 20_000);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    List<Classification.TypeScore> types = new ArrayList<>();
    List<String> fired = new ArrayList<>();
    typeRules.forEach(
        (type, pattern) -> {
          if (pattern.matcher(lower).find()) {
            types.add(new Classification.TypeScore(type, RULE_CONFIDENCE, "RULE"));
            fired.add("type:" + type);
          }
        });
    String urgency = "NORMAL";
    for (var rule : urgencyRules.entrySet()) {
      if (rule.getValue().matcher(lower).find()) {
        fired.add("urgency:" + rule.getKey());
        urgency =
            rule.getKey().equals("legal-threat") || rule.getKey().equals("fraud")
                ? "CRITICAL"
                : "HIGH";
      }
    }
    if (types.isEmpty()) {
      return new Classification(
          List.of(new Classification.TypeScore("general", 0.3, "RULE")),
          urgency,
          true,
          "no rule recognised the inquiry type",
          "TRIAGE",
          fired);
    }
    types.sort(Comparator.comparingDouble(Classification.TypeScore::confidence).reversed());
    return new Classification(types, urgency, false, null, "RULES", fired);
  }
}
