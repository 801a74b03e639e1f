package org.example.inquiry.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.example.inquiry.classifier.training.FakeEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with a sentence encoder beside TF-IDF, its persistence and the embedding caches. */
class DenseFeaturesTest {

  /** Every text embedded: the cascade off. */
  static final TrainingOptions ALL_EXPERTS = TrainingOptions.defaults().withCascadeConfidence(1.0);

  static final List<LabelledText> TRAIN =
      List.of(
          LabelledText.of("please resend the invoice copy", "invoice-copy"),
          LabelledText.of("copy of invoice needed", "invoice-copy"),
          LabelledText.of("send the invoice pdf again", "invoice-copy"),
          LabelledText.of("has our payment arrived", "payment-status"),
          LabelledText.of("did you receive the transfer", "payment-status"),
          LabelledText.of("payment received yet?", "payment-status"),
          LabelledText.of("we want our money back", "refund"),
          LabelledText.of("refund the overpayment", "refund"),
          LabelledText.of("please reimburse us", "refund"));

  @Test
  void theEmbeddingModelAddsToTheTfIdfModelAndTheVersionNamesTheEncoder() {
    FakeEncoder encoder = new FakeEncoder();

    TextClassifier model = TextClassifier.train(TRAIN, ALL_EXPERTS, encoder);

    assertThat(model.engineVersion()).isEqualTo("tfidf-embedding-knn-5+fake-encoder");
    assertThat(model.predict("could you resend the invoice copy").get(0).label())
        .isEqualTo("invoice-copy");
    assertThat(encoder.texts).isEqualTo(TRAIN.size() + 1);
  }

