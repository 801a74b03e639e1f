package org.example.inquiry.intake.submission;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
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

/** The portal / API channel: {@code POST /api/v1/inquiries}, answered 202 once published. */
@RestController
class InquirySubmissionController {

  private static final Logger log = LoggerFactory.getLogger(InquirySubmissionController.class);

  private final InquiryReceivedPublisher publisher;
  private final Clock clock;

  InquirySubmissionController(InquiryReceivedPublisher publisher) {
    this.publisher = publisher;
    this.clock = Clock.systemUTC();
  }

  @Operation(summary = "Submit a customer inquiry")
  @PostMapping(
      path = "/api/v1/inquiries",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('channel')")
  Mono<ResponseEntity<Map<String, String>>> submit(
      @Valid @RequestBody SubmitInquiryRequest request, Authentication caller) {
    String inquiryId = UUID.randomUUID().toString();
    var event =
        InquiryRegistration.register(
            request, caller.getName(), inquiryId, UUID.randomUUID().toString(), clock.instant());
    return publisher
        .publish(event)
        .map(
            published -> {
              // Never log the body or contact: personal data.
              log.info(
                  "Registered inquiry {} from {} via {}",
                  inquiryId,
                  caller.getName(),
                  published.getChannel());
              return ResponseEntity.accepted()
                  .location(URI.create("/api/v1/inquiries/" + inquiryId))
                  .body(Map.of("inquiryId", inquiryId, "status", "RECEIVED"));
            });
  }
}
