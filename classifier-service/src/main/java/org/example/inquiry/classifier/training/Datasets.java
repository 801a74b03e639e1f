package org.example.inquiry.classifier.training;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.example.inquiry.classifier.model.InquiryText;
import org.example.inquiry.classifier.model.LabelledText;

/**
 * Reads labelled examples from RFC 4180 CSV files: the {@code text,category} format of the
 * evaluation and benchmark commands, and the finance inquiry corpus ({@code
 * id,subject,body,types,urgency,split}, types {@code |}-separated with the main type first).
 */
public final class Datasets {

  private static final CSVFormat WITH_HEADER =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private Datasets() {}

  /**
   * One row of the finance inquiry corpus.
   *
   * @param source {@link #TEMPLATE} or {@link #WRITTEN}
   * @param channel the channel a written row imitates (email, portal, ...), empty for templates
   */
  public record CorpusRow(
      String id,
      String subject,
      String body,
      List<String> types,
      String urgency,
      String split,
      String source,
      String channel) {

    public static final String TEMPLATE = "template";
    public static final String WRITTEN = "written";

    /** True for a row people wrote. */
    public boolean written() {
      return WRITTEN.equals(source);
    }

    /** The row as a training example: subject and body joined, the way inquiries are read. */
    public LabelledText example() {
      return new LabelledText(InquiryText.of(subject, body), types);
    }
  }

  /** Examples of a {@code text,category} CSV file. */
  public static List<LabelledText> readTextCategory(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readTextCategory(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Examples of {@code text,category} CSV text. */
  public static List<LabelledText> readTextCategory(Reader reader) throws IOException {
    List<LabelledText> examples = new ArrayList<>();
    for (CSVRecord row : WITH_HEADER.parse(reader)) {
      requireConsistent(row);
      String category = row.get("category").strip();
      if (category.isEmpty()) {
        throw new IllegalArgumentException("row " + row.getRecordNumber() + " has no category");
      }
      examples.add(LabelledText.of(row.get("text"), category));
    }
    return examples;
  }

  /** Rows of the finance inquiry corpus. */
  public static List<CorpusRow> readCorpus(Reader reader) throws IOException {
    List<CorpusRow> rows = new ArrayList<>();
    for (CSVRecord row : WITH_HEADER.parse(reader)) {
      requireConsistent(row);
      List<String> types =
          Arrays.stream(row.get("types").split("\\|"))
              .map(String::strip)
              .filter(t -> !t.isEmpty())
              .toList();
      if (types.isEmpty()) {
        throw new IllegalArgumentException("corpus row " + row.get("id") + " has no type");
      }
      rows.add(
          new CorpusRow(
              row.get("id"),
              row.get("subject"),
              row.get("body"),
              types,
              row.get("urgency"),
              row.get("split").strip(),
              CorpusRow.TEMPLATE,
              ""));
    }
    return rows;
  }

  private static void requireConsistent(CSVRecord row) {
    if (!row.isConsistent()) {
      throw new IllegalArgumentException(
          "CSV record "
              + row.getRecordNumber()
              + " has "
              + row.size()
              + " fields, the header has "
              + row.getParser().getHeaderNames().size()
              + " (unquoted comma?)");
    }
  }
}
