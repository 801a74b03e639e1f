package org.example.inquiry.classifier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Precision, recall and F1 per class, accuracy and macro-F1 of single-label predictions; macro-F1
 * averages over every class that occurs in the expected or the predicted labels.
 *
 * @param accuracy share of predictions equal to the expected label
 * @param macroF1 unweighted mean of the per-class F1
 * @param perClass per-class figures by label
 */
public record Evaluation(double accuracy, double macroF1, Map<String, ClassFigures> perClass) {

  /**
   * One class's figures.
   *
   * @param precision correct predictions of the class over all predictions of it (0 when none)
   * @param recall correct predictions of the class over its expected occurrences (0 when none)
   * @param f1 harmonic mean of precision and recall (0 when both are 0)
   * @param support expected occurrences of the class
   */
  public record ClassFigures(double precision, double recall, double f1, int support) {}

  /** Compares predictions with the expected labels, position by position. */
  public static Evaluation of(List<String> expected, List<String> predicted) {
    if (expected.size() != predicted.size() || expected.isEmpty()) {
      throw new IllegalArgumentException("expected and predicted must be non-empty and aligned");
    }
    TreeSet<String> classes = new TreeSet<>(expected);
    classes.addAll(predicted);
    Map<String, int[]> counts = new TreeMap<>(); // true positives, predicted, expected
    classes.forEach(c -> counts.put(c, new int[3]));
    int correct = 0;
    for (int i = 0; i < expected.size(); i++) {
      counts.get(predicted.get(i))[1]++;
      counts.get(expected.get(i))[2]++;
      if (expected.get(i).equals(predicted.get(i))) {
        correct++;
        counts.get(expected.get(i))[0]++;
      }
    }
    Map<String, ClassFigures> perClass = new TreeMap<>();
    double f1Sum = 0;
    for (var entry : counts.entrySet()) {
      int[] n = entry.getValue();
      double precision = n[1] == 0 ? 0 : (double) n[0] / n[1];
      double recall = n[2] == 0 ? 0 : (double) n[0] / n[2];
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perClass.put(entry.getKey(), new ClassFigures(precision, recall, f1, n[2]));
      f1Sum += f1;
    }
    return new Evaluation(
        (double) correct / expected.size(), f1Sum / classes.size(), Map.copyOf(perClass));
  }

  /** The summary line, e.g. {@code accuracy=0.9123 macro_f1=0.9087}. */
  public String summary() {
    return String.format(Locale.ROOT, "accuracy=%.4f macro_f1=%.4f", accuracy, macroF1);
  }

  /** A per-class table followed by the summary line as the last line. */
  public List<String> report() {
    List<String> lines = new ArrayList<>();
    int width = Math.max(5, perClass.keySet().stream().mapToInt(String::length).max().orElse(5));
    lines.add(
        String.format(
            Locale.ROOT,
            "%-" + width + "s %9s %9s %9s %7s",
            "class",
            "precision",
            "recall",
            "f1",
            "support"));
    new TreeMap<>(perClass)
        .forEach(
            (label, f) ->
                lines.add(
                    String.format(
                        Locale.ROOT,
                        "%-" + width + "s %9.4f %9.4f %9.4f %7d",
                        label,
                        f.precision(),
                        f.recall(),
                        f.f1(),
                        f.support())));
    lines.add(summary());
    return lines;
  }
}
