package org.example.inquiry.classifier.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleLiteralsTest {

  @Test
  void eachTopLevelAlternativeGivesTheLiteralItsMatchesStartWith() {
    assertThat(RuleLiterals.of("overcharg|wrong amount|double[- ]billed|adjust(ment)? .*invoice"))
        .contains(List.of("overcharg", "wrong amount", "double", "adjust"));
    // word boundaries skipped; a character made optional or repeatable by ?, * or {} dropped
    assertThat(RuleLiterals.of("payment terms|\\bnet ?\\d+\\b|instal?lments|ab*c|xy{2}z"))
        .contains(List.of("payment terms", "net", "insta", "a", "x"));
    // alternatives inside groups and classes are not top-level; escapes end a literal
    assertThat(RuleLiterals.of("copy of (the )?invoice|\\bl/c\\b|x[a|b]y|fraud\\.com"))
        .contains(List.of("copy of ", "l/c", "x", "fraud"));
    // lower-cased, as the text the rules read
    assertThat(RuleLiterals.of("LC Amendment")).contains(List.of("lc amendment"));
  }

  @Test
  void aPatternWithAnAlternativeThatStartsWithoutALiteralAlwaysRuns() {
    assertThat(RuleLiterals.of("shipment stopped|(stopped|held) (the )?shipment")).isEmpty();
    assertThat(RuleLiterals.of("fraud|[0-9]+ days overdue")).isEmpty();
    assertThat(RuleLiterals.of("(?i)fraud")).isEmpty();
    assertThat(RuleLiterals.of("fraud|^scam")).isEmpty();
    assertThat(RuleLiterals.of("fraud|\\sscam")).isEmpty();
    assertThat(RuleLiterals.of("fraud|")).isEmpty();
  }

  @Test
  void aPatternWithAConstructTheReadingDoesNotFollowAlwaysRuns() {
    // (?x) makes the second alternative match "bc", which contains neither "a" nor "b c"
    assertThat(RuleLiterals.of("a(?x)|b c")).isEmpty();
    assertThat(RuleLiterals.of("fraud(?=ulent)|scam")).isEmpty();
    // quoted: the ( is no group, so "cd" is an alternative of its own
    assertThat(RuleLiterals.of("ab\\Q(\\E|cd")).isEmpty();
    // a class that starts with ] holds it: "[]x(]" is one class, and "cd" an alternative
    assertThat(RuleLiterals.of("ab[]x(]|cd")).isEmpty();
    assertThat(RuleLiterals.of("ab[^]x(]|cd")).isEmpty();
    // a class within a class
    assertThat(RuleLiterals.of("ab[x[y]|(]|cd")).isEmpty();
    assertThat(RuleLiterals.of("ab[x(]|cd")).contains(List.of("ab", "cd"));
    // \c( is one character, so "cd" is an alternative of its own
    assertThat(RuleLiterals.of("ab\\c(|cd")).isEmpty();
    // the ? makes the whole emoji optional, both of its UTF-16 halves: "alert" matches
    assertThat(Pattern.compile("alert\uD83D\uDEA8?").matcher("alert").find()).isTrue();
    assertThat(RuleLiterals.of("alert\uD83D\uDEA8?")).isEmpty();
  }

  @Test
  void noTextThatADefaultRuleMatchesLacksItsLiterals() throws IOException {
    List<String> texts = new ArrayList<>(fuzzTexts(new Random(7), 20_000));
    Path evaluation = Path.of("evaluation/finance-evaluation.jsonl");
    if (Files.exists(evaluation)) {
      texts.addAll(Files.readAllLines(evaluation));
    }
    int checked = 0;
    for (KeywordRules.Rule rule : KeywordRules.defaultRules()) {
      Pattern pattern = Pattern.compile(rule.pattern(), Pattern.CASE_INSENSITIVE);
      Optional<List<String>> literals = RuleLiterals.of(rule.pattern());
      if (literals.isEmpty()) {
        continue;
      }
      for (String text : texts) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (pattern.matcher(lower).find()) {
          checked++;
          assertThat(RuleLiterals.anyIn(literals.get(), lower))
              .as("rule %s on %s", rule.id(), text)
              .isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(1_000);
  }

  @Test
  void noRandomPatternMatchesATextThatLacksItsLiterals() {
    Random random = new Random(11);
    String[] pieces = {
      "pay", "ment", "over", "due", "net", " ", "30", "a", "b", "-", "/", "[ab]", "(x|y)", "(due)?",
      "\\d+", ".*", "\\b", "?", "*", "+", "{1,2}", "|", "(?x)", "[]|(]", "[^]a]", "\\Q(\\E",
      "[a[b]]", "(?=a)"
    };
    int checked = 0;
    for (int p = 0; p < 3_000; p++) {
      StringBuilder regex = new StringBuilder();
      for (int k = 1 + random.nextInt(6); k > 0; k--) {
        regex.append(pieces[random.nextInt(pieces.length)]);
      }
      Pattern pattern;
      try {
        pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
      } catch (RuntimeException invalid) {
        continue;
      }
      Optional<List<String>> literals = RuleLiterals.of(regex.toString());
      if (literals.isEmpty()) {
        continue;
      }
      for (String text : fuzzTexts(random, 40)) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (pattern.matcher(lower).find()) {
          checked++;
          assertThat(RuleLiterals.anyIn(literals.get(), lower))
              .as("%s on %s (literals %s)", regex, text, literals.get())
              .isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(1_000);
  }

  /** Texts made of the words the patterns above are made of, in any order and case. */
  private static List<String> fuzzTexts(Random random, int count) {
    String[] words = {
      "Pay",
      "ment",
      "over",
      "due",
      "net",
      "30",
      "a",
      "b",
      "x",
      "y",
      "-",
      "/",
      "overcharged",
      "wrong amount",
      "Invoice",
      "copy of the invoice",
      "refund",
      "fraud",
      "LC",
      "l/c",
      "the",
      "shipment",
      "stopped",
      "held",
      "delivery",
      "instalments",
      "installments",
      "kyc",
      "fx",
      "payment terms",
      "net 30",
      "not disputed",
      "dispute",
      "legal action",
      "final notice",
      " ",
      "\n"
    };
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 1 + random.nextInt(12); k > 0; k--) {
        text.append(words[random.nextInt(words.length)]);
        if (random.nextBoolean()) {
          text.append(' ');
        }
      }
      out.add(text.toString());
    }
    return out;
  }
}
