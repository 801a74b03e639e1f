package org.example.inquiry.classifier.learning;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.SentenceEncoder;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CorpusTraining;
import org.example.inquiry.classifier.training.FinanceCorpus;

/**
 * The learning loop's pure core: which examples are trained on and which are held back, how a
 * candidate is trained (deterministically, so any instance rebuilds the same model from the same
 * corpus and history), and whether it may replace the model in use.
 *
 * <p>The split is by a hash of the inquiry id, so an inquiry stays on the same side of it in every
 * retraining: the model in use has never trained on an example it is now scored on.
 */
public final class ModelTraining {

  /** Share of the history, in percent, held back for evaluation rather than trained on. */
  public static final int HELD_BACK_PERCENT = 20;

  private ModelTraining() {}

  /**
   * What a candidate trains on and what both models are scored on.
   *
   * @param train corpus train split, then the trained part of the history sorted by inquiry id
   * @param heldBack corpus test split, then the held-back history sorted by inquiry id
   * @param historyTrain history examples in {@code train}
   * @param historyHeldBack history examples in {@code heldBack}
   * @param historyDigest SHA-256 of the whole history (see {@link #historyDigest})
   */
  public record TrainingData(
      List<LabelledText> train,
      List<LabelledText> heldBack,
      int historyTrain,
      int historyHeldBack,
      String historyDigest) {}

  /**
   * A trained candidate.
   *
   * @param classifier the trained engine
   * @param version engine version, corpus hash and (when trained on history) history digest
   * @param data what it was trained on and is to be scored on
   */
  public record Candidate(Classifier.Model model, TrainingData data) {

    public TextClassifier classifier() {
      return model.classifier();
    }

    public String version() {
      return model.version();
    }
  }

  /**
   * Whether the candidate replaces the model in use.
   *
   * @param promote true to promote
   * @param reason why, in plain words, with the figures
   */
  public record Decision(boolean promote, String reason) {}

  /** True when the inquiry's example is held back for evaluation (about 20% of inquiries). */
  public static boolean heldBack(String inquiryId) {
    byte[] hash = sha256(inquiryId.getBytes(StandardCharsets.UTF_8));
    int bucket = Integer.remainderUnsigned(ByteBuffer.wrap(hash).getInt(), 100);
    return bucket < HELD_BACK_PERCENT;
  }

  /** Splits corpus and history into the training and held-back sets, in a deterministic order. */
  public static TrainingData split(FinanceCorpus corpus, Collection<HistoryExample> history) {
    List<HistoryExample> sorted = sorted(history);
    List<LabelledText> train = new ArrayList<>(corpus.typeExamples("train"));
    List<LabelledText> heldBack = new ArrayList<>(corpus.typeExamples("test"));
    int historyTrain = 0;
    for (HistoryExample e : sorted) {
      LabelledText example = new LabelledText(e.text(), e.types());
      if (heldBack(e.inquiryId())) {
        heldBack.add(example);
      } else {
        train.add(example);
        historyTrain++;
      }
    }
    return new TrainingData(
        List.copyOf(train),
        List.copyOf(heldBack),
        historyTrain,
        sorted.size() - historyTrain,
        historyDigest(sorted));
  }

  /**
   * Trains a candidate on the corpus's train split plus the trained part of the history. The same
   * corpus, history (in any order), options and encoder always give the same model and version;
   * with no history it is the default model, with the default model's version.
   */
  public static Candidate train(
      FinanceCorpus corpus,
      Collection<HistoryExample> history,
      TrainingOptions options,
      SentenceEncoder encoder) {
    TrainingData data = split(corpus, history);
    if (data.train().isEmpty()) {
      throw new IllegalStateException("nothing to train on: no corpus train rows and no history");
    }
    return new Candidate(
        CorpusTraining.train(
            corpus, data.train(), options, encoder, version(corpus, history, options, encoder)),
        data);
  }

  /** The version a candidate trained on this corpus and history gets. */
  public static String version(
      FinanceCorpus corpus,
      Collection<HistoryExample> history,
      TrainingOptions options,
      SentenceEncoder encoder) {
    String version = CorpusTraining.version(corpus, options, encoder);
    if (!history.isEmpty()) {
      version += "+history." + historyDigest(history).substring(0, 12);
    }
    return version;
  }

  /** Main-type figures of a model on examples. */
  public static Evaluation evaluate(TextClassifier model, List<LabelledText> examples) {
    return CorpusTraining.evaluate(model, examples);
  }

  /**
   * Promotes the candidate only when it is a different model and neither its accuracy nor its
   * macro-F1 on the held-back set is more than {@code tolerance} below the model in use.
   *
   * @param current the model in use's figures, null when no model is loaded
   */
  public static Decision decide(
      String candidateVersion,
      Evaluation candidate,
      String currentVersion,
      Evaluation current,
      double tolerance) {
    if (candidateVersion.equals(currentVersion)) {
      return new Decision(
          false, "the candidate is the model in use: no new labelled history since it was trained");
    }
    if (current == null) {
      return new Decision(true, "no model was in use; candidate " + candidate.summary());
    }
    // A tiny epsilon so that equal figures computed in a different order still compare equal.
    double epsilon = 1e-9;
    boolean accuracyOk = candidate.accuracy() + epsilon >= current.accuracy() - tolerance;
    boolean f1Ok = candidate.macroF1() + epsilon >= current.macroF1() - tolerance;
    String figures =
        String.format(
            Locale.ROOT,
            "candidate %s, in use %s, tolerance %.4f",
            candidate.summary(),
            current.summary(),
            tolerance);
    if (accuracyOk && f1Ok) {
      return new Decision(true, "not worse than the model in use: " + figures);
    }
    String worse = accuracyOk ? "macro-F1" : f1Ok ? "accuracy" : "accuracy and macro-F1";
    return new Decision(false, worse + " worse than the model in use: " + figures);
  }

  /**
   * SHA-256 (hex) over every example sorted by inquiry id: id, types and text, each length-prefixed
   * so that no two histories share a digest by concatenation.
   */
  public static String historyDigest(Collection<HistoryExample> history) {
    StringBuilder all = new StringBuilder();
    for (HistoryExample e : sorted(history)) {
      field(all, e.inquiryId());
      field(all, String.join("|", e.types()));
      field(all, e.text());
    }
    return CorpusTraining.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void field(StringBuilder out, String value) {
    out.append(value.length()).append(':').append(value).append(';');
  }

  private static List<HistoryExample> sorted(Collection<HistoryExample> history) {
    return history.stream().sorted(Comparator.comparing(HistoryExample::inquiryId)).toList();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
