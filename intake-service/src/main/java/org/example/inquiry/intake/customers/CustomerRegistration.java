package org.example.inquiry.intake.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.example.inquiry.intake.registration.InquiryRegistration;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.RiskRating;
import org.example.inquiry.schemas.identity.PersonIds;

/**
 * Registering a new customer (for example the sender of an inquiry nobody knew) and verifying its
 * KYC, as two acts of two different people (maker-checker on the customer master). Pure.
 */
public final class CustomerRegistration {

  /** Why a registration or verification was refused. */
  public enum Refusal {
    /** The customer is in the customer master already. */
    ALREADY_REGISTERED,
    /** There is no such customer. */
    NOT_FOUND,
    /** The registrar may not verify (segregation of duties). */
    SAME_PERSON,
    /** The request itself does not hold (an expiry in the past). */
    INVALID,
    /** The master changed since the caller read it (a credit limit other than the one expected). */
    STALE
  }

  /** A refused registration or verification. */
  public static final class Refused extends RuntimeException {
    private final Refusal refusal;

    Refused(Refusal refusal, String reason) {
      super(reason);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** The registration as a master-data agent enters it. */
  public record NewCustomer(
      String customerId,
      String legalName,
      String segment,
      String region,
      List<Contact> contacts,
      List<String> emailDomains,
      String accountManager,
      BigDecimal creditLimit,
      String creditLimitCurrency,
      String riskRating) {}

  private CustomerRegistration() {}

  /** A new customer is always PENDING KYC until someone else verifies it. */
  public static Customer register(NewCustomer n, Customer existing, String actor, Instant now) {
    if (existing != null) {
      throw new Refused(
          Refusal.ALREADY_REGISTERED,
          "customer " + n.customerId() + " is already in the customer master; nothing changed");
    }
    Money creditLimit =
        n.creditLimit() == null
            ? null
            : new Money(
                n.creditLimit().setScale(4, RoundingMode.UNNECESSARY), n.creditLimitCurrency());
    return Customer.newBuilder()
        .setCustomerId(n.customerId())
        .setLegalName(n.legalName())
        .setSegment(n.segment())
        .setRegion(n.region())
        .setContacts(
            n.contacts().stream()
                .map(c -> new Contact(c.getName(), c.getEmail().toLowerCase(Locale.ROOT)))
                .toList())
        .setEmailDomains(
            n.emailDomains() == null
                ? List.of()
                : n.emailDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList())
        .setKycStatus(KycStatus.PENDING)
        .setAccountManager(PersonIds.canonicalOrFolded(n.accountManager()))
        .setCreditLimit(creditLimit)
        .setRiskRating(
            n.riskRating() == null ? RiskRating.UNRATED : RiskRating.valueOf(n.riskRating()))
        .setUpdatedAt(now)
        .setRegisteredBy(actor)
        .build();
  }

  /**
   * Records the outcome of a KYC check: VERIFIED until {@code expiresOn} (a year from today when
   * not given), or FAILED. The person who registered the customer cannot verify it.
   */
  public static Customer verify(
      Customer existing, String outcome, LocalDate expiresOn, String actor, Instant now) {
    if (existing == null) {
      throw new Refused(Refusal.NOT_FOUND, "no such customer in the customer master");
    }
    if (PersonIds.same(actor, existing.getRegisteredBy())) {
      throw new Refused(
          Refusal.SAME_PERSON,
          actor
              + " registered customer "
              + existing.getCustomerId()
              + " and cannot also verify it (segregation of duties)");
    }
    KycStatus status = KycStatus.valueOf(outcome);
    LocalDate today = InquiryRegistration.today(now);
    if (status == KycStatus.VERIFIED && expiresOn != null && !expiresOn.isAfter(today)) {
      throw new Refused(Refusal.INVALID, "expiresOn must be after today (" + today + ")");
    }
    return Customer.newBuilder(existing)
        .setKycStatus(status)
        .setKycExpiresOn(
            status == KycStatus.VERIFIED
                ? (expiresOn != null ? expiresOn : today.plusYears(1))
                : null)
        .setKycVerifiedBy(actor)
        .setUpdatedAt(now)
        .build();
  }

  /**
   * Sets a customer's credit limit as a finance system posted it (an approved credit-limit change):
   * {@code newLimit} replaces the limit, in the currency the master keeps it in. With {@code
   * expectedOld}, the master must still have that limit (or already the new one: a repeated posting
   * changes nothing), so a change approved against an older limit is not applied blindly.
   */
  public static Customer setCreditLimit(
      Customer existing, Money newLimit, Money expectedOld, Instant now) {
    if (existing == null) {
      throw new Refused(Refusal.NOT_FOUND, "no such customer in the customer master");
    }
    Money current = existing.getCreditLimit();
    if (current != null && !current.getCurrency().equals(newLimit.getCurrency())) {
      throw new Refused(
          Refusal.INVALID,
          "customer "
              + existing.getCustomerId()
              + "'s credit limit is kept in "
              + current.getCurrency()
              + ", not "
              + newLimit.getCurrency());
    }
    if (same(current, newLimit)) {
      return existing; // already posted
    }
    if (expectedOld != null && !same(current, expectedOld)) {
      throw new Refused(
          Refusal.STALE,
          "customer "
              + existing.getCustomerId()
              + "'s credit limit is "
              + (current == null ? "not set" : current.getAmount().toPlainString())
              + ", not the "
              + expectedOld.getAmount().toPlainString()
              + " the change was approved against");
    }
    return Customer.newBuilder(existing).setCreditLimit(newLimit).setUpdatedAt(now).build();
  }

  /** Equal amounts in the same currency; no limit counts as zero. */
  private static boolean same(Money a, Money b) {
    BigDecimal left = a == null ? BigDecimal.ZERO : a.getAmount();
    BigDecimal right = b == null ? BigDecimal.ZERO : b.getAmount();
    return left.compareTo(right) == 0
        && (a == null || b == null || a.getCurrency().equals(b.getCurrency()));
  }
}
