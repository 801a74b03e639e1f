package org.example.inquiry.resolution.openitems;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.web.CsvImportAnswers;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The ledger loader: {@code POST /api/v1/open-items/import} with a CSV extract, all or nothing. */
@RestController
class OpenItemImportController {

  private final EventPublisher publisher;
  private final Clock clock = Clock.systemUTC();

  OpenItemImportController(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Operation(
      summary =
          "Import a receivables ledger extract (invoices, credit notes, payments): a supervisor"
              + " loading an extract, or a finance system feeding its postings")
  @PostMapping(
      path = "/api/v1/open-items/import",
      consumes = "text/csv",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('supervisor','finance-system')")
  Mono<ResponseEntity<?>> importCsv(@RequestBody byte[] csv) {
    return CsvImportAnswers.importing(
        csv,
        reader -> OpenItemCsv.read(reader, clock.instant()),
        publisher,
        Topics.OPEN_ITEMS.name(),
        OpenItem::getDocumentNumber);
  }
}
