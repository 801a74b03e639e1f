package org.example.inquiry.intake.customers;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The customer master view is still loading: the caller should retry (503). */
public class CustomerMasterUnavailableException extends ResponseStatusException {

  public CustomerMasterUnavailableException(String detail) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The customer master view is not ready yet; retry shortly (" + detail + ")");
  }
}
