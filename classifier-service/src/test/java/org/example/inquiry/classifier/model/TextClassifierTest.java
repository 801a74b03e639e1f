package org.example.inquiry.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextClassifierTest {

  static final List<LabelledText> TRAIN =
      List.of(
          LabelledText.of("please send a copy of the invoice", "invoice-copy"),
          LabelledText.of("resend the invoice document", "invoice-copy"),
          LabelledText.of("we need a duplicate invoice copy", "invoice-copy"),
          LabelledText.of("has our payment arrived", "payment-status"),
          LabelledText.of("did you receive the payment we sent", "payment-status"),
          LabelledText.of("status of our payment transfer", "payment-status"),
          LabelledText.of("we want a refund of the overpayment", "refund"),
          LabelledText.of("refund the double charge please", "refund"),
          LabelledText.of("give us our money back, refund it", "refund"));

  @Test
  void learnsToTellTheLabelsApartOnUnseenWording() {
    TextClassifier model = TextClassifier.train(TRAIN, TrainingOptions.defaults());

    assertThat(model.predict("could you resend a copy of that invoice").get(0).label())
        .isEqualTo("invoice-copy");
    assertThat(model.predict("was the payment received?").get(0).label())
        .isEqualTo("payment-status");
    assertThat(model.predict("I want my refund").get(0).label()).isEqualTo("refund");
  }

  @Test
  void predictionsAreProbabilityDistributionsSortedHighestFirst() {
    TextClassifier model = TextClassifier.train(TRAIN, TrainingOptions.defaults());

    List<LabelScore> scores = model.predict("refund the invoice payment");

    assertThat(scores).hasSize(3);
    assertThat(scores.stream().mapToDouble(LabelScore::probability).sum())
        .isCloseTo(1.0, within(1e-9));
    assertThat(scores)
        .isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
    assertThat(scores).allSatisfy(s -> assertThat(s.probability()).isBetween(0.0, 1.0));
  }

  @Test
  void sameDataAndSeedGiveTheSameModel() {
    TextClassifier first = TextClassifier.train(TRAIN, TrainingOptions.defaults());
    TextClassifier second = TextClassifier.train(TRAIN, TrainingOptions.defaults());

    assertThat(second.predict("payment copy refund"))
        .isEqualTo(first.predict("payment copy refund"));
  }

  @Test
  void emptyBlankUnknownAndHugeTextsGetADistributionWithoutFailing() {
    TextClassifier model = TextClassifier.train(TRAIN, TrainingOptions.defaults());

    for (String text : new String[] {"", "  \n\t ", null, "zzzz qqqq", "refund ".repeat(150_000)}) {
      List<LabelScore> scores = model.predict(text);
      assertThat(scores.stream().mapToDouble(LabelScore::probability).sum())
          .isCloseTo(1.0, within(1e-9));
    }
    // Nothing known in the text: close to the training prior, so no label is confident.
    assertThat(model.predict("").get(0).probability()).isLessThan(0.5);
  }

  @Test
  void multiLabelExamplesMakeTheSecondaryLabelProbableToo() {
    List<LabelledText> train = new ArrayList<>(TRAIN);
    for (int i = 0; i < 3; i++) {
      train.add(
          new LabelledText(
              "refund the payment for the lost invoice copy " + i,
              List.of("refund", "invoice-copy")));
    }
    TextClassifier model = TextClassifier.train(train, TrainingOptions.defaults());

    Map<String, Double> p =
        model.predict("refund the payment for the lost invoice copy").stream()
            .collect(Collectors.toMap(LabelScore::label, LabelScore::probability));

    assertThat(p.get("refund")).isGreaterThan(p.get("invoice-copy"));
    assertThat(p.get("invoice-copy")).isGreaterThan(p.get("payment-status")).isGreaterThan(0.2);
  }

  @Test
  void refusesToTrainWithoutExamples() {
    assertThatThrownBy(() -> TextClassifier.train(List.of(), TrainingOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokensAreLowerCasedLettersAndDigits() {
    assertThat(TfIdfFeaturizer.tokens("Invoice INV-1001: £2,000!", 100))
        .containsExactly("invoice", "inv", "1001", "2", "000");
    assertThat(TfIdfFeaturizer.tokens("abcdef", 3)).containsExactly("abc");
    Function<String, Integer> size =
        t -> TfIdfFeaturizer.fit(List.of(t), TrainingOptions.defaults()).dimension();
    // "ab": word "ab", char grams " ab", "ab ", " ab " = 4 features
    assertThat(size.apply("ab")).isEqualTo(4);
  }
}
