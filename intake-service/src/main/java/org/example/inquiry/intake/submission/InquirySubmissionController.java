package org.example.inquiry.intake.submission;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.math.RoundingMode;
import java.net.URI;
import java.util.List;
import org.example.inquiry.intake.registration.InquiryAccepted;
import org.example.inquiry.intake.registration.InquiryIntake;
import org.example.inquiry.intake.registration.Submission;
import org.example.inquiry.schemas.Attachment;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal / API channel: {@code POST /api/v1/inquiries}, answered 202 with the inquiry id once
 * the inquiry is committed to Kafka. An {@code Idempotency-Key} makes a repeat return the same id
 * without publishing anything.
 */
@RestController
class InquirySubmissionController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final InquiryIntake intake;

  InquirySubmissionController(InquiryIntake intake) {
    this.intake = intake;
  }

  @Operation(summary = "Submit a customer inquiry")
  @PostMapping(
      path = "/api/v1/inquiries",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('channel')")
  Mono<ResponseEntity<InquiryAccepted>> submit(
      @Valid @RequestBody SubmitInquiryRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      Authentication caller) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY + " must be 1 to 255 characters"));
    }
    Submission submission = toSubmission(request, caller.getName(), idempotencyKey);
    return Mono.fromCallable(() -> intake.register(submission, "api:" + caller.getName()))
        .subscribeOn(Schedulers.boundedElastic())
        .map(InquirySubmissionController::accepted);
  }

  static ResponseEntity<InquiryAccepted> accepted(InquiryIntake.Outcome outcome) {
    InquiryAccepted body = InquiryAccepted.of(outcome);
    var response =
        ResponseEntity.accepted().location(URI.create("/api/v1/inquiries/" + outcome.inquiryId()));
    if (outcome instanceof InquiryIntake.Duplicate) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(body);
  }

  private static Submission toSubmission(SubmitInquiryRequest r, String submittedBy, String key) {
    List<Reference> references =
        r.references() == null
            ? List.of()
            : r.references().stream()
                .map(x -> new Reference(ReferenceKind.valueOf(x.kind()), x.value().trim()))
                .toList();
    List<Attachment> attachments =
        r.attachments() == null
            ? List.of()
            : r.attachments().stream()
                .map(a -> new Attachment(a.fileName(), a.contentType(), a.sizeBytes(), a.sha256()))
                .toList();
    Money amount =
        r.amount() == null
            ? null
            : new Money(
                r.amount().amount().setScale(4, RoundingMode.UNNECESSARY), r.amount().currency());
    return new Submission(
        r.channel() == null ? Channel.API : Channel.valueOf(r.channel()),
        submittedBy,
        key,
        null,
        r.customerId(),
        r.contact().name(),
        r.contact().email(),
        r.subject(),
        r.body(),
        references,
        amount,
        attachments);
  }
}
