package org.example.inquiry.classifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.example.inquiry.classifier.classification.Classification;
import org.example.inquiry.classifier.classification.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code classify --input in.csv --output out.csv}: the service's decision (rules, the default
 * model of the packaged corpus, triage; default configuration) for every row of a CSV with a {@code
 * text} column or {@code subject} and {@code body} columns (an {@code amount} column, if any, is
 * the stated amount). Writes every input column plus {@code types} (main first, {@code
 * ;}-separated), {@code urgency}, {@code confidence} (of the main type) and {@code triage}.
 */
@Command(
    name = "classify",
    description =
        "Classify a CSV of inquiries (column text, or subject and body) exactly as the service"
            + " does; write every input column plus types, urgency, confidence and triage.")
final class ClassifyCommand implements Callable<Integer> {

  static final List<String> OUTPUT_COLUMNS = List.of("types", "urgency", "confidence", "triage");
  private static final int BATCH = 32;

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "CSV with a header row")
  Path input;

  @Option(names = "--output", required = true, description = "CSV to write")
  Path output;

  @Option(
      names = "--model-cache",
      description =
          "Directory of cached models (used when the packaged model does not match the corpus)")
  Path modelCache;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<String> header;
    List<CSVRecord> rows;
    try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      header = parser.getHeaderNames();
      rows = parser.getRecords();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read " + input + ": " + e.getMessage(), e);
    }
    boolean hasText = header.contains("text");
    if (!hasText && !header.contains("subject") && !header.contains("body")) {
      throw new IllegalArgumentException(
          input + " has neither a text column nor subject and body columns: " + header);
    }
    Classifier classifier = ServiceClassifier.create(modelCache, err);
    List<String> outHeader = new ArrayList<>();
    for (String h : header) {
      outHeader.add(OUTPUT_COLUMNS.contains(h) ? "input_" + h : h);
    }
    outHeader.addAll(OUTPUT_COLUMNS);
    if (!outHeader.subList(0, header.size()).equals(header)) {
      err.println("note: input columns named like output columns are written as input_<name>");
    }
    long start = System.nanoTime();
    try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        CSVPrinter printer =
            CSVFormat.RFC4180
                .builder()
                .setHeader(outHeader.toArray(String[]::new))
                .get()
                .print(writer)) {
      for (int from = 0; from < rows.size(); from += BATCH) {
        List<CSVRecord> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
        List<Classifier.Input> inputs = new ArrayList<>(batch.size());
        for (CSVRecord row : batch) {
          inputs.add(
              hasText
                  ? new Classifier.Input("", get(row, "text"), amount(row))
                  : new Classifier.Input(get(row, "subject"), get(row, "body"), amount(row)));
        }
        List<Classification> decisions = classifier.classifyAll(inputs);
        for (int i = 0; i < batch.size(); i++) {
          List<String> values = new ArrayList<>();
          CSVRecord row = batch.get(i);
          for (int c = 0; c < header.size(); c++) {
            values.add(c < row.size() ? row.get(c) : "");
          }
          Classification d = decisions.get(i);
          values.add(
              d.types().stream()
                  .map(Classification.TypeScore::type)
                  .collect(Collectors.joining(";")));
          values.add(d.urgency());
          values.add(String.format(Locale.ROOT, "%.4f", d.types().get(0).confidence()));
          values.add(Boolean.toString(d.triage()));
          printer.printRecord(values);
        }
      }
    }
    err.printf(
        Locale.ROOT,
        "classified %d inquiries from %s into %s in %d ms (model %s)%n",
        rows.size(),
        input,
        output,
        (System.nanoTime() - start) / 1_000_000,
        classifier.modelVersion().orElse("none: rules alone"));
    err.flush();
    return 0;
  }

  private static String get(CSVRecord row, String column) {
    return row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
  }

  private static BigDecimal amount(CSVRecord row) {
    String value = get(row, "amount").strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(value.replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
