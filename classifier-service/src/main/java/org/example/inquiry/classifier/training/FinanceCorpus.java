package org.example.inquiry.classifier.training;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.example.inquiry.classifier.model.LabelledText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The finance training corpus: inquiries people wrote freely ({@code corpus/written/<type>.jsonl},
 * one JSON object a line: id, channel, subject, body, types (main first), urgency) and the template
 * corpus ({@code finance-inquiries.csv}) kept for volume. Written rows are split into train and
 * test by a hash of their id ({@value #WRITTEN_TEST_PERCENT}% test); template rows carry their own
 * split. In training, a written text counts {@value #WRITTEN_WEIGHT} times as much as a template
 * one, so varied human phrasing, not template phrasing, shapes the model.
 *
 * @param rows every row, template rows first, then written rows by file name and line
 * @param sha256 SHA-256 over the template CSV and every written file (name and bytes): part of the
 *     model version
 */
public record FinanceCorpus(List<Datasets.CorpusRow> rows, String sha256) {

  /** Share of written rows, by id hash, held back for testing and calibration. */
  public static final int WRITTEN_TEST_PERCENT = 15;

  /** Training weight of a written row; a template row weighs {@value #TEMPLATE_WEIGHT}. */
  public static final double WRITTEN_WEIGHT = 1.0;

  public static final double TEMPLATE_WEIGHT = 0.35;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public FinanceCorpus {
    rows = List.copyOf(rows);
  }

  /**
   * Reads the corpus from the template CSV (null: none) and the written JSON Lines files by name.
   *
   * @throws IllegalArgumentException naming the file and line of a row that cannot be read
   */
  public static FinanceCorpus of(byte[] templateCsv, Map<String, byte[]> writtenFiles) {
    SortedMap<String, byte[]> written = new TreeMap<>(writtenFiles);
    List<Datasets.CorpusRow> rows = new ArrayList<>();
    MessageDigest sha = digest();
    if (templateCsv != null) {
      try {
        rows.addAll(
            Datasets.readCorpus(new StringReader(new String(templateCsv, StandardCharsets.UTF_8))));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the template corpus: " + e.getMessage());
      }
      sha.update(templateCsv);
    }
    for (var file : written.entrySet()) {
      rows.addAll(readWritten(file.getKey(), file.getValue()));
      sha.update(("\n" + file.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(file.getValue());
    }
    return new FinanceCorpus(rows, HexFormat.of().formatHex(sha.digest()));
  }

  /** The template corpus alone (as before the written corpus existed). */
  public static FinanceCorpus ofTemplates(byte[] templateCsv) {
    return of(templateCsv, Map.of());
  }

  static List<Datasets.CorpusRow> readWritten(String name, byte[] bytes) {
    List<Datasets.CorpusRow> rows = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        rows.add(written(JSON.readTree(line)));
      } catch (JacksonException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            name + " line " + (i + 1) + " is not a corpus row: " + e.getMessage(), e);
      }
    }
    return rows;
  }

  /** One written row from its JSON object. */
  public static Datasets.CorpusRow written(JsonNode row) {
    String id = text(row, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("no id");
    }
    List<String> types = new ArrayList<>();
    JsonNode array = row.get("types");
    if (array != null && array.isArray()) {
      array.forEach(t -> types.add(t.asString().strip()));
    }
    types.removeIf(String::isEmpty);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("row " + id + " has no type");
    }
    String urgency = text(row, "urgency").strip().toUpperCase(Locale.ROOT);
    return new Datasets.CorpusRow(
        id,
        text(row, "subject"),
        text(row, "body"),
        List.copyOf(types),
        urgency,
        writtenTest(id) ? "test" : "train",
        Datasets.CorpusRow.WRITTEN,
        text(row, "channel"));
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? "" : value.asString();
  }

  /** True for the written rows held back (by a hash of the id, stable across corpus growth). */
  public static boolean writtenTest(String id) {
    byte[] hash = digest().digest(id.getBytes(StandardCharsets.UTF_8));
    return Integer.remainderUnsigned(ByteBuffer.wrap(hash).getInt(), 100) < WRITTEN_TEST_PERCENT;
  }

  /** The rows of a split ({@code train} or {@code test}). */
  public List<Datasets.CorpusRow> split(String split) {
    return rows.stream().filter(r -> r.split().equalsIgnoreCase(split)).toList();
  }

  /** The type examples of a split, weighted by source. */
  public List<LabelledText> typeExamples(String split) {
    return split(split).stream().map(r -> r.example().withWeight(weight(r))).toList();
  }

  /** The training weight of a row. */
  public static double weight(Datasets.CorpusRow row) {
    return row.written() ? WRITTEN_WEIGHT : TEMPLATE_WEIGHT;
  }

  /** Rows by source, e.g. {@code written=2210 template=1408}. */
  public String describe() {
    long written = rows.stream().filter(Datasets.CorpusRow::written).count();
    return "written=" + written + " template=" + (rows.size() - written);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
