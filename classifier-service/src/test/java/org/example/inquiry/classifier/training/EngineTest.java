package org.example.inquiry.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.example.inquiry.classifier.classification.Classifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fast restart: a model trained once is loaded by its version afterwards, not trained again. */
class EngineTest {

  static FinanceCorpus corpus() throws Exception {
    byte[] templates = CorpusTrainingTest.fixture();
    String written =
        """
        {"id": "W-1", "channel": "email", "subject": "Copy", "body": "Please resend invoice 12 as PDF", "types": ["invoice-copy"], "urgency": "LOW"}
        {"id": "W-2", "channel": "portal", "subject": "", "body": "we need our money back for the double payment", "types": ["refund", "billing-discrepancy"], "urgency": "HIGH"}
        {"id": "W-3", "channel": "email", "subject": "Lawyer", "body": "Our lawyer will start legal action on the disputed invoice", "types": ["dispute"], "urgency": "CRITICAL"}
        """;
    return FinanceCorpus.of(templates, Map.of("w.jsonl", written.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theDefaultModelIsTrainedOnceThenLoadedByItsVersion(@TempDir Path cache) throws Exception {
    FinanceCorpus corpus = corpus();
    FakeEncoder encoder = new FakeEncoder();
    List<String> log = new ArrayList<>();

    Classifier.Model trained = Engine.of(encoder, cache).defaultModel(corpus, log::add);
    int embeddedWhileTraining = encoder.texts;
    FakeEncoder afterRestart = new FakeEncoder();
    Classifier.Model loaded = Engine.of(afterRestart, cache).defaultModel(corpus, log::add);

    assertThat(log.get(0)).startsWith("Trained model tfidf-embedding-knn-5+fake-encoder");
    assertThat(log.get(1)).startsWith("Loaded model " + trained.version());
    assertThat(loaded.version()).isEqualTo(trained.version());
    assertThat(embeddedWhileTraining).isPositive();
    assertThat(afterRestart.texts).isZero();
    String text = "Copy\nplease send the invoice again";
    assertThat(loaded.classifier().predict(text)).isEqualTo(trained.classifier().predict(text));
    assertThat(loaded.urgency()).isNotNull();
    assertThat(loaded.urgency().predict(text)).isEqualTo(trained.urgency().predict(text));
  }

  @Test
  void anotherCorpusIsAnotherVersionAndIsTrained(@TempDir Path cache) throws Exception {
    FinanceCorpus corpus = corpus();
    FinanceCorpus other = FinanceCorpus.ofTemplates(CorpusTrainingTest.fixture());
    List<String> log = new ArrayList<>();

    Engine.of(new FakeEncoder(), cache).defaultModel(corpus, log::add);
    Engine.of(new FakeEncoder(), cache).defaultModel(other, log::add);

    assertThat(log).allMatch(l -> l.startsWith("Trained model"));
  }
}
