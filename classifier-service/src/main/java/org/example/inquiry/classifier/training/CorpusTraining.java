package org.example.inquiry.classifier.training;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.KeywordRules;
import org.example.inquiry.classifier.classification.UrgencyContext;
import org.example.inquiry.classifier.model.Calibration;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.InquiryText;
import org.example.inquiry.classifier.model.LabelScore;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.SentenceEncoder;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;

/**
 * Trains the service's models from the finance corpus (plus, in the learning loop, the trained part
 * of the labelled history): the type model, calibrated on the held-back written rows, and the
 * urgency model over text and context. Deterministic: the same corpus, history, options and encoder
 * always give the same models and version.
 */
public final class CorpusTraining {

  /** The urgency levels the urgency model learns; rows with another urgency are skipped. */
  static final List<String> URGENCIES = List.of("LOW", "NORMAL", "HIGH", "CRITICAL");

  private static final KeywordRules DEFAULT_RULES = new KeywordRules();

  private CorpusTraining() {}

  /**
   * Trained models with their figures on the held-back corpus rows.
   *
   * @param model type and urgency models with their version
   * @param trainSize type examples trained on
   * @param test type figures (main type) on the corpus's test split, null when it has none
   */
  public record TrainedModel(Classifier.Model model, int trainSize, Evaluation test) {

    public TextClassifier classifier() {
      return model.classifier();
    }

    public String version() {
      return model.version();
    }
  }

  /** Trains on the corpus's train split and reports on its test split. */
  public static TrainedModel train(
      FinanceCorpus corpus, TrainingOptions options, SentenceEncoder encoder) {
    List<LabelledText> test = corpus.typeExamples("test");
    Classifier.Model model =
        train(
            corpus,
            corpus.typeExamples("train"),
            options,
            encoder,
            version(corpus, options, encoder));
    Evaluation evaluation = test.isEmpty() ? null : evaluate(model.classifier(), test);
    return new TrainedModel(model, corpus.typeExamples("train").size(), evaluation);
  }

  /**
   * Trains the type model on {@code typeTrain} (calibrated on the corpus's written test rows) and
   * the urgency model on the corpus's train rows.
   */
  public static Classifier.Model train(
      FinanceCorpus corpus,
      List<LabelledText> typeTrain,
      TrainingOptions options,
      SentenceEncoder encoder,
      String version) {
    List<LabelledText> calibration =
        corpus.split("test").stream()
            .filter(Datasets.CorpusRow::written)
            .map(Datasets.CorpusRow::example)
            .toList();
    TextClassifier types = TextClassifier.train(typeTrain, options, encoder);
    types = Calibration.calibrate(types, calibration);
    List<LabelledText> urgencyTrain = urgencyExamples(corpus.split("train"));
    TextClassifier urgency = null;
    if (urgencyTrain.stream().map(LabelledText::label).distinct().count() > 1) {
      urgency = TextClassifier.train(urgencyTrain, urgencyOptions(options), encoder);
      List<LabelledText> urgencyCalibration =
          urgencyExamples(
              corpus.split("test").stream().filter(Datasets.CorpusRow::written).toList());
      urgency = Calibration.calibrate(urgency, urgencyCalibration);
    }
    return new Classifier.Model(types, urgency, version);
  }

  /**
   * The urgency model's cascade threshold: it answers from its TF-IDF model alone unless that model
   * gives its most probable urgency less than this (four urgencies: almost never). On the finance
   * evaluation set the embedding made the urgency worse (0.831 at the type model's 0.8, 0.856 at
   * 0.3) and was half of the inquiries embedded (docs/BENCHMARKS.md, "The urgency model's
   * cascade").
   */
  public static final double URGENCY_CASCADE_CONFIDENCE = 0.3;

  /** The urgency model's options: the type model's, with the urgency cascade threshold. */
  public static TrainingOptions urgencyOptions(TrainingOptions options) {
    return options.withCascadeConfidence(URGENCY_CASCADE_CONFIDENCE);
  }

  /**
   * Urgency examples: each row's text with its context tokens (rules evaluated with the default
   * rules, no stated amount), labelled with its urgency, weighted by source.
   */
  public static List<LabelledText> urgencyExamples(List<Datasets.CorpusRow> rows) {
    List<LabelledText> out = new ArrayList<>();
    for (Datasets.CorpusRow r : rows) {
      if (!URGENCIES.contains(r.urgency())) {
        continue;
      }
      out.add(
          new LabelledText(urgencyText(r.subject(), r.body(), null), List.of(r.urgency()))
              .withWeight(FinanceCorpus.weight(r)));
    }
    return out;
  }

  /** The text the urgency model reads for an inquiry, evaluated with the default rules. */
  public static String urgencyText(String subject, String body, BigDecimal amount) {
    KeywordRules.Outcome outcome = DEFAULT_RULES.evaluate(subject, body, amount);
    return InquiryText.withContext(
        InquiryText.of(subject, body), UrgencyContext.tokens(outcome, amount));
  }

  /** Main-type figures of a model on examples. */
  public static Evaluation evaluate(TextClassifier model, List<LabelledText> examples) {
    List<List<LabelScore>> predictions =
        model.predictAll(examples.stream().map(LabelledText::text).toList());
    return Evaluation.of(
        examples.stream().map(LabelledText::label).toList(),
        predictions.stream().map(p -> p.get(0).label()).toList());
  }

  /** Engine version + corpus hash, and an options hash when the options are not the defaults. */
  public static String version(
      FinanceCorpus corpus, TrainingOptions options, SentenceEncoder encoder) {
    // The options always count: a model trained under old defaults must not pass for one of the
    // current defaults.
    return TextClassifier.engineVersion(encoder)
        + "+corpus."
        + corpus.sha256().substring(0, 12)
        + "+options."
        + sha256((options + " urgency " + urgencyOptions(options)).getBytes(StandardCharsets.UTF_8))
            .substring(0, 8);
  }

  /** SHA-256 of the bytes, lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
