package org.example.inquiry.intake.registration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.example.inquiry.intake.customers.CustomerLinking;
import org.example.inquiry.intake.customers.CustomerProfile;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.KycStatus;

/**
 * Turns a submission into the {@link InquiryReceived} fact: the inquiry id (derived from the
 * idempotency key, so a repeat maps to the same inquiry), customer linkage, and the KYC and
 * legitimacy checkpoints as explicit results. Pure.
 */
public final class InquiryRegistration {

  private InquiryRegistration() {}

  /**
   * The inquiry id for a submission: name-based from the submitter's namespace and key when there
   * is a key, random otherwise.
   */
  public static String inquiryIdFor(String namespace, String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return UUID.randomUUID().toString();
    }
    return UUID.nameUUIDFromBytes(
            ("inquiry:" + namespace + ":" + idempotencyKey.trim()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public static InquiryReceived register(
      Submission submission,
      String inquiryId,
      String eventId,
      Instant now,
      CustomerLinking.Link link,
      CheckOutcome referencesBelongToCustomer) {
    CustomerProfile customer = link.customer().orElse(null);
    return InquiryReceived.newBuilder()
        .setEventId(eventId)
        .setInquiryId(inquiryId)
        .setOccurredAt(now)
        .setChannel(submission.channel())
        .setChannelMessageId(submission.channelMessageId())
        .setIdempotencyKey(submission.idempotencyKey())
        .setSubmittedBy(submission.submittedBy())
        .setCustomerId(customer == null ? null : customer.customerId())
        .setStatedCustomerId(blankToNull(submission.statedCustomerId()))
        .setLinkage(link.linkage())
        .setContact(
            new Contact(
                blankToNull(submission.contactName()),
                submission.contactEmail() == null
                    ? null
                    : submission.contactEmail().trim().toLowerCase(Locale.ROOT)))
        .setSubject(submission.subject() == null ? "" : submission.subject().trim())
        .setBody(submission.body() == null ? "" : submission.body())
        .setReferences(submission.references())
        .setAmount(submission.amount())
        .setAttachments(submission.attachments())
        .setKycStatus(KycStatus.valueOf(link.kycStatus()))
        .setKycExpiresOn(customer == null ? null : customer.kycExpiresOn())
        .setSenderIsRegisteredContact(CheckOutcome.valueOf(link.senderIsRegisteredContact()))
        .setReferencesBelongToCustomer(referencesBelongToCustomer)
        .setSegment(customer == null ? null : customer.segment())
        .setRegion(customer == null ? null : customer.region())
        .setAccountManager(customer == null ? null : customer.accountManager())
        .build();
  }

  /** The calendar day used for KYC expiry checks. */
  public static LocalDate today(Instant now) {
    return now.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
