package org.example.inquiry.classifier.classification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules layer: configurable patterns that set an inquiry type, veto one, or raise urgency, plus
 * a large-amount urgency rule and reference extraction. Explainable: the outcome names every rule
 * that fired and the references found.
 */
public final class KeywordRules {

  /** Version of the rule engine; the rules version adds a hash of the rule set in use. */
  public static final String ENGINE_VERSION = "keyword-rules-2";

  /** Characters the rules read: the question is at the top, quoted history below. */
  static final int MAX_CHARS = 20_000;

  /** What a rule does when its pattern matches. */
  public enum Action {
    /** Proposes {@code type}. */
    TYPE,
    /** Removes {@code type} whatever proposed it. */
    VETO,
    /** Raises urgency to at least {@code urgency}. */
    URGENCY
  }

  /**
   * One rule, as configured under {@code classifier.rules}.
   *
   * @param id stable id recorded in {@code firedRules}, e.g. {@code urgency:fraud}
   * @param action what the rule does
   * @param pattern case-insensitive regular expression searched in subject and body
   * @param type the taxonomy code, for TYPE and VETO
   * @param urgency LOW, NORMAL, HIGH or CRITICAL, for URGENCY
   */
  public record Rule(String id, Action action, String pattern, String type, String urgency) {

    public Rule {
      if (id == null || id.isBlank() || action == null || pattern == null || pattern.isBlank()) {
        throw new IllegalArgumentException("a rule needs an id, an action and a pattern: " + id);
      }
      if (action != Action.URGENCY && (type == null || type.isBlank())) {
        throw new IllegalArgumentException("rule " + id + " needs a type");
      }
      if (action == Action.URGENCY && Urgencies.rank(urgency) < 0) {
        throw new IllegalArgumentException("rule " + id + " needs an urgency");
      }
    }

    static Rule setsType(String type, String pattern) {
      return new Rule("type:" + type, Action.TYPE, pattern, type, null);
    }

    static Rule vetoes(String id, String type, String pattern) {
      return new Rule("veto:" + id, Action.VETO, pattern, type, null);
    }

    static Rule raises(String id, String urgency, String pattern) {
      return new Rule("urgency:" + id, Action.URGENCY, pattern, null, urgency);
    }
  }

  /**
   * What the rules found in one inquiry.
   *
   * @param types types rules set, in rule order, vetoed ones removed
   * @param vetoed types rules vetoed
   * @param urgency the highest urgency a rule raised to, NORMAL when none did
   * @param firedRules ids of the rules that fired, in rule order
   * @param references invoice numbers, amounts and dates found in the text
   */
  public record Outcome(
      List<String> types,
      Set<String> vetoed,
      String urgency,
      List<String> firedRules,
      List<ExtractedReference> references) {}

  private final List<Rule> rules;
  private final List<Compiled> compiled;

  /**
   * A rule with its pattern compiled, and the literals one of which any match contains ({@link
   * RuleLiterals}; absent: none known, the pattern always runs).
   */
  private record Compiled(Rule rule, Pattern pattern, Optional<List<String>> literals) {

    static Compiled of(Rule rule) {
      return new Compiled(
          rule,
          Pattern.compile(rule.pattern(), Pattern.CASE_INSENSITIVE),
          RuleLiterals.of(rule.pattern()));
    }

    /** Whether the pattern is found in the lower-cased text. */
    boolean matches(String lower) {
      if (literals.isPresent() && !RuleLiterals.anyIn(literals.get(), lower)) {
        return false;
      }
      return pattern.matcher(lower).find();
    }
  }

  private final BigDecimal largeAmountThreshold;
  private final String version;

  /**
   * @param rules the rules, evaluated in order
   * @param largeAmountThreshold an amount at or above this, in any currency, raises urgency to
   *     HIGH; the classifier has no FX rates, so it is a nominal threshold; null disables the rule
   */
  public KeywordRules(List<Rule> rules, BigDecimal largeAmountThreshold) {
    this.rules = List.copyOf(rules);
    this.compiled = this.rules.stream().map(Compiled::of).toList();
    this.largeAmountThreshold = largeAmountThreshold;
    this.version = ENGINE_VERSION + "+" + fingerprint(this.rules, largeAmountThreshold);
  }

  /** The default rules with a large-amount threshold of 100,000. */
  public KeywordRules() {
    this(defaultRules(), new BigDecimal("100000"));
  }

