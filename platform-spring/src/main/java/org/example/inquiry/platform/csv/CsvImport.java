package org.example.inquiry.platform.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.example.inquiry.platform.kafka.EventPublisher;

/**
 * Reference-data imports (customer master, ledger extracts): an RFC 4180 CSV with a header, read
 * row by row with every problem reported by line, then published all together in one Kafka
 * transaction, or refused with the problems and nothing published ({@code CsvImportAnswers} says it
 * over HTTP).
 */
public final class CsvImport {

  /** The rows that parsed, and the problems found; import only when there are none. */
  public record Result<T>(List<T> rows, List<String> problems) {}

  private CsvImport() {}

  /**
   * Reads the CSV; {@code mapper} turns one row into a record or throws IllegalArgumentException
   * (or a date or arithmetic exception) with a message naming the column.
   */
  public static <T> Result<T> read(Reader csv, List<String> header, Function<CSVRecord, T> mapper) {
    List<T> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (var parser = format.parse(csv)) {
      List<String> missing =
          header.stream().filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
      if (!missing.isEmpty()) {
        return new Result<>(List.of(), List.of("header lacks columns " + missing));
      }
      for (CSVRecord row : parser) {
        try {
          rows.add(mapper.apply(row));
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
          problems.add("line " + parser.getCurrentLineNumber() + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      // Commons CSV refuses a malformed header (missing or duplicate names) or quoting this way.
      problems.add("not a readable CSV: " + e.getMessage());
    }
    return new Result<>(rows, problems);
  }

  /** What became of an import: every row published, or nothing because of these problems. */
  public sealed interface Outcome {}

  /** Every row was published, in one transaction. */
  public record Imported(int imported) implements Outcome {}

  /** Nothing was published: the file has these problems (by line). */
  public record Refused(List<String> problems) implements Outcome {}

  /** Publishes every row in one transaction, or nothing when there are problems. */
  public static <T extends SpecificRecord> Outcome publish(
      List<T> rows,
      List<String> problems,
      EventPublisher publisher,
      String topic,
      Function<T, String> key) {
    if (!problems.isEmpty()) {
      return new Refused(problems);
    }
    publisher.publish(
        rows.stream()
            .map(r -> new EventPublisher.Outgoing(topic, key.apply(r), r))
            .toArray(EventPublisher.Outgoing[]::new));
    return new Imported(rows.size());
  }

  /** A required cell, trimmed; throws naming the column when blank. */
  public static String required(CSVRecord row, String column) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(column + " is required");
    }
    return value.trim();
  }

  /** An optional cell: null when blank. */
  public static String optional(CSVRecord row, String column) {
    String value = row.get(column);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
