package org.example.inquiry.resolution.cases;

import io.swagger.v3.oas.annotations.Operation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/inquiries/{id}}: the case and its timeline, from the case store. */
@RestController
class CaseQueryController {

  private final StreamsBuilderFactoryBean streams;

  CaseQueryController(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Operation(summary = "An inquiry's case with its full timeline")
  @GetMapping(path = "/api/v1/inquiries/{inquiryId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<InquiryCase> get(@PathVariable String inquiryId) {
    return Mono.fromCallable(() -> store().get(inquiryId))
        .switchIfEmpty(
            Mono.error(
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No inquiry " + inquiryId + " is known to resolution")));
  }

  private ReadOnlyKeyValueStore<String, InquiryCase> store() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The case store is still starting or rebalancing; retry shortly");
    }
    try {
      return kafkaStreams.store(
          StoreQueryParameters.fromNameAndType(
              CaseTopology.CASES_STORE, QueryableStoreTypes.<String, InquiryCase>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The case store is not queryable right now; retry shortly",
          e);
    }
  }
}
