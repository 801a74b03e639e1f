package org.example.inquiry.intake.customers;

import io.swagger.v3.oas.annotations.Operation;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The customer master loader: {@code POST /api/v1/customers/import} with a CSV export publishes
 * every customer to the compacted {@code customers} topic in one transaction, or nothing.
 */
@RestController
class CustomerImportController {

  private static final Logger log = LoggerFactory.getLogger(CustomerImportController.class);

  private final EventPublisher publisher;
  private final Clock clock = Clock.systemUTC();

  CustomerImportController(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Operation(summary = "Import a customer master CSV export into the customers topic")
  @PostMapping(
      path = "/api/v1/customers/import",
      consumes = "text/csv",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('supervisor')")
  Mono<ResponseEntity<?>> importCsv(@RequestBody byte[] csv, Authentication caller) {
    return Mono.fromCallable(
            () -> {
              CustomerCsv.Result result =
                  CustomerCsv.read(
                      new StringReader(new String(csv, StandardCharsets.UTF_8)), clock.instant());
              if (!result.problems().isEmpty()) {
                ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        result.problems().size() + " problem(s) in the CSV; nothing was imported");
                problem.setTitle("Invalid customer master file");
                problem.setProperty("errors", result.problems().stream().limit(100).toList());
                return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
              }
              publisher.publish(
                  result.customers().stream()
                      .map(
                          c ->
                              new EventPublisher.Outgoing(
                                  Topics.CUSTOMERS.name(), c.getCustomerId(), c))
                      .toArray(EventPublisher.Outgoing[]::new));
              log.info("{} imported {} customers", caller.getName(), result.customers().size());
              return ResponseEntity.ok(Map.of("imported", result.customers().size()));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
