package org.example.inquiry.schemas.kyc;

import java.time.LocalDate;
import org.example.inquiry.schemas.KycStatus;

/**
 * What a customer master's KYC status means on a given day: a VERIFIED status past its expiry
 * counts as EXPIRED. Intake applies it when it registers an inquiry, resolution when a financial
 * action is proposed.
 */
public final class KycValidity {

  private KycValidity() {}

  /**
   * @param status VERIFIED, PENDING, EXPIRED, FAILED or UNKNOWN, as the customer record has it
   * @param expiresOn when the verification expires, or null when it does not say
   * @param day the day to judge
   */
  public static String statusOn(String status, LocalDate expiresOn, LocalDate day) {
    if ("VERIFIED".equals(status) && expiresOn != null && expiresOn.isBefore(day)) {
      return "EXPIRED";
    }
    return status;
  }

  /** The same rule on the Avro status. */
  public static KycStatus statusOn(KycStatus status, LocalDate expiresOn, LocalDate day) {
    return status == KycStatus.VERIFIED && expiresOn != null && expiresOn.isBefore(day)
        ? KycStatus.EXPIRED
        : status;
  }
}
