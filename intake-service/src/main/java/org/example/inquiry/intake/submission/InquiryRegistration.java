package org.example.inquiry.intake.submission;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;

/**
 * Turns a validated submission into the {@link InquiryReceived} fact. Pure: ids and time come in.
 * Until the customer master view lands, a stated customer id is recorded as given and checks that
 * need the master are UNKNOWN, never guessed.
 */
final class InquiryRegistration {

  private InquiryRegistration() {}

  static InquiryReceived register(
      SubmitInquiryRequest request,
      String submittedBy,
      String inquiryId,
      String eventId,
      Instant now) {
    boolean linked = request.customerId() != null && !request.customerId().isBlank();
    return InquiryReceived.newBuilder()
        .setEventId(eventId)
        .setInquiryId(inquiryId)
        .setOccurredAt(now)
        .setChannel(request.channel() == null ? Channel.API : Channel.valueOf(request.channel()))
        .setSubmittedBy(submittedBy)
        .setCustomerId(linked ? request.customerId().trim() : null)
        .setLinkage(linked ? "BY_ID" : "UNLINKED")
        .setContact(
            new Contact(
                request.contact().name(),
                request.contact().email().trim().toLowerCase(Locale.ROOT)))
        .setSubject(request.subject().trim())
        .setBody(request.body())
        .setReferences(references(request.references()))
        .setAmount(
            request.amount() == null
                ? null
                : new Money(
                    request.amount().amount().setScale(4, RoundingMode.UNNECESSARY),
                    request.amount().currency()))
        .setKycStatus(KycStatus.UNKNOWN)
        .setSenderIsRegisteredContact(linked ? CheckOutcome.UNKNOWN : CheckOutcome.NOT_APPLICABLE)
        .setReferencesBelongToCustomer(CheckOutcome.UNKNOWN)
        .build();
  }

  private static List<Reference> references(List<SubmitInquiryRequest.ReferenceDto> refs) {
    if (refs == null) {
      return List.of();
    }
    return refs.stream()
        .map(r -> new Reference(ReferenceKind.valueOf(r.kind()), r.value().trim()))
        .toList();
  }
}
