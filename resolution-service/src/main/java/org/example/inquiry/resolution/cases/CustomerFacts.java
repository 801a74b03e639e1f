package org.example.inquiry.resolution.cases;

import java.time.LocalDate;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.kyc.KycValidity;

/**
 * What the case processor knows of a customer from the customer master (the compacted {@code
 * customers} topic), for linking an inquiry and for the KYC gate on financial actions.
 *
 * @param kycExpiresOn when the verification expires, if known
 * @param creditLimit the customer's credit limit in the master, if it has one
 */
public record CustomerFacts(
    String customerId,
    String legalName,
    String segment,
    String region,
    KycStatus kycStatus,
    LocalDate kycExpiresOn,
    String accountManager,
    Money creditLimit) {

  /** A customer without a credit limit in the master. */
  public CustomerFacts(
      String customerId,
      String legalName,
      String segment,
      String region,
      KycStatus kycStatus,
      LocalDate kycExpiresOn,
      String accountManager) {
    this(customerId, legalName, segment, region, kycStatus, kycExpiresOn, accountManager, null);
  }

  /** KYC as of a day: a VERIFIED status past its expiry counts as EXPIRED. */
  public KycStatus kycStatusOn(LocalDate day) {
    return KycValidity.statusOn(kycStatus, kycExpiresOn, day);
  }
}
