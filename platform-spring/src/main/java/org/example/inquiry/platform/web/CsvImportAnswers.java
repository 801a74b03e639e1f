package org.example.inquiry.platform.web;

import org.example.inquiry.platform.csv.CsvImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A reference-data import's outcome over HTTP: 200 with the count, or 400 listing the problems. */
public final class CsvImportAnswers {

  private CsvImportAnswers() {}

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
