package org.example.inquiry.intake.email;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.example.inquiry.intake.followup.FollowUps;
import org.example.inquiry.intake.registration.InquiryAccepted;
import org.example.inquiry.intake.registration.InquiryIndex;
import org.example.inquiry.intake.registration.InquiryIntake;
import org.example.inquiry.intake.registration.InquiryRegistration;
import org.example.inquiry.intake.registration.Submission;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.schemas.Attachment;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.attachments.AttachmentParts;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The email channel: an inbound-mail gateway POSTs the raw message ({@code message/rfc822}) to
 * {@code /api/v1/channels/email}. The Message-ID is the idempotency key. A reply to a known inquiry
 * (In-Reply-To / References, or {@code [INQ-<id>]} in the subject) becomes a follow-up on it
 * instead of a new inquiry. Attached files' content goes on {@code attachment-contents} with the
 * inquiry or follow-up, in one transaction.
 */
@RestController
class EmailChannelController {

  static final String EMAIL_NAMESPACE = "email";
  private static final Pattern SUBJECT_REFERENCE =
      Pattern.compile(
          "\\[INQ-([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\]");

  private final InquiryIntake intake;
  private final InquiryIndex index;
  private final FollowUps followUps;
  private final EmailLimits limits;

  EmailChannelController(
      InquiryIntake intake, InquiryIndex index, FollowUps followUps, EmailLimits limits) {
    this.intake = intake;
    this.index = index;
    this.followUps = followUps;
    this.limits = limits;
  }

  @Operation(summary = "Deliver a raw inbound email (RFC 822 / MIME)")
  @PostMapping(
      path = "/api/v1/channels/email",
      consumes = "message/rfc822",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('channel')")
  Mono<ResponseEntity<InquiryAccepted>> deliver(@RequestBody byte[] raw, Authentication caller) {
    return Mono.fromCallable(() -> handle(raw, caller.getName()))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private ResponseEntity<InquiryAccepted> handle(byte[] raw, String gateway) {
    ParsedEmail email;
    try {
      email = EmailParser.parse(raw, limits);
    } catch (EmailParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (EmailTooLargeException e) {
      throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }
    String key = email.messageId() != null ? email.messageId() : "sha256:" + sha256(raw);
    List<Attachment> attachments =
        email.attachments().stream()
            .map(a -> new Attachment(a.fileName(), a.contentType(), a.sizeBytes(), a.sha256()))
            .toList();
    List<EventPublisher.Outgoing> contents = contentsOf(email.attachments());
    Optional<String> repliedTo = repliedInquiry(email);
    if (repliedTo.isPresent()) {
      FollowUps.Result result =
          followUps.followUp(
              repliedTo.get(),
              Channel.EMAIL,
              key,
              gateway,
              new Contact(email.fromName(), email.fromEmail()),
              email.subject(),
              email.text(),
              attachments,
              contents);
      return answer(
          InquiryAccepted.followUp(repliedTo.get(), result == FollowUps.Result.PUBLISHED));
    }
    Submission submission =
        new Submission(
            Channel.EMAIL,
            gateway,
            key,
            email.messageId(),
            null,
            email.fromName(),
            email.fromEmail(),
            email.subject(),
            email.text(),
            List.of(),
            null,
            attachments);
    InquiryIntake.Outcome outcome = intake.register(submission, EMAIL_NAMESPACE, contents);
    return answer(InquiryAccepted.of(outcome));
  }

  /**
   * The attached files' content, in parts keyed by SHA-256 ({@link AttachmentParts}), to publish on
   * {@code attachment-contents} in the transaction of the inquiry or follow-up that lists them; a
   * file attached twice is published once.
   */
  static List<EventPublisher.Outgoing> contentsOf(List<ParsedEmail.AttachmentInfo> files) {
    Instant now = Instant.now();
    Map<String, ParsedEmail.AttachmentInfo> distinct = new LinkedHashMap<>();
    files.forEach(file -> distinct.putIfAbsent(file.sha256(), file));
    return distinct.values().stream()
        .flatMap(file -> AttachmentParts.split(file.content(), file.contentType(), now).stream())
        .map(
            part ->
                new EventPublisher.Outgoing(
                    Topics.ATTACHMENT_CONTENTS.name(),
                    AttachmentParts.key(part.getSha256(), part.getPart()),
                    part))
        .toList();
  }

  /** The registered inquiry this email answers, if any. */
  private Optional<String> repliedInquiry(ParsedEmail email) {
    for (String threadId : email.threadIds()) {
      String candidate = InquiryRegistration.inquiryIdFor(EMAIL_NAMESPACE, threadId);
      if (index.isRegistered(candidate)) {
        return Optional.of(candidate);
      }
    }
    Matcher m = SUBJECT_REFERENCE.matcher(email.subject());
    while (m.find()) {
      String candidate = m.group(1).toLowerCase(Locale.ROOT);
      if (index.isRegistered(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static ResponseEntity<InquiryAccepted> answer(InquiryAccepted accepted) {
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/inquiries/" + accepted.inquiryId()))
        .body(accepted);
  }

  private static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
