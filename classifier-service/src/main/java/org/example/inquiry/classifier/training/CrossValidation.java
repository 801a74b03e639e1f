package org.example.inquiry.classifier.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.SentenceEncoder;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;

/**
 * Stratified k-fold cross-validation of the engine, with train time and per-inquiry prediction
 * latency, and of a majority-class baseline for comparison.
 */
public final class CrossValidation {

  private CrossValidation() {}

  /**
   * The figures of one cross-validated configuration, predictions pooled over all folds.
   *
   * @param name what was evaluated
   * @param evaluation accuracy, macro-F1 and per-class figures over the pooled predictions
   * @param meanTrainMillis mean training time per fold
   * @param p50Micros median prediction latency per inquiry
   * @param p95Micros 95th percentile prediction latency per inquiry
   * @param batchP50Micros median latency per inquiry in batches of {@value #BATCH} (batch time
   *     divided by its size)
   * @param batchP95Micros 95th percentile of the same
   */
  public record Result(
      String name,
      Evaluation evaluation,
      double meanTrainMillis,
      double p50Micros,
      double p95Micros,
      double batchP50Micros,
      double batchP95Micros) {}

  /** Inquiries per batch in the batched latency measurement (a listener poll's worth). */
  public static final int BATCH = 32;

  /** Assigns each example to one of {@code k} folds, each label spread evenly, seeded. */
  public static int[] stratifiedFolds(List<LabelledText> data, int k, long seed) {
    if (k < 2 || k > data.size()) {
      throw new IllegalArgumentException("need 2 <= folds <= examples");
    }
    Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
    for (int i = 0; i < data.size(); i++) {
      byLabel.computeIfAbsent(data.get(i).label(), l -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    int[] fold = new int[data.size()];
    int next = 0;
    for (String label : byLabel.keySet().stream().sorted().toList()) {
      List<Integer> members = byLabel.get(label);
      Collections.shuffle(members, random);
      for (int index : members) {
        fold[index] = next++ % k;
      }
    }
    return fold;
  }

  /** Cross-validates the TF-IDF-only engine with the given options. */
  public static Result ofEngine(
      String name, List<LabelledText> data, int k, long seed, TrainingOptions options) {
    return ofEngine(name, data, k, seed, options, null, null);
  }

  /**
   * Cross-validates the engine with the given options and sentence encoder (null: TF-IDF only).
   * Training embeds through {@code trainingEncoder} (typically a cache, since every text is trained
   * on k-1 times); predictions, which are timed, embed through {@code encoder} itself, so the
   * latency includes the embedding.
   */
  public static Result ofEngine(
      String name,
      List<LabelledText> data,
      int k,
      long seed,
      TrainingOptions options,
      SentenceEncoder trainingEncoder,
      SentenceEncoder encoder) {
    return run(
        name,
        data,
        k,
        seed,
        train -> {
          TextClassifier model =
              TextClassifier.train(train, options, trainingEncoder).withEncoder(encoder);
          return texts -> model.predictAll(texts).stream().map(p -> p.get(0).label()).toList();
        });
  }

  /**
   * Cross-validates the engine once per fold and scores its predictions under each of several
   * embedding weights (the weight only combines the two trained models' scores, so no retraining is
   * needed); predictions embed through the cached {@code trainingEncoder}, so nothing is timed.
   */
  public static List<Evaluation> ofEmbeddingWeights(
      List<LabelledText> data,
      int k,
      long seed,
      TrainingOptions options,
      SentenceEncoder trainingEncoder,
      double[] embeddingWeights) {
    int[] fold = stratifiedFolds(data, k, seed);
    List<String> expected = new ArrayList<>();
    List<List<String>> predicted = new ArrayList<>();
    for (int w = 0; w < embeddingWeights.length; w++) {
      predicted.add(new ArrayList<>());
    }
    for (int f = 0; f < k; f++) {
      List<LabelledText> train = new ArrayList<>();
      List<LabelledText> test = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        (fold[i] == f ? test : train).add(data.get(i));
      }
      TextClassifier model = TextClassifier.train(train, options, trainingEncoder);
      List<String> texts = test.stream().map(LabelledText::text).toList();
      test.forEach(e -> expected.add(e.label()));
      for (int w = 0; w < embeddingWeights.length; w++) {
        for (var p : model.withEmbeddingWeight(embeddingWeights[w]).predictAll(texts)) {
          predicted.get(w).add(p.get(0).label());
        }
      }
    }
    List<Evaluation> out = new ArrayList<>();
    for (List<String> p : predicted) {
      out.add(Evaluation.of(expected, p));
    }
    return out;
  }

  /** Cross-validates the majority-class baseline: always the most frequent training label. */
  public static Result ofMajorityClass(List<LabelledText> data, int k, long seed) {
    return run(
        "majority-class",
        data,
        k,
        seed,
        train -> {
          String majority =
              train.stream()
                  .collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()))
                  .entrySet()
                  .stream()
                  .max(
                      Map.Entry.<String, Long>comparingByValue()
                          .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                  .orElseThrow()
                  .getKey();
          return texts -> texts.stream().map(t -> majority).toList();
        });
  }

  private static Result run(
      String name,
      List<LabelledText> data,
      int k,
      long seed,
      Function<List<LabelledText>, Function<List<String>, List<String>>> trainer) {
    int[] fold = stratifiedFolds(data, k, seed);
    List<String> expected = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    long[] latencies = new long[data.size()];
    long[] batchLatencies = new long[data.size()];
    int measured = 0;
    int batchMeasured = 0;
    long trainNanos = 0;
    for (int f = 0; f < k; f++) {
      List<LabelledText> train = new ArrayList<>();
      List<LabelledText> test = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        (fold[i] == f ? test : train).add(data.get(i));
      }
      long start = System.nanoTime();
      Function<List<String>, List<String>> classifier = trainer.apply(train);
      trainNanos += System.nanoTime() - start;
      for (LabelledText example : test.subList(0, Math.min(200, test.size()))) {
        classifier.apply(List.of(example.text())); // warm-up, not measured
      }
      for (LabelledText example : test) {
        long t0 = System.nanoTime();
        String label = classifier.apply(List.of(example.text())).get(0);
        latencies[measured++] = System.nanoTime() - t0;
        expected.add(example.label());
        predicted.add(label);
      }
      // The same texts in batches, as a listener poll classifies them (figures per inquiry).
      List<String> texts = test.stream().map(LabelledText::text).toList();
      for (int from = 0; from + BATCH <= texts.size(); from += BATCH) {
        List<String> batch = texts.subList(from, from + BATCH);
        long t0 = System.nanoTime();
        classifier.apply(batch);
        batchLatencies[batchMeasured++] = (System.nanoTime() - t0) / BATCH;
      }
    }
    long[] sorted = Arrays.copyOf(latencies, measured);
    Arrays.sort(sorted);
    long[] batched = Arrays.copyOf(batchLatencies, Math.max(1, batchMeasured));
    Arrays.sort(batched);
    return new Result(
        name,
        Evaluation.of(expected, predicted),
        trainNanos / 1e6 / k,
        percentile(sorted, 0.50) / 1e3,
        percentile(sorted, 0.95) / 1e3,
        percentile(batched, 0.50) / 1e3,
        percentile(batched, 0.95) / 1e3);
  }

  private static double percentile(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
