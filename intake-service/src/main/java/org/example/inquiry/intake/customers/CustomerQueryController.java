package org.example.inquiry.intake.customers;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/v1/customers/{id}}: the customer master view as intake links against it. */
@RestController
class CustomerQueryController {

  private final CustomerLookup customers;

  CustomerQueryController(CustomerLookup customers) {
    this.customers = customers;
  }

  @Operation(summary = "A customer as the customer master view holds it")
  @GetMapping(path = "/api/v1/customers/{customerId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<CustomerProfile> get(@PathVariable String customerId) {
    return Mono.fromCallable(
            () ->
                customers
                    .byId(customerId)
                    .orElseThrow(
                        () ->
                            new ResponseStatusException(
                                HttpStatus.NOT_FOUND,
                                "No customer " + customerId + " in the customer master")))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
