package org.example.inquiry.intake.followup;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused follow-up or rating over HTTP: 404 for an unknown inquiry, 409 before resolution. */
@RestControllerAdvice
class FollowUpRefusals {

  @ExceptionHandler(FollowUps.Refused.class)
  ResponseEntity<ProblemDetail> refused(FollowUps.Refused e) {
    HttpStatus status =
        switch (e.refusal()) {
          case UNKNOWN_INQUIRY -> HttpStatus.NOT_FOUND;
          case NOT_RESOLVED -> HttpStatus.CONFLICT;
        };
    return ResponseEntity.status(status)
        .body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
  }
}
