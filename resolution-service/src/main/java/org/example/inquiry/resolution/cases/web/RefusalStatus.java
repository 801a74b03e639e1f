package org.example.inquiry.resolution.cases.web;

import org.example.inquiry.resolution.cases.Refusal;
import org.springframework.http.HttpStatus;

/** The one place a case's refusal becomes an HTTP status. */
final class RefusalStatus {

  private RefusalStatus() {}

  static HttpStatus of(Refusal refusal) {
    if (refusal instanceof Refusal.NotFound) {
      return HttpStatus.NOT_FOUND;
    }
    if (refusal instanceof Refusal.Forbidden) {
      return HttpStatus.FORBIDDEN;
    }
    if (refusal instanceof Refusal.Invalid) {
      return HttpStatus.BAD_REQUEST;
    }
    return HttpStatus.CONFLICT;
  }
}
