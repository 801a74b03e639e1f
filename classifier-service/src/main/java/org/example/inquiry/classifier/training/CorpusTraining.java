package org.example.inquiry.classifier.training;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;

/**
 * Trains the service's default model from the finance inquiry corpus: the rows of the train split,
 * the default options and fixed seed, so the same corpus always gives the same model and version.
 */
public final class CorpusTraining {

  private CorpusTraining() {}

  /**
   * A model trained from the corpus, with its figures on the held-back test split.
   *
   * @param classifier the trained engine
   * @param version engine version plus the first 12 hex digits of the corpus's SHA-256
   * @param trainSize examples trained on
   * @param test figures on the test split (main type), null when the corpus has none
   */
  public record TrainedModel(
      TextClassifier classifier, String version, int trainSize, Evaluation test) {}

  /** Trains on the {@code train} rows of the corpus CSV and evaluates on its {@code test} rows. */
  public static TrainedModel train(byte[] corpusCsv, TrainingOptions options) throws IOException {
    List<Datasets.CorpusRow> rows =
        Datasets.readCorpus(new StringReader(new String(corpusCsv, StandardCharsets.UTF_8)));
    List<LabelledText> train = examples(rows, "train");
    List<LabelledText> test = examples(rows, "test");
    TextClassifier classifier = TextClassifier.train(train, options);
    Evaluation evaluation =
        test.isEmpty()
            ? null
            : Evaluation.of(
                test.stream().map(LabelledText::label).toList(),
                test.stream().map(e -> classifier.predict(e.text()).get(0).label()).toList());
    return new TrainedModel(classifier, version(corpusCsv, options), train.size(), evaluation);
  }

  public static List<LabelledText> examples(List<Datasets.CorpusRow> rows, String split) {
    return rows.stream()
        .filter(r -> r.split().equalsIgnoreCase(split))
        .map(Datasets.CorpusRow::example)
        .toList();
  }

  /** Engine version + corpus hash, and an options hash when the options are not the defaults. */
  public static String version(byte[] corpusCsv, TrainingOptions options) {
    String version =
        TextClassifier.ENGINE_VERSION + "+corpus." + sha256(corpusCsv).substring(0, 12);
    if (!options.equals(TrainingOptions.defaults())) {
      version +=
          "+options." + sha256(options.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }
    return version;
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
