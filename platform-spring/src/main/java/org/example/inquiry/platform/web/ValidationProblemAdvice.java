package org.example.inquiry.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;

/**
 * Bean-validation failures as 400 problem+json that name every offending field, so a client can fix
 * all of them in one go. Other framework errors (unreadable JSON, wrong media type) are turned into
 * problem+json by Spring's own handler ({@code spring.webflux.problemdetails.enabled}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ValidationProblemAdvice {

  @ExceptionHandler(WebExchangeBindException.class)
  ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
    List<Map<String, String>> errors =
        e.getFieldErrors().stream().map(ValidationProblemAdvice::describe).toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request has "
                + errors.size()
                + " invalid field"
                + (errors.size() == 1 ? "" : "s")
                + ": "
                + String.join(", ", errors.stream().map(m -> m.get("field")).toList()));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  private static Map<String, String> describe(FieldError error) {
    return Map.of(
        "field",
        error.getField(),
        "message",
        error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
  }
}
