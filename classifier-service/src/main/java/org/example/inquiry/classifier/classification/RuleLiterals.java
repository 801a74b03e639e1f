package org.example.inquiry.classifier.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The literals one of which any match of a rule's pattern contains: the leading literal of each
 * top-level alternative ({@code "overcharg|wrong amount|\\bnet ?\\d+"} gives {@code overcharg},
 * {@code wrong amount} and {@code net}). A text that contains none of them cannot match, and is
 * skipped with {@link String#contains} scans instead of the regular expression trying every
 * alternative at every position. Conservative: a pattern with an alternative that does not start
 * with a literal (a group, a class, an escape other than {@code \b}, an anchor) gives none, and the
 * pattern always runs; so does a pattern with a construct this reading does not follow: inline
 * flags or special groups ({@code (?x)} makes later spaces insignificant), {@code \Q...\E} quoting,
 * a {@code \c} control escape, a class that starts with {@code ]} or holds another class, a
 * character outside the Basic Multilingual Plane.
 */
final class RuleLiterals {

  private static final String META = "\\^$.|?*+()[]{}";

  private RuleLiterals() {}

  /**
   * The literals, lower-cased as the text the rules read is, or empty when the pattern has an
   * alternative without one.
   */
  static Optional<List<String>> of(String pattern) {
    if (unsupported(pattern)) {
      return Optional.empty();
    }
    List<String> literals = new ArrayList<>();
    for (String alternative : topLevelAlternatives(pattern)) {
      String literal = leadingLiteral(alternative);
      if (literal.isEmpty()) {
        return Optional.empty();
      }
      literals.add(literal.toLowerCase(Locale.ROOT));
    }
    return literals.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(literals));
  }

  /** Whether the lower-cased text contains one of the literals. */
  static boolean anyIn(List<String> literals, String lowerCasedText) {
    for (String literal : literals) {
      if (lowerCasedText.contains(literal)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the pattern has a construct that {@link #topLevelAlternatives} does not follow. */
  static boolean unsupported(String pattern) {
    if (pattern.contains("(?") || pattern.contains("\\Q") || pattern.contains("\\c")) {
      return true;
    }
    // A quantifier after a character outside the BMP applies to both its UTF-16 halves.
    if (pattern.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
      return true;
    }
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == '[') {
          return true;
        }
        inClass = c != ']';
      } else if (c == '[') {
        int first = pattern.startsWith("^", i + 1) ? i + 2 : i + 1;
        if (pattern.startsWith("]", first)) {
          return true;
        }
        inClass = true;
      }
    }
    return false;
  }

  /** The pattern split at the {@code |} that are outside groups, classes and escapes. */
  static List<String> topLevelAlternatives(String pattern) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        out.add(pattern.substring(start, i));
        start = i + 1;
      }
    }
    out.add(pattern.substring(start));
    return out;
  }

  /**
   * The characters every match of the alternative starts with (after word boundaries): up to the
   * first metacharacter, less the last character when a quantifier that allows zero ({@code ?},
   * {@code *}, {@code {}) follows it.
   */
  static String leadingLiteral(String alternative) {
    int i = 0;
    while (alternative.startsWith("\\b", i)) {
      i += 2;
    }
    StringBuilder literal = new StringBuilder();
    for (; i < alternative.length(); i++) {
      char c = alternative.charAt(i);
      if (META.indexOf(c) >= 0) {
        if ((c == '?' || c == '*' || c == '{') && !literal.isEmpty()) {
          literal.setLength(literal.length() - 1);
        }
        break;
      }
      literal.append(c);
    }
    return literal.toString();
  }
}
