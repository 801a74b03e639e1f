package org.example.inquiry.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.example.inquiry.classifier.model.TrainingOptions;
import org.junit.jupiter.api.Test;

/**
 * The service's default model on the finance corpus's held-back test split; skipped until the
 * corpus ({@code src/main/resources/corpus/finance-inquiries.csv}) is in the repository.
 */
class FinanceCorpusTest {

  @Test
  void theDefaultModelClassifiesTheHeldBackTestSplit() throws Exception {
    FinanceCorpus corpus = CorpusFiles.loadDefault();
    assumeTrue(corpus != null, "finance corpus not in the repository yet");

    // TF-IDF only, to keep the unit test fast; the build trains the default engine (ModelArtifact).
    CorpusTraining.TrainedModel trained =
        CorpusTraining.train(corpus, TrainingOptions.defaults(), null);

    assumeTrue(trained.test() != null, "the corpus has no test split");
    System.out.printf(
        "finance corpus: model %s, %d training rows, test split %s%n",
        trained.version(), trained.trainSize(), trained.test().summary());
    trained.test().report().forEach(System.out::println);
    assertThat(trained.classifier().labels()).contains("billing-discrepancy", "letter-of-credit");
    assertThat(trained.test().accuracy()).isGreaterThan(0.7);
  }
}