  /** The rules the service uses unless configured otherwise. */
  public static List<Rule> defaultRules() {
    return List.of(
        Rule.setsType(
            "billing-discrepancy",
            "overcharg|wrong amount|billed twice|double[- ]billed|incorrect invoice|discrepanc"
                + "|adjust(ment)? .*invoice|invoice .*adjust"),
        Rule.setsType(
            "invoice-copy",
            "copy of (the )?invoice|invoice copy|resend .*invoice|duplicate invoice"),
        Rule.setsType(
            "payment-status",
            "payment status|have you received (our|my) payment|was (our|my) payment"
                + "|remittance received"),
        Rule.setsType(
            "payment-terms",
            "payment terms|\\bnet ?\\d+\\b|extend (the )?terms|early payment discount"),
        Rule.setsType(
            "credit-limit", "credit limit|credit line|credit approval|increase (our|my) limit"),
        Rule.setsType("dispute", "disput|deduction|short[- ]paid|chargeback"),
        Rule.setsType("refund", "refund|credit note|money back|reimburse"),
        Rule.setsType("letter-of-credit", "letter of credit|\\blc\\b|\\bl/c\\b|documentary credit"),
        Rule.setsType(
            "logistics-billing", "shipment|delivery|delayed|shipping|consignment|not delivered"),
        Rule.setsType(
            "debt-restructuring", "restructur|payment plan|instal?lments|hardship|reschedul"),
        Rule.setsType(
            "kyc-master-data",
            "\\bkyc\\b|change (of )?(our )?(bank|address|details)|update (our )?(bank|address)"
                + "|beneficial owner"),
        Rule.setsType(
            "treasury-fx",
            "exchange rate|\\bfx\\b|currency conversion|swift|wire transfer|remittance advice"),
        Rule.vetoes(
            "not-a-dispute", "dispute", "\\bundisputed\\b|\\bno dispute\\b|not (in |a )?disput"),
        Rule.raises(
            "legal-threat", "CRITICAL", "lawyer|legal action|\\bcourt\\b|attorney|solicitor"),
        Rule.raises("overdue", "HIGH", "overdue|past due|final notice"),
        Rule.raises(
            "stopped-shipment",
            "HIGH",
            "shipment (is |has been |was )?(on hold|stopped|blocked|held)"
                + "|(stopped|blocked|held|halted) (the |our |all )?(shipment|deliver)"),
        Rule.raises("fraud", "CRITICAL", "fraud|unauthori[sz]ed|phishing|scam"));
  }

  /** Engine version plus a hash of the rules and threshold in use, recorded on every event. */
  public String version() {
    return version;
  }

  /** Evaluates the rules; empty, null and very long texts are fine. */
  public Outcome evaluate(String subject, String body, BigDecimal statedAmount) {
    String text = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
    if (text.length() > MAX_CHARS) {
      text = text.substring(0, MAX_CHARS);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    LinkedHashSet<String> types = new LinkedHashSet<>();
    LinkedHashSet<String> vetoed = new LinkedHashSet<>();
    List<String> fired = new ArrayList<>();
    String urgency = "NORMAL";
    for (Compiled c : compiled) {
      if (!c.matches(lower)) {
        continue;
      }
      Rule rule = c.rule();
      fired.add(rule.id());
      switch (rule.action()) {
        case TYPE -> types.add(rule.type());
        case VETO -> vetoed.add(rule.type());
        case URGENCY -> urgency = Urgencies.max(urgency, rule.urgency());
      }
    }
    types.removeAll(vetoed);
    List<ExtractedReference> references = ReferenceExtractor.extract(text);
    references.stream()
        .map(r -> "extract:" + r.kind().toLowerCase(Locale.ROOT))
        .distinct()
        .forEach(fired::add);
    if (largeAmountThreshold != null && isLarge(statedAmount, references)) {
      fired.add("urgency:large-amount");
      urgency = Urgencies.max(urgency, "HIGH");
    }
    return new Outcome(List.copyOf(types), Set.copyOf(vetoed), urgency, fired, references);
  }

  private boolean isLarge(BigDecimal statedAmount, List<ExtractedReference> references) {
    if (statedAmount != null && statedAmount.compareTo(largeAmountThreshold) >= 0) {
      return true;
    }
    return references.stream()
        .anyMatch(r -> r.amount() != null && r.amount().compareTo(largeAmountThreshold) >= 0);
  }

  private static String fingerprint(List<Rule> rules, BigDecimal threshold) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      rules.forEach(r -> sha.update((r.toString() + "\n").getBytes(StandardCharsets.UTF_8)));
      sha.update(
          String.valueOf(threshold == null ? null : threshold.stripTrailingZeros())
              .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
