package org.example.inquiry.resolution.cases;

import java.time.Instant;
import java.util.List;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.KycStatus;

/**
 * Facts from intake every downstream event repeats (the Avro {@code InquiryContext}), with its
 * value types.
 *
 * @param amount what the inquiry is about, when the customer stated it
 */
public record CaseContext(
    Instant receivedAt,
    Channel channel,
    String customerId,
    String segment,
    String region,
    KycStatus kycStatus,
    CheckOutcome senderIsRegisteredContact,
    Money amount,
    List<Reference> references,
    CheckOutcome referencesBelongToCustomer) {

  public CaseContext {
    references = references == null ? List.of() : List.copyOf(references);
    referencesBelongToCustomer =
        referencesBelongToCustomer == null ? CheckOutcome.UNKNOWN : referencesBelongToCustomer;
  }

  /** The context once the inquiry is linked to this customer of the customer master. */
  CaseContext linkedTo(CustomerFacts customer, KycStatus kyc) {
    return new CaseContext(
        receivedAt,
        channel,
        customer.customerId(),
        customer.segment(),
        customer.region(),
        kyc,
        senderIsRegisteredContact,
        amount,
        references,
        referencesBelongToCustomer);
  }
}
