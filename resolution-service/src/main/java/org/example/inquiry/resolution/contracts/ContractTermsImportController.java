package org.example.inquiry.resolution.contracts;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.web.CsvImportAnswers;
import org.example.inquiry.schemas.ContractTerms;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The contract-terms loader: {@code POST /api/v1/contract-terms/import} with a CSV of contracts,
 * all or nothing; each customer named gets exactly the file's contracts.
 */
@RestController
class ContractTermsImportController {

  private final EventPublisher publisher;
  private final Clock clock = Clock.systemUTC();

  ContractTermsImportController(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Operation(
      summary =
          "Import customers' contract terms (payment terms, letters of credit): each customer in"
              + " the file gets exactly its contracts there")
  @PostMapping(
      path = "/api/v1/contract-terms/import",
      consumes = "text/csv",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('supervisor','finance-system')")
  Mono<ResponseEntity<?>> importCsv(@RequestBody byte[] csv) {
    return CsvImportAnswers.importing(
        csv,
        reader -> ContractTermsCsv.read(reader, clock.instant()),
        publisher,
        Topics.CONTRACT_TERMS.name(),
        ContractTerms::getCustomerId);
  }
}
