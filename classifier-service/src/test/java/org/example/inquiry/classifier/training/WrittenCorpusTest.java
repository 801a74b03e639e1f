package org.example.inquiry.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WrittenCorpusTest {

  @Test
  void writtenRowsAreReadWithTypesMainFirstUrgencyAndAStableSplit() throws Exception {
    FinanceCorpus corpus = EngineTest.corpus();

    Datasets.CorpusRow refund =
        corpus.rows().stream().filter(r -> r.id().equals("W-2")).findFirst().orElseThrow();

    assertThat(refund.types()).containsExactly("refund", "billing-discrepancy");
    assertThat(refund.urgency()).isEqualTo("HIGH");
    assertThat(refund.channel()).isEqualTo("portal");
    assertThat(refund.written()).isTrue();
    assertThat(FinanceCorpus.weight(refund))
        .isGreaterThan(FinanceCorpus.weight(corpus.rows().get(0)));
    assertThat(corpus.describe()).isEqualTo("written=3 template=20");
    long held = IntStream.range(0, 4000).filter(i -> FinanceCorpus.writtenTest("W-" + i)).count();
    assertThat(held).isBetween(500L, 700L);
  }

  @Test
  void theCorpusHashCoversTheWrittenFiles() throws Exception {
    FinanceCorpus one = EngineTest.corpus();
    FinanceCorpus templatesOnly = FinanceCorpus.ofTemplates(CorpusTrainingTest.fixture());

    assertThat(one.sha256()).isNotEqualTo(templatesOnly.sha256());
    assertThat(EngineTest.corpus().sha256()).isEqualTo(one.sha256());
  }

  @Test
  void aBrokenLineIsRejectedNamingTheFileAndLine() {
    byte[] broken =
        ("{\"id\": \"W-1\", \"body\": \"x\", \"types\": [\"refund\"], \"urgency\": \"LOW\"}\n"
                + "{\"id\": \"W-2\", \"body\": \"cut off")
            .getBytes(StandardCharsets.UTF_8);
    byte[] untyped =
        "{\"id\": \"W-3\", \"body\": \"x\", \"types\": [], \"urgency\": \"LOW\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FinanceCorpus.of(null, Map.of("refund.jsonl", broken)))
        .hasMessageStartingWith("refund.jsonl line 2 is not a corpus row");
    assertThatThrownBy(() -> FinanceCorpus.of(null, Map.of("x.jsonl", untyped)))
        .hasMessageContaining("has no type");
  }
}
