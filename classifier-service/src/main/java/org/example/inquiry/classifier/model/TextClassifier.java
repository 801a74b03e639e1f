package org.example.inquiry.classifier.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * A trained text classifier: a multinomial logistic regression over TF-IDF word and character
 * n-grams (AdaGrad) and, when it has a sentence encoder, a second one over the sentence embedding
 * (trained to convergence with L-BFGS, {@link DenseSoftmax}) and a vote of the nearest training
 * texts by embedding similarity; the three experts' scores are added (the embedding model's
 * weighted by {@link TrainingOptions#embeddingWeight}, the neighbours' log-probabilities by {@link
 * TrainingOptions#knnWeight}): a product of experts. Trained jointly in one softmax, the TF-IDF
 * block, which fits the training texts almost perfectly on its own, left the embedding block
 * under-used (BANKING77 5-fold, see docs/BENCHMARKS.md). Every prediction is a probability
 * distribution over the labels. The probabilities are divided by a temperature fitted on held-out
 * data, so that a confidence of 0.9 means right about nine times in ten.
 *
 * <p>The cascade: the sentence encoder costs almost all of a prediction's time, and many texts do
 * not need it. A text whose TF-IDF model alone is sure of its label (softmax probability at least
 * {@link TrainingOptions#cascadeConfidence}) is answered by the TF-IDF model with a temperature of
 * its own, fitted on the held-out texts that take that path; the others get all three experts.
 * Immutable once trained and safe to share between threads.
 *
 * <p>Own implementation rather than Tribuo: Tribuo's SGD trainers work on its own dataset and
 * feature-map types, which would mean converting every inquiry into named features and back, and
 * its multinomial linear SGD gives no soft (multi-label) targets or example weights.
 */
public final class TextClassifier {

  /** Version of the TF-IDF-only engine; part of every model version that uses it. */
  public static final String ENGINE_VERSION = "tfidf-softmax-1";

  /** Version of the engine with sentence embeddings, followed by the encoder's version. */
  public static final String EMBEDDING_ENGINE_VERSION = "tfidf-embedding-knn-5";

  /** Nearest training texts that vote. */
  static final int NEIGHBOURS = 10;

  /** Temperature of the neighbours' similarity weights: exp(similarity / this). */
  static final double NEIGHBOUR_TEMPERATURE = 0.05;

  /** Probability mass every label gets in the neighbours' vote before it is normalised. */
  static final double NEIGHBOUR_SMOOTHING = 1e-3;

  /** Labels (most probable first by TF-IDF and embedding model) whose training texts may vote. */
  static final int NEIGHBOUR_LABELS = 3;

  /** Weight of the main label in a multi-label target; the other labels share the rest. */
  private static final double MAIN_LABEL_WEIGHT = 2.0;

  private static final int FORMAT = 5;

  private final TfIdfFeaturizer featurizer;
  private final SentenceEncoder encoder; // null: TF-IDF only
  private final List<String> labels;
  private final float[] weights; // feature-major: weights[feature * classes + class]
  private final double[] bias; // of the TF-IDF model
  private final double[] denseBias; // of the embedding model; empty without an encoder
  private final float[] memory; // training embeddings the neighbours come from, one after another
  private final int memoryDimension;
  private final float[][] memoryTargets; // their targets times their weights
  private final int[][] memoryByLabel; // indices into memory, by each row's main (largest) label
  private final TrainingOptions options;
  private final double temperature;
  private final double cascadeTemperature; // of texts the TF-IDF model answers alone

  /**
   * A prediction's linear scores (before temperature and softmax), one row per text in label order,
   * and whether each text was answered by the TF-IDF model alone (the cascade).
   */
  record Scores(double[][] rows, boolean[] cascaded) {}

  private TextClassifier(
      TfIdfFeaturizer featurizer,
      SentenceEncoder encoder,
      List<String> labels,
      float[] weights,
      double[] bias,
      double[] denseBias,
      float[] memory,
      int memoryDimension,
      float[][] memoryTargets,
      TrainingOptions options,
      double temperature,
      double cascadeTemperature) {
    this.featurizer = featurizer;
    this.encoder = encoder;
    this.labels = labels;
    this.weights = weights;
    this.bias = bias;
    this.denseBias = denseBias;
    this.memory = memory;
    this.memoryDimension = memoryDimension;
    this.memoryTargets = memoryTargets;
    this.memoryByLabel = byMainLabel(memoryTargets, labels.size());
    this.options = options;
    this.temperature = temperature;
    this.cascadeTemperature = cascadeTemperature;
  }

  /** Trains a TF-IDF-only classifier; the same examples and options always give the same model. */
  public static TextClassifier train(List<LabelledText> examples, TrainingOptions options) {
    return train(examples, options, null);
  }

  /**
   * Trains a classifier over TF-IDF and, when {@code encoder} is not null, the sentence embedding;
   * the same examples, options and encoder always give the same model.
   */
  public static TextClassifier train(
      List<LabelledText> examples, TrainingOptions options, SentenceEncoder encoder) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    List<String> labels =
        List.copyOf(new TreeSet<>(examples.stream().flatMap(e -> e.labels().stream()).toList()));
    List<String> texts = examples.stream().map(LabelledText::text).toList();
    TfIdfFeaturizer featurizer = TfIdfFeaturizer.fit(texts, options);
    int classes = labels.size();
    float[][] dense = encoder == null ? null : encoder.encode(texts);
    int denseDimension = encoder == null ? 0 : encoder.dimension();
    int sparseDimension = featurizer.dimension();
    SparseVector[] x = new SparseVector[examples.size()];
    double[][] targets = new double[examples.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = featurizer.transform(texts.get(i));
      targets[i] = target(examples.get(i), labels);
    }
    float[] weights = new float[(sparseDimension + denseDimension) * classes];
    float[] squaredGradients = new float[weights.length];
    double[] bias = new double[classes];
    double[] biasSquaredGradients = new double[classes];
    int[] order = new int[x.length];
    Arrays.setAll(order, i -> i);
    Random random = new Random(options.seed());
    double rate = options.learningRate();
    float l2 = (float) options.l2();
    double[] p = new double[classes];
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      shuffle(order, random);
      for (int i : order) {
        double w = examples.get(i).weight();
        double[] y = targets[i];
        // The TF-IDF model against its own softmax.
        System.arraycopy(bias, 0, p, 0, classes);
        sparseScores(x[i], weights, p);
        softmax(p, 1.0);
        gradient(p, y, w);
        step(p, bias, biasSquaredGradients, rate);
        int[] idx = x[i].indices();
        float[] val = x[i].values();
        for (int k = 0; k < idx.length; k++) {
          update(weights, squaredGradients, idx[k] * classes, val[k], p, l2, rate);
        }
      }
    }
    if (dense == null) {
      return new TextClassifier(
          featurizer,
          null,
          labels,
          weights,
          bias,
          new double[0],
          new float[0],
          0,
          new float[0][],
          options,
          1.0,
          1.0);
    }
    // The embedding model against its own softmax, trained to convergence.
    double[] exampleWeights = examples.stream().mapToDouble(LabelledText::weight).toArray();
    DenseSoftmax.Trained expert =
        DenseSoftmax.train(dense, targets, exampleWeights, options.denseL2());
    System.arraycopy(
        expert.weights(), 0, weights, sparseDimension * classes, expert.weights().length);
    float[][] memoryTargets = new float[targets.length][classes];
    for (int i = 0; i < targets.length; i++) {
      for (int c = 0; c < classes; c++) {
        memoryTargets[i][c] = (float) (targets[i][c] * exampleWeights[i]);
      }
    }
    return new TextClassifier(
        featurizer,
        encoder,
        labels,
        weights,
        bias,
        expert.bias(),
        flatten(dense),
        dense[0].length,
        memoryTargets,
        options,
        1.0,
        1.0);
  }

  /** Turns probabilities into the cross-entropy's gradient with respect to the scores, weighted. */
  private static void gradient(double[] p, double[] y, double weight) {
    for (int c = 0; c < p.length; c++) {
      p[c] = (p[c] - y[c]) * weight;
    }
  }

  private static void step(double[] g, double[] bias, double[] squared, double rate) {
    for (int c = 0; c < g.length; c++) {
      squared[c] += g[c] * g[c];
      bias[c] -= rate * g[c] / Math.sqrt(squared[c] + 1e-8);
    }
  }

  /** One AdaGrad step for the weights of one feature of value {@code v}. */
  private static void update(
      float[] weights, float[] squared, int base, float v, double[] g, float l2, double rate) {
    for (int c = 0; c < g.length; c++) {
      float grad = (float) g[c] * v + l2 * weights[base + c];
      squared[base + c] += grad * grad;
      weights[base + c] -= (float) (rate * grad / Math.sqrt(squared[base + c] + 1e-8));
    }
  }

  private static double[] target(LabelledText example, List<String> labels) {
    double[] y = new double[labels.size()];
    List<String> distinct = example.labels().stream().distinct().toList();
    double total = MAIN_LABEL_WEIGHT + (distinct.size() - 1);
    for (int j = 0; j < distinct.size(); j++) {
      y[labels.indexOf(distinct.get(j))] = (j == 0 ? MAIN_LABEL_WEIGHT : 1.0) / total;
    }
    return y;
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Adds the TF-IDF model's weights times the features to {@code p}. */
  private static void sparseScores(SparseVector x, float[] weights, double[] p) {
    int classes = p.length;
    int[] idx = x.indices();
    float[] val = x.values();
    for (int k = 0; k < idx.length; k++) {
      int base = idx[k] * classes;
      float v = val[k];
      for (int c = 0; c < classes; c++) {
        p[c] += v * weights[base + c];
      }
    }
  }

  /** Adds the embedding model's weights times the embedding to {@code p}. */
  private static void denseScores(float[] e, int offset, float[] weights, double[] p) {
    int classes = p.length;
    for (int j = 0; j < e.length; j++) {
      int base = (offset + j) * classes;
      float v = e[j];
      for (int c = 0; c < classes; c++) {
        p[c] += v * weights[base + c];
      }
    }
  }

  /** Turns scores into probabilities in place, dividing the scores by the temperature first. */
  static void softmax(double[] p, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : p) {
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < p.length; c++) {
      p[c] = Math.exp((p[c] - max) / temperature);
      sum += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= sum;
    }
  }

  /** Every label with its probability, most probable first; never empty. */
  public List<LabelScore> predict(String text) {
    return predictAll(Collections.singletonList(text)).get(0);
  }

  /** {@link #predict} for several texts, with their embeddings computed in one batch. */
  public List<List<LabelScore>> predictAll(List<String> texts) {
    Scores all = scores(texts);
    List<List<LabelScore>> out = new ArrayList<>(texts.size());
    for (int i = 0; i < all.rows().length; i++) {
      double[] p = all.rows()[i];
      softmax(p, all.cascaded()[i] ? cascadeTemperature : temperature);
      List<LabelScore> scores = new ArrayList<>(p.length);
      for (int c = 0; c < p.length; c++) {
        scores.add(new LabelScore(labels.get(c), p[c]));
      }
      scores.sort(
          Comparator.comparingDouble(LabelScore::probability)
              .reversed()
              .thenComparing(LabelScore::label));
      out.add(scores);
    }
    return out;
  }

  /**
   * The linear scores (before temperature and softmax) of the texts, and which of them the TF-IDF
   * model answered alone; only the others are embedded (in one batch when there are several).
   */
  Scores scores(List<String> texts) {
    int classes = labels.size();
    double[][] out = new double[texts.size()][classes];
    boolean[] cascaded = new boolean[texts.size()];
    List<Integer> embed = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = tfIdfScores(texts.get(i));
      cascaded[i] = answeredAlone(out[i]);
      if (encoder != null && !cascaded[i]) {
        embed.add(i);
      }
    }
    if (embed.isEmpty()) {
      return new Scores(out, cascaded);
    }
    List<String> embedded = embed.stream().map(texts::get).toList();
    float[][] dense =
        embedded.size() == 1 ? encoder.encode(embedded) : encoder.encodeBatch(embedded);
    double[] d = new double[classes];
    for (int j = 0; j < dense.length; j++) {
      double[] row = out[embed.get(j)];
      System.arraycopy(denseBias, 0, d, 0, classes);
      denseScores(dense[j], featurizer.dimension(), weights, d);
      for (int c = 0; c < classes; c++) {
        row[c] += options.embeddingWeight() * d[c];
      }
      if (options.knnWeight() > 0 && memoryTargets.length > 0) {
        double[] vote = neighbourVote(dense[j], topLabels(row, NEIGHBOUR_LABELS));
        for (int c = 0; c < classes; c++) {
          row[c] += options.knnWeight() * Math.log(vote[c]);
        }
      }
    }
    return new Scores(out, cascaded);
  }

  /** The TF-IDF model's scores of a text. */
  private double[] tfIdfScores(String text) {
    double[] out = bias.clone();
    sparseScores(featurizer.transform(text), weights, out);
    return out;
  }

  /** Whether the TF-IDF model with these scores answers alone (the cascade). */
  private boolean answeredAlone(double[] tfIdfScores) {
    return encoder != null && topProbability(tfIdfScores) >= options.cascadeConfidence();
  }

  /**
   * Which of these texts the TF-IDF model answers alone, without embedding them (none when the
   * model has no sentence encoder).
   */
  public boolean[] answeredAlone(List<String> texts) {
    boolean[] out = new boolean[texts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = answeredAlone(tfIdfScores(texts.get(i)));
    }
    return out;
  }

  /** The largest softmax probability of these scores (at temperature 1). */
  private static double topProbability(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double sum = 0;
    for (double s : scores) {
      sum += Math.exp(s - max);
    }
    return 1.0 / sum;
  }

  /**
   * The nearest training texts' vote for an embedding: among the training texts whose main label is
   * one of {@code candidates}, the {@value #NEIGHBOURS} most similar (cosine; embeddings are unit
   * length), each weighted by exp(similarity / {@value #NEIGHBOUR_TEMPERATURE}) times its target,
   * smoothed and normalised into probabilities. Searching only the texts of the labels the other
   * two experts find most probable keeps the search small (BANKING77: 3 of 77 labels' texts) where
   * the vote matters: it re-ranks close candidates.
   */
  double[] neighbourVote(float[] e, int[] candidates) {
    int k = NEIGHBOURS;
    int[] best = new int[k];
    double[] bestSimilarity = new double[k];
    Arrays.fill(bestSimilarity, Double.NEGATIVE_INFINITY);
    int found = 0;
    for (int label : candidates) {
      for (int m : memoryByLabel[label]) {
        found++;
        double sum = dot(memory, m * memoryDimension, e);
        if (sum > bestSimilarity[k - 1]) {
          int at = k - 1;
          while (at > 0 && bestSimilarity[at - 1] < sum) {
            bestSimilarity[at] = bestSimilarity[at - 1];
            best[at] = best[at - 1];
            at--;
          }
          bestSimilarity[at] = sum;
          best[at] = m;
        }
      }
    }
    k = Math.min(k, found);
    int classes = labels.size();
    double[] vote = new double[classes];
    Arrays.fill(vote, NEIGHBOUR_SMOOTHING);
    for (int j = 0; j < k; j++) {
      // relative to the nearest, so the exponent cannot overflow
      double weight = Math.exp((bestSimilarity[j] - bestSimilarity[0]) / NEIGHBOUR_TEMPERATURE);
      float[] t = memoryTargets[best[j]];
      for (int c = 0; c < classes; c++) {
        vote[c] += weight * t[c];
      }
    }
    double total = 0;
    for (double v : vote) {
      total += v;
    }
    for (int c = 0; c < classes; c++) {
      vote[c] /= total;
    }
    return vote;
  }

  /** The same model with one temperature for every text (see {@link #withTemperatures}). */
  public TextClassifier withTemperature(double newTemperature) {
    return withTemperatures(newTemperature, newTemperature);
  }

  /**
   * The same model with its probabilities softened (above 1) or sharpened (below 1): {@code
   * newTemperature} for the texts all experts answer, {@code newCascadeTemperature} for those the
   * TF-IDF model answers alone.
   */
  public TextClassifier withTemperatures(double newTemperature, double newCascadeTemperature) {
    if (!(newTemperature > 0) || !(newCascadeTemperature > 0)) {
      throw new IllegalArgumentException("the temperature must be positive");
    }
    return with(encoder, options, newTemperature, newCascadeTemperature);
  }

  /** The same trained weights and memory with another encoder, options or temperatures. */
  private TextClassifier with(
      SentenceEncoder newEncoder,
      TrainingOptions newOptions,
      double newTemperature,
      double newCascadeTemperature) {
    return new TextClassifier(
        featurizer,
        newEncoder,
        labels,
        weights,
        bias,
        denseBias,
        memory,
        memoryDimension,
        memoryTargets,
        newOptions,
        newTemperature,
        newCascadeTemperature);
  }

  /**
   * The same model embedding through another instance of its encoder (same version), e.g. the
   * encoder itself instead of the cache it was trained through.
   */
  public TextClassifier withEncoder(SentenceEncoder other) {
    if (!engineVersion(other).equals(engineVersion())) {
      throw new IllegalArgumentException(
          "model of engine " + engineVersion() + " cannot run with " + engineVersion(other));
    }
    return with(other, options, temperature, cascadeTemperature);
  }

  /**
   * The same trained models with the embedding model's scores weighted by {@code weight} (for
   * choosing the weight by cross-validation without retraining); temperature 1.
   */
  public TextClassifier withEmbeddingWeight(double weight) {
    return with(encoder, options.withEmbeddingWeight(weight), 1.0, 1.0);
  }

  /**
   * The same trained models answering alone from the TF-IDF model at this confidence (for choosing
   * the cascade's threshold without retraining); the temperatures are kept.
   */
  public TextClassifier withCascadeConfidence(double confidence) {
    return with(
        encoder, options.withCascadeConfidence(confidence), temperature, cascadeTemperature);
  }

  /** The rows one after another (contiguous: the neighbours' search scans them per inquiry). */
  private static float[] flatten(float[][] rows) {
    int dimension = rows.length == 0 ? 0 : rows[0].length;
    float[] out = new float[rows.length * dimension];
    for (int m = 0; m < rows.length; m++) {
      System.arraycopy(rows[m], 0, out, m * dimension, dimension);
    }
    return out;
  }

  /** The indices of the {@code n} highest scores, highest first. */
  static int[] topLabels(double[] scores, int n) {
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, c -> c);
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    int[] top = new int[Math.min(n, scores.length)];
    for (int j = 0; j < top.length; j++) {
      top[j] = order[j];
    }
    return top;
  }

  /** Memory rows by their main label: the label with the largest target. */
  private static int[][] byMainLabel(float[][] targets, int classes) {
    List<List<Integer>> rows = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      rows.add(new ArrayList<>());
    }
    for (int m = 0; m < targets.length; m++) {
      int main = 0;
      for (int c = 1; c < classes; c++) {
        if (targets[m][c] > targets[m][main]) {
          main = c;
        }
      }
      rows.get(main).add(m);
    }
    int[][] out = new int[classes][];
    for (int c = 0; c < classes; c++) {
      out[c] = rows.get(c).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /**
   * The dot product of {@code b} with as many elements of {@code a} from {@code offset}, with eight
   * independent sums so the loop is not bound by the latency of one chain of additions (the
   * neighbours' vote computes one per training text).
   */
  static float dot(float[] a, int offset, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int d = 0;
    int o = offset;
    for (; d + 8 <= b.length; d += 8, o += 8) {
      s0 += a[o] * b[d];
      s1 += a[o + 1] * b[d + 1];
      s2 += a[o + 2] * b[d + 2];
      s3 += a[o + 3] * b[d + 3];
      s4 += a[o + 4] * b[d + 4];
      s5 += a[o + 5] * b[d + 5];
      s6 += a[o + 6] * b[d + 6];
      s7 += a[o + 7] * b[d + 7];
    }
    for (; d < b.length; d++, o++) {
      s0 += a[o] * b[d];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** The labels this model knows, sorted. */
  public List<String> labels() {
    return labels;
  }

  /** Whether this model embeds texts (it has a sentence encoder). */
  public boolean hasEncoder() {
    return encoder != null;
  }

  public TrainingOptions options() {
    return options;
  }

  public double temperature() {
    return temperature;
  }

  public double cascadeTemperature() {
    return cascadeTemperature;
  }

  /** The engine version of this model: TF-IDF only, or with the encoder's version. */
  public String engineVersion() {
    return engineVersion(encoder);
  }

  /** The engine version a model trained with this encoder (or none) has. */
  public static String engineVersion(SentenceEncoder encoder) {
    return encoder == null ? ENGINE_VERSION : EMBEDDING_ENGINE_VERSION + "+" + encoder.version();
  }

  /** Writes the trained model (not the encoder, only its version). */
  public void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT);
    out.writeUTF(engineVersion());
    out.writeBoolean(options.wordNgrams());
    out.writeBoolean(options.charNgrams());
    out.writeInt(options.maxWordN());
    out.writeInt(options.epochs());
    out.writeDouble(options.learningRate());
    out.writeDouble(options.l2());
    out.writeLong(options.seed());
    out.writeInt(options.maxChars());
    out.writeDouble(options.embeddingWeight());
    out.writeDouble(options.denseL2());
    out.writeDouble(options.knnWeight());
    out.writeDouble(options.cascadeConfidence());
    out.writeDouble(temperature);
    out.writeDouble(cascadeTemperature);
    out.writeInt(labels.size());
    for (String label : labels) {
      out.writeUTF(label);
    }
    for (double b : bias) {
      out.writeDouble(b);
    }
    out.writeInt(denseBias.length);
    for (double b : denseBias) {
      out.writeDouble(b);
    }
    featurizer.writeTo(out);
    out.writeInt(weights.length);
    for (float w : weights) {
      out.writeFloat(w);
    }
    out.writeInt(memoryTargets.length);
    for (int m = 0; m < memoryTargets.length; m++) {
      for (int d = 0; d < memoryDimension; d++) {
        out.writeFloat(memory[m * memoryDimension + d]);
      }
      for (float v : memoryTargets[m]) {
        out.writeFloat(v);
      }
    }
  }

  /**
   * Reads a model {@link #writeTo} wrote; {@code encoder} must be the one it was trained with (or
   * null for a TF-IDF-only model).
   */
  public static TextClassifier readFrom(DataInputStream in, SentenceEncoder encoder)
      throws IOException {
    if (in.readInt() != FORMAT) {
      throw new IOException("not a model of format " + FORMAT);
    }
    String engine = in.readUTF();
    if (!engine.equals(engineVersion(encoder))) {
      throw new IOException(
          "model of engine " + engine + " cannot run with " + engineVersion(encoder));
    }
    TrainingOptions options =
        new TrainingOptions(
            in.readBoolean(),
            in.readBoolean(),
            in.readInt(),
            in.readInt(),
            in.readDouble(),
            in.readDouble(),
            in.readLong(),
            in.readInt(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble());
    double temperature = in.readDouble();
    double cascadeTemperature = in.readDouble();
    int classes = in.readInt();
    List<String> labels = new ArrayList<>(classes);
    for (int c = 0; c < classes; c++) {
      labels.add(in.readUTF());
    }
    double[] bias = new double[classes];
    for (int c = 0; c < classes; c++) {
      bias[c] = in.readDouble();
    }
    double[] denseBias = new double[in.readInt()];
    for (int c = 0; c < denseBias.length; c++) {
      denseBias[c] = in.readDouble();
    }
    TfIdfFeaturizer featurizer = TfIdfFeaturizer.readFrom(in, options);
    float[] weights = new float[in.readInt()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = in.readFloat();
    }
    int remembered = in.readInt();
    int dimension = encoder == null ? 0 : encoder.dimension();
    float[] memory = new float[remembered * dimension];
    float[][] memoryTargets = new float[remembered][classes];
    for (int m = 0; m < remembered; m++) {
      for (int d = 0; d < dimension; d++) {
        memory[m * dimension + d] = in.readFloat();
      }
      for (int c = 0; c < classes; c++) {
        memoryTargets[m][c] = in.readFloat();
      }
    }
    return new TextClassifier(
        featurizer,
        encoder,
        List.copyOf(labels),
        weights,
        bias,
        denseBias,
        memory,
        dimension,
        memoryTargets,
        options,
        temperature,
        cascadeTemperature);
  }
}
