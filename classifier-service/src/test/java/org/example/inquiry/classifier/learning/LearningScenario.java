package org.example.inquiry.classifier.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.example.inquiry.classifier.model.InquiryText;
import org.example.inquiry.classifier.training.Datasets;
import org.example.inquiry.classifier.training.FinanceCorpus;

/**
 * The learning loop's test data, shared by the pure test and the broker test so both see the same
 * decisions: the service's finance corpus, a history that repeats the corpus distribution with the
 * right types (agents confirmed what the corpus says), and a history whose types are deliberately
 * wrong (each shifted to the next type).
 */
final class LearningScenario {

  static final String CORPUS = "corpus/finance-inquiries.csv";

  /** Inquiries "learn-good-NNN": the first {@code n} train rows, types as in the corpus. */
  static final int GOOD = 200;

  /** Inquiries "learn-bad-NNN": the next {@code n} train rows, every type shifted. */
  static final int BAD = 300;

  private LearningScenario() {}

  static byte[] templates() {
    try (InputStream in = LearningScenario.class.getClassLoader().getResourceAsStream(CORPUS)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template corpus alone (the pure tests train TF-IDF models on it, fast). */
  static FinanceCorpus corpus() {
    return FinanceCorpus.ofTemplates(templates());
  }

  static List<Datasets.CorpusRow> trainRows() {
    try {
      return Datasets.readCorpus(new StringReader(new String(templates(), StandardCharsets.UTF_8)))
          .stream()
          .filter(r -> r.split().equals("train"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A labelled inquiry of the scenario: its id, subject, body and the types an agent confirms. */
  record Inquiry(String inquiryId, String subject, String body, List<String> types) {
    HistoryExample example() {
      return new HistoryExample(inquiryId, InquiryText.of(subject, body), types);
    }
  }

  static List<Inquiry> good() {
    List<Datasets.CorpusRow> rows = trainRows();
    List<Inquiry> out = new ArrayList<>();
    for (int i = 0; i < GOOD; i++) {
      Datasets.CorpusRow r = rows.get(i);
      out.add(new Inquiry(String.format("learn-good-%03d", i), r.subject(), r.body(), r.types()));
    }
    return out;
  }

  static List<Inquiry> bad() {
    List<Datasets.CorpusRow> rows = trainRows();
    List<String> types =
        new ArrayList<>(new TreeSet<>(rows.stream().map(r -> r.types().get(0)).toList()));
    List<Inquiry> out = new ArrayList<>();
    for (int i = 0; i < BAD; i++) {
      Datasets.CorpusRow r = rows.get(GOOD + i);
      String wrong = types.get((types.indexOf(r.types().get(0)) + 1) % types.size());
      out.add(
          new Inquiry(String.format("learn-bad-%03d", i), r.subject(), r.body(), List.of(wrong)));
    }
    return out;
  }

  static List<HistoryExample> examples(List<Inquiry> inquiries) {
    return inquiries.stream().map(Inquiry::example).toList();
  }
}
