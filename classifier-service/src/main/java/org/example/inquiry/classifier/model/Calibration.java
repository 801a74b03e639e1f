package org.example.inquiry.classifier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes confidences mean what they say: fits a model's temperatures on held-out examples (the ones
 * that minimise their negative log-likelihood, which leaves every prediction's ranking alone), and
 * measures calibration as a reliability table with its expected calibration error (ECE).
 */
public final class Calibration {

  private Calibration() {}

  /**
   * The model with its temperatures fitted on held-out examples: the one for texts all experts
   * answer on those, the cascade's on those the TF-IDF model answers alone (see {@link
   * TextClassifier}). Each is the temperature in [0.25, 8] that minimises the held-out negative
   * log-likelihood of the main labels; 1 where there are no held-out examples of known labels.
   */
  public static TextClassifier calibrate(TextClassifier model, List<LabelledText> heldOut) {
    List<LabelledText> known =
        heldOut.stream().filter(e -> model.labels().contains(e.label())).toList();
    TextClassifier.Scores scores = model.scores(known.stream().map(LabelledText::text).toList());
    int[] truth = known.stream().mapToInt(e -> model.labels().indexOf(e.label())).toArray();
    return model.withTemperatures(
        fitTemperature(scores, truth, false), fitTemperature(scores, truth, true));
  }

  /** The temperature that fits the rows of the held-out scores on this path best. */
  private static double fitTemperature(
      TextClassifier.Scores scores, int[] truth, boolean cascaded) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < truth.length; i++) {
      if (scores.cascaded()[i] == cascaded) {
        rows.add(i);
      }
    }
    if (rows.isEmpty()) {
      return 1.0;
    }
    double best = 1.0;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double logT = Math.log(0.25); logT <= Math.log(8) + 1e-9; logT += 0.02) {
      double t = Math.exp(logT);
      double loss = 0;
      for (int i : rows) {
        double[] p = scores.rows()[i].clone();
        TextClassifier.softmax(p, t);
        loss -= Math.log(Math.max(p[truth[i]], 1e-12));
      }
      if (loss < bestLoss) {
        bestLoss = loss;
        best = t;
      }
    }
    return best;
  }

  /**
   * One bin of a reliability table.
   *
   * @param from lower confidence bound (inclusive)
   * @param to upper bound (exclusive, but 1.0 inclusive for the last bin)
   * @param count predictions in the bin
   * @param meanConfidence their mean confidence
   * @param accuracy share of them that were right
   */
  public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {}

  /**
   * A reliability table over equal-width confidence bins.
   *
   * @param bins the bins, lowest first (empty bins included)
   * @param ece expected calibration error: the count-weighted mean |accuracy - confidence|
   */
  public record Reliability(List<Bin> bins, double ece) {

    /** One line per non-empty bin, then {@code ece=...}. */
    public List<String> report() {
      List<String> lines = new ArrayList<>();
      lines.add(
          String.format(
              Locale.ROOT, "%-11s %6s %10s %9s", "confidence", "n", "mean_conf", "accuracy"));
      for (Bin b : bins) {
        if (b.count() > 0) {
          lines.add(
              String.format(
                  Locale.ROOT,
                  "%.1f-%.1f    %6d %10.3f %9.3f",
                  b.from(),
                  b.to(),
                  b.count(),
                  b.meanConfidence(),
                  b.accuracy()));
        }
      }
      lines.add(String.format(Locale.ROOT, "ece=%.4f", ece));
      return lines;
    }
  }

  /** The reliability of predictions with these confidences, right or wrong. */
  public static Reliability reliability(List<Double> confidences, List<Boolean> correct, int bins) {
    if (confidences.size() != correct.size() || bins < 1) {
      throw new IllegalArgumentException("confidences and outcomes must align; bins >= 1");
    }
    int[] n = new int[bins];
    double[] conf = new double[bins];
    int[] right = new int[bins];
    for (int i = 0; i < confidences.size(); i++) {
      double c = Math.min(1.0, Math.max(0.0, confidences.get(i)));
      int b = Math.min(bins - 1, (int) (c * bins));
      n[b]++;
      conf[b] += c;
      right[b] += correct.get(i) ? 1 : 0;
    }
    List<Bin> table = new ArrayList<>();
    double ece = 0;
    int total = confidences.size();
    for (int b = 0; b < bins; b++) {
      double mean = n[b] == 0 ? 0 : conf[b] / n[b];
      double accuracy = n[b] == 0 ? 0 : (double) right[b] / n[b];
      table.add(new Bin((double) b / bins, (double) (b + 1) / bins, n[b], mean, accuracy));
      if (total > 0) {
        ece += (double) n[b] / total * Math.abs(accuracy - mean);
      }
    }
    return new Reliability(List.copyOf(table), ece);
  }
}
