package org.example.inquiry.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;

/** Object mother for the events these tests send. */
final class Inquiries {

  private Inquiries() {}

  static InquiryReceived aReceivedInquiry(String inquiryId, BigDecimal amount) {
    return InquiryReceived.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(inquiryId)
        .setOccurredAt(Instant.parse("2026-11-25T08:00:00.250Z"))
        .setChannel(Channel.EMAIL)
        .setChannelMessageId("<" + inquiryId + "@mail.acme.example>")
        .setSubmittedBy("email-gateway")
        .setCustomerId("C-1001")
        .setLinkage("BY_CONTACT_EMAIL")
        .setContact(
            Contact.newBuilder().setName("Dana Ortiz").setEmail("dana@acme.example").build())
        .setSubject("Delayed shipment under LC-77 and invoice INV-2026-000123")
        .setBody(
            "Our order PO-5521 (USD 22,000 under letter of credit LC-77) ships late; please adjust the invoice.")
        .setReferences(List.of(new Reference(ReferenceKind.INVOICE, "INV-2026-000123")))
        .setAmount(new Money(amount.setScale(4), "USD"))
        .setKycStatus(KycStatus.VERIFIED)
        .setSenderIsRegisteredContact(CheckOutcome.PASSED)
        .setReferencesBelongToCustomer(CheckOutcome.PASSED)
        .build();
  }
}