  @Test
  void aBatchIsEmbeddedInOneCallWithTheSamePredictionsAsOneByOne() {
    FakeEncoder encoder = new FakeEncoder();
    TextClassifier model = TextClassifier.train(TRAIN, ALL_EXPERTS, encoder);
    int before = encoder.calls;
    List<String> texts = List.of("refund please", "invoice copy", "payment arrived?");

    List<List<LabelScore>> batch = model.predictAll(texts);

    assertThat(encoder.calls).isEqualTo(before + 1);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(batch.get(i)).isEqualTo(model.predict(texts.get(i)));
    }
  }

  @Test
  void aWrittenModelReadsBackToTheSamePredictionsAndOnlyWithItsEncoder() throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    TextClassifier model =
        TextClassifier.train(TRAIN, TrainingOptions.defaults(), encoder)
            .withTemperatures(1.7, 0.6)
            .withCascadeConfidence(0.55);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.writeTo(new DataOutputStream(bytes));

    TextClassifier read =
        TextClassifier.readFrom(
            new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), encoder);

    assertThat(read.predict("refund the money")).isEqualTo(model.predict("refund the money"));
    assertThat(read.predict("please resend")).isEqualTo(model.predict("please resend"));
    assertThat(read.temperature()).isEqualTo(1.7);
    assertThat(read.cascadeTemperature()).isEqualTo(0.6);
    assertThat(read.options().cascadeConfidence()).isEqualTo(0.55);
    assertThatThrownBy(
            () ->
                TextClassifier.readFrom(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), null))
        .hasMessageContaining("cannot run with tfidf-softmax-1");
  }

  @Test
  void theCascadeEmbedsOnlyTheTextsTheTfIdfModelIsUnsureOf() {
    FakeEncoder encoder = new FakeEncoder();
    TextClassifier all = TextClassifier.train(TRAIN, ALL_EXPERTS, encoder);
    TextClassifier tfIdf = TextClassifier.train(TRAIN, TrainingOptions.defaults());
    List<String> texts = List.of("refund the overpayment", "copy", "zzz unknown words");
    double[] sure =
        texts.stream().mapToDouble(t -> tfIdf.predict(t).get(0).probability()).toArray();
    // a threshold between the surest text and the others
    double threshold = (sure[0] + Math.max(sure[1], sure[2])) / 2;
    assertThat(sure[0]).isGreaterThan(Math.max(sure[1], sure[2]));
    TextClassifier cascade = all.withCascadeConfidence(threshold).withTemperatures(1.0, 1.0);

    int before = encoder.texts;
    TextClassifier.Scores scores = cascade.scores(texts);

    assertThat(scores.cascaded()).containsExactly(true, false, false);
    assertThat(encoder.texts - before).isEqualTo(2);
    // the text answered alone gets exactly the TF-IDF model's probabilities
    assertThat(cascade.predict(texts.get(0))).isEqualTo(tfIdf.predict(texts.get(0)));
    assertThat(cascade.predict(texts.get(1))).isEqualTo(all.predict(texts.get(1)));
    before = encoder.texts;
    all.withCascadeConfidence(1.0).predictAll(texts);
    assertThat(encoder.texts - before).isEqualTo(3);
  }

  @Test
  void eachPathOfTheCascadeGetsItsOwnTemperature() {
    TextClassifier tfIdf = TextClassifier.train(TRAIN, TrainingOptions.defaults());
    List<LabelledText> heldOut =
        List.of(
            LabelledText.of("refund the overpayment", "refund"),
            LabelledText.of("please resend the invoice copy", "invoice-copy"),
            LabelledText.of("qqq", "payment-status"));
    double sure = tfIdf.predict("refund the overpayment").get(0).probability();
    double unsure = tfIdf.predict("qqq").get(0).probability();
    assertThat(sure).isGreaterThan(unsure);
    TextClassifier model =
        TextClassifier.train(TRAIN, TrainingOptions.defaults(), new FakeEncoder())
            .withCascadeConfidence((sure + unsure) / 2);
    boolean[] cascaded = model.scores(heldOut.stream().map(LabelledText::text).toList()).cascaded();
    assertThat(cascaded[0]).isTrue();
    assertThat(cascaded[2]).isFalse();

    TextClassifier calibrated = Calibration.calibrate(model, heldOut);

    // right and sure on the cascade's texts: sharpened; the others fitted apart
    assertThat(calibrated.cascadeTemperature()).isLessThan(1.0);
    assertThat(calibrated.temperature()).isNotEqualTo(calibrated.cascadeTemperature());
  }

  @Test
  void theEmbeddingCacheSkipsTextsItHasSeenAndSurvivesARestart(@TempDir Path dir) {
    FakeEncoder encoder = new FakeEncoder();
    CachingEncoder cache = new CachingEncoder(encoder);
    cache.encode(List.of("a b", "c d"));
    cache.encode(List.of("a b", "e f"));
    assertThat(encoder.texts).isEqualTo(3);
    Path file = dir.resolve("embeddings.bin");
    cache.saveIfChanged(file);

    FakeEncoder fresh = new FakeEncoder();
    CachingEncoder reloaded = new CachingEncoder(fresh).loadIfPresent(file);
    float[][] again = reloaded.encode(List.of("e f", "a b", "c d"));

    assertThat(fresh.texts).isZero();
    assertThat(again[1]).isEqualTo(encoder.encode(List.of("a b"))[0]);
  }

  @Test
  void everyNgramOfATrainingTextIsFoundAgainWithoutStringsPerNgram() {
    String text = "Invoice INV-1001: £2,000 für Müller, please check\tthe  AMOUNT!";
    TfIdfFeaturizer featurizer = TfIdfFeaturizer.fit(List.of(text), TrainingOptions.defaults());

    SparseVector v = featurizer.transform(text);

    assertThat(v.size()).isEqualTo(featurizer.dimension());
    assertThat(featurizer.transform("").size()).isZero();
    assertThat(featurizer.transform("nothing known xyz").size()).isLessThan(v.size());
  }

  @Test
  void aTextsVectorIsItsNgramCountsWithSublinearTfIdfAndEachFamilyNormalised() {
    TrainingOptions options = TrainingOptions.defaults();
    TfIdfFeaturizer featurizer =
        TfIdfFeaturizer.fit(
            List.of(
                "Please resend the invoice copy for invoice 1001",
                "We disputed the amount; the amount is wrong",
                "refund refund refund, money back please"),
            options);
    // Repeated n-grams, unknown ones, and a shorter text after a longer one on the same thread
    // (whatever one text counted must not leak into the next).
    for (String text :
        List.of(
            "the invoice, the INVOICE and the amount: refund the amount twice please",
            "zzz unknown words only",
            "refund",
            "")) {
      SparseVector actual = featurizer.transform(text);
      Map<Integer, Double> expected = reference(featurizer, options, text);

      assertThat(actual.indices())
          .containsExactly(expected.keySet().stream().mapToInt(Integer::intValue).toArray());
      for (int k = 0; k < actual.size(); k++) {
        assertThat((double) actual.values()[k])
            .isCloseTo(expected.get(actual.indices()[k]), within(1e-6));
      }
    }
  }

  @Test
  void aLargeVocabularyAndALongTextGiveTheirNgramCountsToo() {
    // Thousands of features (the index sort takes two passes) and a text with thousands of n-grams
    // (the per-thread scratch space grows while one text is counted).
    TrainingOptions options = TrainingOptions.defaults();
    java.util.Random random = new java.util.Random(11);
    String letters = "abcdefghijklmnopqrstuvwxyz";
    List<String> words = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder w = new StringBuilder();
      for (int c = 0, n = 3 + random.nextInt(7); c < n; c++) {
        w.append(letters.charAt(random.nextInt(letters.length())));
      }
      words.add(w.toString());
    }
    List<String> texts = new java.util.ArrayList<>();
    for (int t = 0; t < 200; t++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 25; i++) {
        text.append(words.get(random.nextInt(words.size()))).append(' ');
      }
      texts.add(text.toString());
    }
    TfIdfFeaturizer featurizer = TfIdfFeaturizer.fit(texts, options);
    StringBuilder longText = new StringBuilder();
    while (longText.length() < options.maxChars() + 500) {
      longText.append(words.get(random.nextInt(words.size()))).append(' ');
    }
    assertThat(featurizer.dimension()).isGreaterThan(1 << 10);

    for (String text : List.of(longText.toString(), texts.get(0))) {
      SparseVector actual = featurizer.transform(text);
      Map<Integer, Double> expected = reference(featurizer, options, text);

      assertThat(expected.size()).isGreaterThan(100);
      assertThat(actual.indices())
          .containsExactly(expected.keySet().stream().mapToInt(Integer::intValue).toArray());
      for (int k = 0; k < actual.size(); k++) {
        assertThat((double) actual.values()[k])
            .isCloseTo(expected.get(actual.indices()[k]), within(1e-6));
      }
    }
  }

  /**
   * The vector as its definition reads: n-gram strings counted, sublinear tf x idf, L2 per family.
   */
  private static Map<Integer, Double> reference(
      TfIdfFeaturizer featurizer, TrainingOptions options, String text) {
    String[] tokens = TfIdfFeaturizer.tokens(text, options.maxChars());
    Map<Integer, Integer> counts = new TreeMap<>();
    Set<Integer> words = new HashSet<>();
    for (int i = 0; i < tokens.length; i++) {
      StringBuilder gram = new StringBuilder();
      for (int n = 1; n <= options.maxWordN() && i + n <= tokens.length; n++) {
        gram.append(n == 1 ? "" : " ").append(tokens[i + n - 1]);
        int f = featurizer.featureOf(gram.toString(), true);
        if (f >= 0) {
          counts.merge(f, 1, Integer::sum);
          words.add(f);
        }
      }
    }
    for (String token : tokens) {
      String padded = " " + token + " ";
      for (int n = 3; n <= 5; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          int f = featurizer.featureOf(padded.substring(i, i + n), false);
          if (f >= 0) {
            counts.merge(f, 1, Integer::sum);
          }
        }
      }
    }
    Map<Integer, Double> out = new TreeMap<>();
    double wordNorm = 0;
    double charNorm = 0;
    for (var e : counts.entrySet()) {
      double v = (1 + Math.log(e.getValue())) * featurizer.idf(e.getKey());
      out.put(e.getKey(), v);
      if (words.contains(e.getKey())) {
        wordNorm += v * v;
      } else {
        charNorm += v * v;
      }
    }
    double wordScale = wordNorm > 0 ? Math.sqrt(0.5) / Math.sqrt(wordNorm) : 0;
    double charScale = charNorm > 0 ? Math.sqrt(0.5) / Math.sqrt(charNorm) : 0;
    out.replaceAll((f, v) -> v * (words.contains(f) ? wordScale : charScale));
    return out;
  }

  @Test
  void theEmbeddingWeightOnlyCombinesTheTrainedModels() {
    TextClassifier model = TextClassifier.train(TRAIN, ALL_EXPERTS, new FakeEncoder());

    assertThat(model.withEmbeddingWeight(1.0).predict("refund please"))
        .isEqualTo(model.predict("refund please"));
    assertThat(model.withEmbeddingWeight(0.0).predict("refund please"))
        .isNotEqualTo(model.predict("refund please"));
  }

  @Test
  void contextTokensAreReadByTfIdfButNotByTheEncoder() {
    String text = InquiryText.withContext("pay now", List.of("ctxamount6", "ctxdate"));

    assertThat(InquiryText.withoutContext(text)).isEqualTo("pay now");
    assertThat(OnnxSentenceEncoder.input(text)).isEqualTo("pay now");
    assertThat(TfIdfFeaturizer.tokens(text, 1000)).contains("ctxamount6", "ctxdate");
  }
}
