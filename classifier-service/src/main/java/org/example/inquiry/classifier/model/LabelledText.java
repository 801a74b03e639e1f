package org.example.inquiry.classifier.model;

import java.util.List;

/**
 * One training or test example: the text and its labels, main label first.
 *
 * @param text the inquiry text (subject and body joined, or an utterance)
 * @param labels one or more labels, the main one first
 */
public record LabelledText(String text, List<String> labels) {

  public LabelledText {
    text = text == null ? "" : text;
    labels = List.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("an example needs at least one label");
    }
  }

  /** A single-label example. */
  public static LabelledText of(String text, String label) {
    return new LabelledText(text, List.of(label));
  }

  /** The main label. */
  public String label() {
    return labels.get(0);
  }
}
