package org.example.inquiry.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.junit.jupiter.api.Test;

class CorpusTrainingTest {

  static byte[] fixture() throws Exception {
    try (InputStream in =
        CorpusTrainingTest.class.getResourceAsStream("/corpus/finance-inquiries-fixture.csv")) {
      return in.readAllBytes();
    }
  }

  @Test
  void trainsOnTheTrainSplitAndEvaluatesOnTheTestSplit() throws Exception {
    CorpusTraining.TrainedModel trained =
        CorpusTraining.train(
            FinanceCorpus.ofTemplates(fixture()), TrainingOptions.defaults(), null);

    assertThat(trained.trainSize()).isEqualTo(15);
    assertThat(trained.test().perClass().values().stream().mapToInt(f -> f.support()).sum())
        .isEqualTo(5);
    assertThat(trained.test().accuracy()).isGreaterThanOrEqualTo(0.8);
    assertThat(trained.classifier().labels()).contains("billing-discrepancy");
  }

  @Test
  void theVersionIsTheEngineVersionPlusTheCorpusHashAndChangesWithEitherInput() throws Exception {
    byte[] corpus = fixture();
    byte[] changed =
        (new String(corpus, StandardCharsets.UTF_8) + "F-21,a,b,refund,LOW,train\n")
            .getBytes(StandardCharsets.UTF_8);

    String version = version(corpus, TrainingOptions.defaults());

    assertThat(version).matches("tfidf-softmax-1\\+corpus\\.[0-9a-f]{12}\\+options\\.[0-9a-f]{8}");
    assertThat(version(corpus, TrainingOptions.defaults())).isEqualTo(version);
    assertThat(version(changed, TrainingOptions.defaults())).isNotEqualTo(version);
    String otherOptions = version(corpus, TrainingOptions.defaults().withEpochs(3));
    assertThat(otherOptions).isNotEqualTo(version);
    assertThat(otherOptions.substring(0, otherOptions.indexOf("+options.")))
        .isEqualTo(version.substring(0, version.indexOf("+options.")));
    assertThat(
            CorpusTraining.version(
                FinanceCorpus.ofTemplates(corpus), TrainingOptions.defaults(), new FakeEncoder()))
        .startsWith("tfidf-embedding-knn-5+fake-encoder+corpus.");
  }

  @Test
  void theUrgencyModelIsTrainedWithACascadeThresholdOfItsOwnAndItCountsInTheVersion()
      throws Exception {
    TrainingOptions options = TrainingOptions.defaults();

    CorpusTraining.TrainedModel trained =
        CorpusTraining.train(FinanceCorpus.ofTemplates(fixture()), options, new FakeEncoder());

    assertThat(trained.classifier().options().cascadeConfidence())
        .isEqualTo(options.cascadeConfidence());
    assertThat(trained.model().urgency().options().cascadeConfidence())
        .isEqualTo(CorpusTraining.URGENCY_CASCADE_CONFIDENCE)
        .isLessThan(options.cascadeConfidence());
    // A model trained before the urgency had a threshold of its own is another version.
    String before =
        TextClassifier.engineVersion(new FakeEncoder())
            + "+corpus."
            + FinanceCorpus.ofTemplates(fixture()).sha256().substring(0, 12)
            + "+options."
            + CorpusTraining.sha256(options.toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 8);
    assertThat(trained.version()).isNotEqualTo(before);
  }

  static String version(byte[] templates, TrainingOptions options) {
    return CorpusTraining.version(FinanceCorpus.ofTemplates(templates), options, null);
  }

  @Test
  void aRowWithAnUnquotedCommaIsRejectedNotSilentlyMisread() {
    byte[] broken =
        "id,subject,body,types,urgency,split\nX-1,s,USD 4,000 paid?,payment-status,LOW,train\n"
            .getBytes(StandardCharsets.UTF_8);

    Assertions.assertThatThrownBy(() -> FinanceCorpus.ofTemplates(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record 1");
  }
}
