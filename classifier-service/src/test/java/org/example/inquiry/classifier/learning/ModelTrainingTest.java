package org.example.inquiry.classifier.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CorpusTraining;
import org.example.inquiry.classifier.training.FinanceCorpus;
import org.junit.jupiter.api.Test;

class ModelTrainingTest {

  static Evaluation figures(double accuracy, double macroF1) {
    return new Evaluation(accuracy, macroF1, Map.of());
  }

  @Test
  void aboutOneInFiveInquiriesIsHeldBackAlwaysTheSameOnes() {
    List<String> ids = IntStream.range(0, 5000).mapToObj(i -> "inquiry-" + i).toList();
    long heldBack = ids.stream().filter(ModelTraining::heldBack).count();
    assertThat(heldBack).isBetween(900L, 1100L);
    assertThat(ids.stream().filter(ModelTraining::heldBack).toList())
        .isEqualTo(ids.stream().filter(ModelTraining::heldBack).toList());
    assertThat(ModelTraining.heldBack("learn-good-000"))
        .isEqualTo(ModelTraining.heldBack("learn-good-000"));
  }

  @Test
  void aCandidateNotWorseOnBothFiguresIsPromotedAndAWorseOneIsNot() {
    Evaluation current = figures(0.90, 0.88);

    assertThat(ModelTraining.decide("b", figures(0.90, 0.88), "a", current, 0.0).promote())
        .isTrue();
    assertThat(ModelTraining.decide("b", figures(0.95, 0.90), "a", current, 0.0).promote())
        .isTrue();
    ModelTraining.Decision worseF1 =
        ModelTraining.decide("b", figures(0.95, 0.87), "a", current, 0.0);
    assertThat(worseF1.promote()).isFalse();
    assertThat(worseF1.reason()).startsWith("macro-F1 worse");
    ModelTraining.Decision worseAccuracy =
        ModelTraining.decide("b", figures(0.89, 0.95), "a", current, 0.0);
    assertThat(worseAccuracy.promote()).isFalse();
    assertThat(worseAccuracy.reason()).startsWith("accuracy worse");
    assertThat(ModelTraining.decide("b", figures(0.89, 0.87), "a", current, 0.02).promote())
        .isTrue();
  }

  @Test
  void theModelInUseIsNotPromotedAgainAndAnyModelBeatsNone() {
    assertThat(ModelTraining.decide("a", figures(1, 1), "a", figures(0, 0), 0.0).promote())
        .isFalse();
    assertThat(ModelTraining.decide("a", figures(0.1, 0.1), null, null, 0.0).promote()).isTrue();
  }

  @Test
  void theSameCorpusAndHistoryInAnyOrderRebuildTheSameModel() {
    FinanceCorpus corpus = LearningScenario.corpus();
    List<HistoryExample> history =
        LearningScenario.examples(LearningScenario.good().subList(0, 60));
    List<HistoryExample> shuffled = new ArrayList<>(history);
    Collections.reverse(shuffled);
    TrainingOptions fast = TrainingOptions.defaults().withEpochs(3);

    ModelTraining.Candidate one = ModelTraining.train(corpus, history, fast, null);
    ModelTraining.Candidate two = ModelTraining.train(corpus, shuffled, fast, null);

    assertThat(two.version()).isEqualTo(one.version()).contains("+history.");
    for (var example : one.data().heldBack()) {
      assertThat(two.classifier().predict(example.text()))
          .isEqualTo(one.classifier().predict(example.text()));
    }
    assertThat(one.data().historyTrain() + one.data().historyHeldBack()).isEqualTo(60);
    assertThat(one.data().historyHeldBack()).isPositive();
    // Another label on one example is another history and another model version.
    List<HistoryExample> relabelled = new ArrayList<>(history);
    HistoryExample first = relabelled.get(0);
    relabelled.set(0, new HistoryExample(first.inquiryId(), first.text(), List.of("general")));
    assertThat(ModelTraining.historyDigest(relabelled))
        .isNotEqualTo(ModelTraining.historyDigest(history));
  }

  @Test
  void withoutHistoryTheCandidateIsTheDefaultModel() {
    FinanceCorpus corpus = LearningScenario.corpus();
    TrainingOptions fast = TrainingOptions.defaults().withEpochs(2);

    ModelTraining.Candidate candidate = ModelTraining.train(corpus, List.of(), fast, null);

    assertThat(candidate.version()).isEqualTo(CorpusTraining.version(corpus, fast, null));
    assertThat(candidate.data().historyTrain()).isZero();
  }

  /**
   * The broker test's scenario, without a broker: a history that repeats the corpus distribution
   * gives a candidate not worse than the default model, so it is promoted; adding a deliberately
   * mislabelled history makes the next candidate worse than that promoted model, so it is not.
   */
  @Test
  void goodHistoryIsPromotedAndMislabelledHistoryIsRejected() {
    FinanceCorpus corpus = LearningScenario.corpus();
    TrainingOptions options = TrainingOptions.defaults();
    ModelTraining.Candidate defaults = ModelTraining.train(corpus, List.of(), options, null);
    List<HistoryExample> good = LearningScenario.examples(LearningScenario.good());

    ModelTraining.Candidate first = ModelTraining.train(corpus, good, options, null);
    ModelTraining.Decision promoted =
        ModelTraining.decide(
            first.version(),
            ModelTraining.evaluate(first.classifier(), first.data().heldBack()),
            defaults.version(),
            ModelTraining.evaluate(defaults.classifier(), first.data().heldBack()),
            0.0);
    System.out.println("good history: " + promoted.reason());
    assertThat(promoted.promote()).as(promoted.reason()).isTrue();

    List<HistoryExample> both = new ArrayList<>(good);
    both.addAll(LearningScenario.examples(LearningScenario.bad()));
    ModelTraining.Candidate second = ModelTraining.train(corpus, both, options, null);
    ModelTraining.Decision rejected =
        ModelTraining.decide(
            second.version(),
            ModelTraining.evaluate(second.classifier(), second.data().heldBack()),
            first.version(),
            ModelTraining.evaluate(first.classifier(), second.data().heldBack()),
            0.0);
    System.out.println("mislabelled history: " + rejected.reason());
    assertThat(rejected.promote()).as(rejected.reason()).isFalse();
  }
}
