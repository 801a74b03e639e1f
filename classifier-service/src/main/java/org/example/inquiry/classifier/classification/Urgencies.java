package org.example.inquiry.classifier.classification;

import java.util.List;

/** Orders the urgency levels of the {@code Urgency} schema enum, lowest first. */
final class Urgencies {

  static final List<String> LEVELS = List.of("LOW", "NORMAL", "HIGH", "CRITICAL");

  private Urgencies() {}

  static int rank(String urgency) {
    return urgency == null ? -1 : LEVELS.indexOf(urgency);
  }

  static String max(String a, String b) {
    return rank(b) > rank(a) ? b : a;
  }
}
