package org.example.inquiry.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.ExchangeRate;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.PriorityComponent;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.context.InquiryContexts;

/** Object mother of the platform's events: the seed case and friends. */
public final class Events {

  public static final Instant RECEIVED_AT = Instant.parse("2026-11-25T09:00:00Z");

  private Events() {}

  /** The seed case: a USD 22,000 order under a letter of credit, delayed. */
  public static InquiryReceived aReceivedInquiry(String inquiryId) {
    return InquiryReceived.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(inquiryId)
        .setOccurredAt(RECEIVED_AT)
        .setChannel(Channel.PORTAL)
        .setSubmittedBy("portal")
        .setCustomerId("C-1001")
        .setLinkage("BY_ID")
        .setContact(new Contact("Dana Ortiz", "dana@acme.example"))
        .setSubject("Delayed shipment under letter of credit LC-77")
        .setBody("Order PO-5521, USD 22,000 under LC-77, is delayed; please adjust the invoice.")
        .setReferences(List.of(new Reference(ReferenceKind.LETTER_OF_CREDIT, "LC-77")))
        .setAmount(new Money(new BigDecimal("22000.0000"), "USD"))
        .setKycStatus(KycStatus.VERIFIED)
        .setSenderIsRegisteredContact(CheckOutcome.PASSED)
        .setReferencesBelongToCustomer(CheckOutcome.UNKNOWN)
        .build();
  }

  /** The production mapping ({@link InquiryContexts#of}), named as the tests call it. */
  public static InquiryContext contextOf(InquiryReceived received) {
    return InquiryContexts.of(received);
  }

  /** The seed case routed to operations (lead) and billing. */
  public static InquiryRouted aRoutedInquiry(String inquiryId, Instant at) {
    return InquiryRouted.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(inquiryId)
        .setOccurredAt(at)
        .setContext(contextOf(aReceivedInquiry(inquiryId)))
        .setTypes(List.of("logistics-billing", "letter-of-credit"))
        .setUrgency(Urgency.HIGH)
        .setTeams(
            List.of(
                new TeamAssignment("operations", true, "omar", "sup.operations", null),
                new TeamAssignment("billing", false, null, "sup.billing", null)))
        .setTriage(false)
        .setReason("types -> teams")
        .setRoutingRuleId("type-to-team")
        .setPriority(71)
        .setPriorityComponents(List.of(new PriorityComponent("urgency", 0.75, 60.0, 45.0, null)))
        .setResponseDueAt(at.plusSeconds(4 * 3600))
        .setResolutionDueAt(at.plusSeconds(20 * 3600))
        .setSlaCalendar("24x7")
        .setPolicyVersion("test")
        .setExchangeRates(
            List.of(
                new ExchangeRate("EUR", new BigDecimal("1.08000000")),
                new ExchangeRate("USD", new BigDecimal("1.00000000"))))
        .build();
  }
}
