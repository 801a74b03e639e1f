package org.example.inquiry.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierCommandsTest {

  @TempDir Path cache;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ClassifierCommandsTest.class.getResource("/evaluate/" + name).toURI());
  }

  private static List<String> run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ClassifierCommands.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isZero();
    return out.toString().lines().toList();
  }

  @Test
  void evaluatePrintsPerClassFiguresAndTheSummaryAsTheLastLine() throws Exception {
    List<String> lines =
        run(
            "evaluate",
            "--train",
            fixture("train.csv").toString(),
            "--test",
            fixture("test.csv").toString(),
            "--cache-dir",
            cache.toString());

    Matcher last =
        Pattern.compile("accuracy=(0\\.\\d{4}|1\\.0000) macro_f1=(0\\.\\d{4}|1\\.0000)")
            .matcher(lines.get(lines.size() - 1));
    assertThat(last.matches()).as(String.join("\n", lines)).isTrue();
    assertThat(Double.parseDouble(last.group(1))).isGreaterThanOrEqualTo(5 / 6.0 - 1e-4);
    assertThat(lines).anyMatch(l -> l.startsWith("invoice-copy "));
    assertThat(lines).anyMatch(l -> l.startsWith("payment-status "));
    assertThat(lines).anyMatch(l -> l.startsWith("refund "));
    assertThat(lines.get(0))
        .startsWith("engine=tfidf-embedding-knn-5+bge-small")
        .contains("train=18 test=6 classes=3");
    assertThat(lines.get(1)).matches("latency_per_inquiry p50_ms=\\d+\\.\\d{3} p95_ms=.* n=6");
    assertThat(lines.get(2)).startsWith("latency_per_inquiry_in_batches_of_32 ");
  }

  @Test
  void benchmarkComparesTheEngineWithBaselines() throws Exception {
    List<String> lines =
        run(
            "benchmark",
            "--data",
            fixture("train.csv").toString(),
            "--folds",
            "3",
            "--cache-dir",
            cache.toString());

    assertThat(lines)
        .anyMatch(l -> l.startsWith("majority-class") && l.contains("accuracy=0.3333"));
    assertThat(lines).anyMatch(l -> l.startsWith("unigram-tfidf-softmax"));
    assertThat(lines.get(lines.size() - 1))
        .startsWith("tfidf-embedding-knn-5+bge-small")
        .contains("p95_ms=")
        .contains("batch32_p95_ms=");
    assertThat(cache.toFile().list()).isNotEmpty(); // the training texts' embeddings are kept
  }

  @Test
  void aMissingOptionIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        ClassifierCommands.run(
            new PrintWriter(new StringWriter()), new PrintWriter(err), "evaluate", "--train", "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--test");
  }

  @Test
  void anUnreadableFileIsReportedInOneLineWithExitCodeOne() {
    StringWriter err = new StringWriter();
    int code =
        ClassifierCommands.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "evaluate",
            "--train",
            "/nonexistent/train.csv",
            "--test",
            "/nonexistent/test.csv");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("error: cannot read /nonexistent/train.csv");
  }
}
