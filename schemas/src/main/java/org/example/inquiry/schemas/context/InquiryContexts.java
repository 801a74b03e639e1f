package org.example.inquiry.schemas.context;

import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryReceived;

/**
 * The intake facts every later event carries about its inquiry ({@link InquiryContext}), as the
 * classifier first copies them from {@link InquiryReceived}: one mapping, for the service and for
 * the tests that build later events.
 */
public final class InquiryContexts {

  private InquiryContexts() {}

  /** The context of a received inquiry, with the references intake found. */
  public static InquiryContext of(InquiryReceived received) {
    return InquiryContext.newBuilder()
        .setReceivedAt(received.getOccurredAt())
        .setChannel(received.getChannel())
        .setCustomerId(received.getCustomerId())
        .setSegment(received.getSegment())
        .setRegion(received.getRegion())
        .setKycStatus(received.getKycStatus())
        .setSenderIsRegisteredContact(received.getSenderIsRegisteredContact())
        .setReferencesBelongToCustomer(received.getReferencesBelongToCustomer())
        .setAmount(received.getAmount())
        .setReferences(received.getReferences())
        .build();
  }
}
