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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Reference-data imports (customer master, ledger extracts): an RFC 4180 CSV with a header, read
 * row by row with every problem reported by line, then published all together in one Kafka
 * transaction, or refused with 400 problem+json listing the problems and nothing published.
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

  /**
   * Publishes every row in one transaction (200 with the count), or answers 400 with the problems.
   */
  public static <T extends SpecificRecord> ResponseEntity<?> publishOrRefuse(
      List<T> rows,
      List<String> problems,
      EventPublisher publisher,
      String topic,
      Function<T, String> key) {
    if (!problems.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              problems.size() + " problem(s) in the CSV; nothing was imported");
      problem.setTitle("Invalid import file");
      problem.setProperty("errors", problems.stream().limit(100).toList());
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    publisher.publish(
        rows.stream()
            .map(r -> new EventPublisher.Outgoing(topic, key.apply(r), r))
            .toArray(EventPublisher.Outgoing[]::new));
    return ResponseEntity.ok(java.util.Map.of("imported", rows.size()));
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
