package org.example.inquiry.intake.followup;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.example.inquiry.intake.registration.InquiryAccepted;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.Contact;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Follow-ups and feedback through the portal / API channel. */
@RestController
class FollowUpController {

  private final FollowUps followUps;

  FollowUpController(FollowUps followUps) {
    this.followUps = followUps;
  }

  /** A customer's further message on an open inquiry. */
  record FollowUpRequest(
      @Size(max = 200) String contactName,
      @Email @Size(max = 320) String contactEmail,
      @Size(max = 500) String subject,
      @NotBlank @Size(max = 100_000) String body) {}

  /** A customer's rating after resolution. */
  record FeedbackRequest(@Min(1) @Max(5) int score, @Size(max = 5000) String comment) {}

  /** A rating taken. */
  record FeedbackAccepted(String inquiryId, int score) {}

  @Operation(summary = "Record a customer follow-up on an inquiry")
  @PostMapping(
      path = "/api/v1/inquiries/{inquiryId}/follow-ups",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('channel')")
  Mono<ResponseEntity<InquiryAccepted>> followUp(
      @PathVariable String inquiryId,
      @Valid @RequestBody FollowUpRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      Authentication caller) {
    return Mono.fromCallable(
            () ->
                followUps.followUp(
                    inquiryId,
                    Channel.PORTAL,
                    key,
                    caller.getName(),
                    new Contact(request.contactName(), request.contactEmail()),
                    request.subject(),
                    request.body(),
                    List.of()))
        .subscribeOn(Schedulers.boundedElastic())
        .map(
            result ->
                ResponseEntity.accepted()
                    .body(
                        InquiryAccepted.followUp(inquiryId, result == FollowUps.Result.PUBLISHED)));
  }

  @Operation(summary = "Record the customer's satisfaction (1-5) with a resolved inquiry")
  @PostMapping(
      path = "/api/v1/inquiries/{inquiryId}/feedback",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('channel')")
  Mono<ResponseEntity<FeedbackAccepted>> feedback(
      @PathVariable String inquiryId,
      @Valid @RequestBody FeedbackRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      Authentication caller) {
    return Mono.fromRunnable(
            () ->
                followUps.rate(
                    inquiryId,
                    request.score(),
                    request.comment(),
                    Channel.PORTAL,
                    caller.getName(),
                    key))
        .subscribeOn(Schedulers.boundedElastic())
        .then(
            Mono.fromSupplier(
                () ->
                    ResponseEntity.accepted()
                        .body(new FeedbackAccepted(inquiryId, request.score()))));
  }
}
