package org.example.inquiry.classifier.model;

/**
 * The engine's hyper-parameters; the defaults were chosen by 5-fold cross-validation on BANKING77
 * (see docs/BENCHMARKS.md) and are what the service uses.
 *
 * @param wordNgrams use word unigrams and bigrams
 * @param charNgrams use character 3- to 5-grams within word boundaries
 * @param maxWordN longest word n-gram (1 = unigrams only)
 * @param epochs passes over the training data
 * @param learningRate AdaGrad base learning rate
 * @param l2 L2 penalty per update
 * @param seed seed of the example shuffling, so training is reproducible
 * @param maxChars characters of a text the model reads; the rest is ignored
 * @param embeddingWeight weight of the sentence-embedding model's scores added to the TF-IDF
 *     model's scores, when the model has a sentence encoder
 * @param denseL2 L2 penalty of the sentence-embedding model: half its squared weights times this,
 *     added to the examples' weighted sum of cross-entropies (scikit-learn's 1 / C); trained to
 *     convergence
 * @param knnWeight weight of the nearest training texts' vote (log-probabilities, by embedding
 *     similarity) added to the scores, when the model has a sentence encoder; 0 turns it off
 * @param cascadeConfidence when the model has a sentence encoder: a text whose TF-IDF model alone
 *     gives its most probable label at least this probability (softmax of its scores) is not
 *     embedded, and is answered by the TF-IDF model with a temperature of its own (the cascade); 1
 *     or more embeds every text
 */
public record TrainingOptions(
    boolean wordNgrams,
    boolean charNgrams,
    int maxWordN,
    int epochs,
    double learningRate,
    double l2,
    long seed,
    int maxChars,
    double embeddingWeight,
    double denseL2,
    double knnWeight,
    double cascadeConfidence) {

  public TrainingOptions {
    if (!wordNgrams && !charNgrams) {
      throw new IllegalArgumentException("at least one feature family is needed");
    }
    if (epochs < 1
        || learningRate <= 0
        || l2 < 0
        || maxChars < 1
        || maxWordN < 1
        || embeddingWeight < 0
        || denseL2 < 0
        || knnWeight < 0
        || !(cascadeConfidence > 0)) {
      throw new IllegalArgumentException("invalid training options");
    }
  }

  /** The default {@link #cascadeConfidence} (chosen on BANKING77 fold 0, docs/BENCHMARKS.md). */
  public static final double CASCADE_CONFIDENCE = 0.8;

  /** Word 1-2-grams plus character 3-5-grams (plus the embedding when there is one). */
  public static TrainingOptions defaults() {
    return new TrainingOptions(
        true, true, 2, 20, 0.1, 1e-7, 42L, 20_000, 1.0, 0.02, 0.5, CASCADE_CONFIDENCE);
  }

  /** Word unigrams only: the simple baseline benchmarks compare against. */
  public static TrainingOptions unigramBaseline() {
    return new TrainingOptions(
        true, false, 1, 20, 0.1, 1e-7, 42L, 20_000, 1.0, 0.02, 0.5, CASCADE_CONFIDENCE);
  }

  public TrainingOptions withEpochs(int newEpochs) {
    return new TrainingOptions(
        wordNgrams,
        charNgrams,
        maxWordN,
        newEpochs,
        learningRate,
        l2,
        seed,
        maxChars,
        embeddingWeight,
        denseL2,
        knnWeight,
        cascadeConfidence);
  }

  public TrainingOptions withLearningRate(double rate) {
    return new TrainingOptions(
        wordNgrams,
        charNgrams,
        maxWordN,
        epochs,
        rate,
        l2,
        seed,
        maxChars,
        embeddingWeight,
        denseL2,
        knnWeight,
        cascadeConfidence);
  }

  public TrainingOptions withL2(double penalty) {
    return new TrainingOptions(
        wordNgrams,
        charNgrams,
        maxWordN,
        epochs,
        learningRate,
        penalty,
        seed,
        maxChars,
        embeddingWeight,
        denseL2,
        knnWeight,
        cascadeConfidence);
  }

  public TrainingOptions withEmbeddingWeight(double weight) {
    return new TrainingOptions(
        wordNgrams,
        charNgrams,
        maxWordN,
        epochs,
        learningRate,
        l2,
        seed,
        maxChars,
        weight,
        denseL2,
        knnWeight,
        cascadeConfidence);
  }

  public TrainingOptions withDenseL2(double penalty) {
    return new TrainingOptions(
        wordNgrams,
        charNgrams,
        maxWordN,
        epochs,
        learningRate,
        l2,
        seed,
        maxChars,
        embeddingWeight,
        penalty,
        knnWeight,
        cascadeConfidence);
  }

  public TrainingOptions withKnnWeight(double weight) {
    return new TrainingOptions(
        wordNgrams,
        charNgrams,
        maxWordN,
        epochs,
        learningRate,
        l2,
        seed,
        maxChars,
        embeddingWeight,
        denseL2,
        weight,
        cascadeConfidence);
  }

  public TrainingOptions withCascadeConfidence(double confidence) {
    return new TrainingOptions(
        wordNgrams,
        charNgrams,
        maxWordN,
        epochs,
        learningRate,
        l2,
        seed,
        maxChars,
        embeddingWeight,
        denseL2,
        knnWeight,
        confidence);
  }
}
