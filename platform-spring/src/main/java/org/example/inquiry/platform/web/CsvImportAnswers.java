package org.example.inquiry.platform.web;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.platform.csv.CsvImport;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A reference-data import's outcome over HTTP: 200 with the count, or 400 listing the problems. */
public final class CsvImportAnswers {

  private CsvImportAnswers() {}

  /**
   * The whole import of an uploaded CSV, off the event loop: reads it with {@code read} and
   * publishes every row in one transaction, or answers 400 with the problems and publishes nothing.
   */
  public static <T extends SpecificRecord> Mono<ResponseEntity<?>> importing(
      byte[] csv,
      Function<Reader, CsvImport.Result<T>> read,
      EventPublisher publisher,
      String topic,
      Function<T, String> key) {
    return Mono.<ResponseEntity<?>>fromCallable(
            () -> {
              CsvImport.Result<T> result =
                  read.apply(new StringReader(new String(csv, StandardCharsets.UTF_8)));
              return of(CsvImport.publish(result.rows(), result.problems(), publisher, topic, key));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  public static ResponseEntity<?> of(CsvImport.Outcome outcome) {
    if (outcome instanceof CsvImport.Refused refused) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              refused.problems().size() + " problem(s) in the CSV; nothing was imported");
      problem.setTitle("Invalid import file");
      problem.setProperty("errors", refused.problems().stream().limit(100).toList());
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return ResponseEntity.ok(outcome);
  }
}
