package org.example.inquiry.schemas.identity;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule that says whether two spellings name the same person. Every segregation-of-duties
 * comparison (maker and checker, account manager, excluded people, registrar and KYC verifier) and
 * every name taken from a token, configuration or the customer master goes through it, so {@code
 * OLGA}, {@code " olga "} and the full-width {@code ｏｌｇａ} are one person.
 *
 * <p>The canonical form is Unicode NFKC with compatibility characters folded, case-folded (upper
 * then lower case in the root locale, so {@code ß} and {@code SS} meet), with format characters
 * (zero-width spaces and joiners, soft hyphens, bidi marks) removed and surrounding white space
 * stripped. A canonical id must then be 1 to 128 characters of {@code [a-z0-9._@+-]}: anything else
 * (inner spaces, control characters, letters of other scripts that could pass for Latin ones) is
 * not an identity this platform accepts.
 */
public final class PersonIds {

  /** What a canonical person id may consist of. */
  public static final Pattern CANONICAL = Pattern.compile("[a-z0-9._@+-]{1,128}");

  private PersonIds() {}

  /**
   * The canonical form of {@code raw}, or empty when it is null, blank or does not reduce to an
   * acceptable id.
   */
  public static Optional<String> canonical(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String folded = fold(raw);
    return CANONICAL.matcher(folded).matches() ? Optional.of(folded) : Optional.empty();
  }

  /**
   * The canonical form of a name from configuration or reference data; one that does not reduce to
   * an acceptable id is kept folded (it can never equal a token's principal, which must be
   * acceptable).
   */
  public static String canonicalOrFolded(String raw) {
    return raw == null ? null : fold(raw);
  }

  /** Whether two spellings name the same person. Null or blank names no one. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = fold(a);
    return !x.isEmpty() && x.equals(fold(b));
  }

  /** Whether {@code person} is one of {@code people}. */
  public static boolean isAmong(String person, Collection<String> people) {
    if (person == null || people == null) {
      return false;
    }
    for (String other : people) {
      if (same(person, other)) {
        return true;
      }
    }
    return false;
  }

  private static String fold(String raw) {
    String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    StringBuilder kept = new StringBuilder(nfkc.length());
    nfkc.codePoints()
        .filter(cp -> Character.getType(cp) != Character.FORMAT)
        .forEach(kept::appendCodePoint);
    String caseFolded = kept.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(caseFolded, Normalizer.Form.NFKC).strip();
  }
}
