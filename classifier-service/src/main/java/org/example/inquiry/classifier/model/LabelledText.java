package org.example.inquiry.classifier.model;

import java.util.List;

/**
 * One training or test example: the text and its labels, main label first.
 *
 * @param text the inquiry text (subject and body joined, or an utterance)
 * @param labels one or more labels, the main one first
 * @param weight how much the example counts in training (1 by default; hand-written texts count
 *     more than template ones)
 */
public record LabelledText(String text, List<String> labels, double weight) {

  public LabelledText {
    text = text == null ? "" : text;
    labels = List.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("an example needs at least one label");
    }
    if (!(weight > 0)) {
      throw new IllegalArgumentException("an example's weight must be positive");
    }
  }

  /** An example of weight 1. */
  public LabelledText(String text, List<String> labels) {
    this(text, labels, 1.0);
  }

  /** The same example with another weight. */
  public LabelledText withWeight(double newWeight) {
    return new LabelledText(text, labels, newWeight);
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
