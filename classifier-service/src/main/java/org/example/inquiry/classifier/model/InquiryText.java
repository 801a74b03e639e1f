package org.example.inquiry.classifier.model;

import java.util.List;

/** How an inquiry's subject and body become the one text the model reads, in training and use. */
public final class InquiryText {

  /**
   * Separates an inquiry's text from context tokens appended for a model (amount band, rules that
   * fired): TF-IDF reads them as words, the sentence encoder stops before them.
   */
  public static final String CONTEXT_MARKER = "\n\u241E";

  private InquiryText() {}

  /** Subject and body joined by a line break; null parts count as empty. */
  public static String of(String subject, String body) {
    return (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
  }

  /** The text followed by the context marker and the tokens, or the text alone without tokens. */
  public static String withContext(String text, List<String> tokens) {
    return tokens.isEmpty() ? text : text + CONTEXT_MARKER + " " + String.join(" ", tokens);
  }

  /** The text without appended context tokens. */
  public static String withoutContext(String text) {
    if (text == null) {
      return "";
    }
    int marker = text.indexOf(CONTEXT_MARKER);
    return marker < 0 ? text : text.substring(0, marker);
  }
}
