package org.example.inquiry.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.example.inquiry.classifier.classification.Classification;
import org.example.inquiry.classifier.classification.Classifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline classify command with the packaged default model (built at process-classes; the test
 * is skipped when the build skipped it with -Dclassifier.model.skip=true).
 */
class ClassifyCommandTest {

  @TempDir Path dir;

  @BeforeAll
  static void packagedModel() {
    assumeTrue(
        ClassifyCommandTest.class.getClassLoader().getResource("model/default-model.bin.gz")
            != null,
        "no packaged model (built with -Dclassifier.model.skip=true)");
  }

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ClassifierCommands.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isZero();
    return err.toString();
  }

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      assertThat(parser.getHeaderNames()).endsWith("types", "urgency", "confidence", "triage");
      return parser.getRecords();
    }
  }

  @Test
  void subjectAndBodyRowsGetTheServicesDecisionWithEveryInputColumnKept() throws Exception {
    Path in = dir.resolve("in.csv");
    Files.writeString(
        in,
        """
        ref,subject,body,types
        A-1,Invoice copy,"Hello, could you please resend invoice INV-4471? We cannot find it. Thanks, Ana",x
        A-2,URGENT: letter of credit,"Our L/C 55-0091 expires on Friday and the documents were refused by the bank, please amend today",y
        A-3,,,z
        """,
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");

    String log = run("classify", "--input", in.toString(), "--output", out.toString());

    List<CSVRecord> rows = read(out);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("ref")).isEqualTo("A-1");
    assertThat(rows.get(0).get("input_types")).isEqualTo("x");
    assertThat(rows.get(0).get("types").split(";")[0]).isEqualTo("invoice-copy");
    assertThat(rows.get(1).get("types")).startsWith("letter-of-credit");
    assertThat(rows.get(1).get("urgency")).isIn("HIGH", "CRITICAL");
    assertThat(Double.parseDouble(rows.get(0).get("confidence"))).isBetween(0.0, 1.0);
    assertThat(rows.get(2).get("triage")).isEqualTo("true");
    assertThat(log).contains("classified 3 inquiries");

    // Exactly the service's decision: the same classifier, the same answer.
    Classifier service = ServiceClassifier.create((Path) null, new PrintWriter(new StringWriter()));
    Classification direct =
        service.classify(
            "Invoice copy",
            "Hello, could you please resend invoice INV-4471? We cannot find it. Thanks, Ana",
            null);
    assertThat(rows.get(0).get("types"))
        .isEqualTo(
            String.join(";", direct.types().stream().map(Classification.TypeScore::type).toList()));
    assertThat(rows.get(0).get("urgency")).isEqualTo(direct.urgency());
  }

  @Test
  void aTextColumnIsEnoughAndAFileWithoutTextColumnsIsRefused() throws Exception {
    Path in = dir.resolve("text.csv");
    Files.writeString(in, "text\n\"We want a refund of the double payment, thanks\"\n");
    Path out = dir.resolve("text-out.csv");

    run("classify", "--input", in.toString(), "--output", out.toString());

    assertThat(read(out).get(0).get("types")).startsWith("refund");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "foo,bar\n1,2\n");
    StringWriter err = new StringWriter();
    int code =
        ClassifierCommands.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "classify",
            "--input",
            bad.toString(),
            "--output",
            dir.resolve("x.csv").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("neither a text column nor subject and body");
  }
}
