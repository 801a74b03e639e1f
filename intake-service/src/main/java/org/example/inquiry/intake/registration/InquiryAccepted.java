package org.example.inquiry.intake.registration;

/**
 * What intake answers a channel (202): the inquiry's id and what became of the message: RECEIVED (a
 * new inquiry), FOLLOW_UP (on a registered one), or DUPLICATE (its key was seen before).
 */
public record InquiryAccepted(String inquiryId, String status) {

  public static InquiryAccepted of(InquiryIntake.Outcome outcome) {
    return new InquiryAccepted(
        outcome.inquiryId(), outcome instanceof InquiryIntake.Duplicate ? "DUPLICATE" : "RECEIVED");
  }

  public static InquiryAccepted followUp(String inquiryId, boolean published) {
    return new InquiryAccepted(inquiryId, published ? "FOLLOW_UP" : "DUPLICATE");
  }
}
