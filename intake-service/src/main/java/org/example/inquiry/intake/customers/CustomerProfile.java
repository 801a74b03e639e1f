package org.example.inquiry.intake.customers;

import java.time.LocalDate;
import java.util.Set;
import org.example.inquiry.schemas.kyc.KycValidity;

/**
 * What intake needs to know about a customer from the customer master.
 *
 * @param customerId master id
 * @param legalName legal name
 * @param segment ENTERPRISE, MID_MARKET, SMB, PUBLIC_SECTOR
 * @param region EMEA, NA, ...
 * @param contactEmails registered contacts' addresses, lower-case
 * @param emailDomains the customer's email domains, lower-case
 * @param kycStatus VERIFIED, PENDING, EXPIRED, FAILED
 * @param kycExpiresOn when the KYC verification expires, if known
 * @param accountManager the account manager's user id
 */
public record CustomerProfile(
    String customerId,
    String legalName,
    String segment,
    String region,
    Set<String> contactEmails,
    Set<String> emailDomains,
    String kycStatus,
    LocalDate kycExpiresOn,
    String accountManager) {

  /** KYC as of a day: a VERIFIED status past its expiry counts as EXPIRED. */
  public String kycStatusOn(LocalDate day) {
    return KycValidity.statusOn(kycStatus, kycExpiresOn, day);
  }
}
