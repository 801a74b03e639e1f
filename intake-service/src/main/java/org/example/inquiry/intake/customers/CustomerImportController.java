package org.example.inquiry.intake.customers;

import io.swagger.v3.oas.annotations.Operation;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.example.inquiry.platform.csv.CsvImport;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.web.CsvImportAnswers;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
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
    return Mono.<ResponseEntity<?>>fromCallable(
            () -> {
              CustomerCsv.Result result =
                  CustomerCsv.read(
                      new StringReader(new String(csv, StandardCharsets.UTF_8)), clock.instant());
              if (result.problems().isEmpty()) {
                log.info("{} imports {} customers", caller.getName(), result.customers().size());
              }
              return CsvImportAnswers.of(
                  CsvImport.publish(
                      result.customers(),
                      result.problems(),
                      publisher,
                      Topics.CUSTOMERS.name(),
                      Customer::getCustomerId));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
