package org.example.inquiry.platform.web;

import java.util.List;
import java.util.Map;
import org.example.inquiry.platform.kafka.EventTooLargeException;
import org.example.inquiry.platform.streams.OutcomeNotVisibleException;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Bean-validation failures and unreadable bodies as 400 problem+json that name every offending
 * field, so a client can fix them. Other framework errors (wrong media type, too large) are turned
 * into problem+json by Spring's own handler ({@code spring.webflux.problemdetails.enabled}).
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

  /**
   * A body that is not the JSON the endpoint declares: malformed, a duplicate key, an unknown
   * field, or a value of the wrong JSON type. The problem names the field (as a JSON path) and what
   * is wrong with it.
   */
  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
    JacksonException json = jacksonCause(e);
    if (json == null) {
      ProblemDetail problem = e.getBody();
      return ResponseEntity.status(e.getStatusCode()).body(problem);
    }
    String field = field(json);
    String message = message(json);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            field.isEmpty()
                ? "The request body is not valid JSON for this endpoint: " + message
                : "The request has 1 invalid field: " + field + " (" + message + ")");
    problem.setTitle("Invalid request");
    if (!field.isEmpty()) {
      problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
    return ResponseEntity.badRequest().body(problem);
  }

  /** A request that would make a record larger than Kafka takes: refused, nothing written. */
  @ExceptionHandler(EventTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(EventTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    problem.setTitle("Request too large");
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
  }

  /** A state store that cannot answer now (starting, rebalancing, owner unreachable): 503. */
  @ExceptionHandler(StoreUnavailableException.class)
  ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
  }

  /** A command published whose outcome did not materialise in time: 504, it may still apply. */
  @ExceptionHandler(OutcomeNotVisibleException.class)
  ResponseEntity<ProblemDetail> outcomeNotVisible(OutcomeNotVisibleException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, e.getMessage());
    return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem);
  }

  private static JacksonException jacksonCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof JacksonException j) {
        return j;
      }
    }
    return null;
  }

  private static String field(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    if (e instanceof UnrecognizedPropertyException u && path.isEmpty()) {
      path.append(u.getPropertyName());
    }
    return path.toString();
  }

  private static String message(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (e instanceof InvalidFormatException f) {
      return "the value " + abbreviate(String.valueOf(f.getValue())) + " is not valid here";
    }
    if (e instanceof MismatchedInputException m) {
      return m.getTargetType() == null
          ? "wrong JSON type"
          : "wrong JSON type; expected " + describe(m.getTargetType());
    }
    if (e instanceof StreamReadException) {
      String original = e.getOriginalMessage();
      return original == null ? "malformed JSON" : abbreviate(original);
    }
    String original = e.getOriginalMessage();
    return original == null ? "invalid" : abbreviate(original);
  }

  private static String describe(Class<?> type) {
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.isEnum()) {
      return "one of " + List.of(type.getEnumConstants());
    }
    return "an object";
  }

  private static String abbreviate(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }

  private static Map<String, String> describe(FieldError error) {
    return Map.of(
        "field",
        error.getField(),
        "message",
        error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
  }
}
