package org.example.inquiry.intake.customers;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Links an inquiry to the customer master and records the legitimacy of the sender. Pure. An
 * inquiry that matches nothing is still registered, UNLINKED, so it can be verified and routed.
 */
public final class CustomerLinking {

  /** How the inquiry was linked, and what the checks found. */
  public record Link(
      Optional<CustomerProfile> customer,
      String linkage,
      String senderIsRegisteredContact,
      String kycStatus) {}

  private CustomerLinking() {}

  public static Link link(
      String statedCustomerId, String senderEmail, CustomerLookup lookup, LocalDate today) {
    String email = senderEmail == null ? null : senderEmail.trim().toLowerCase(Locale.ROOT);
    String domain =
        email == null || !email.contains("@") ? null : email.substring(email.lastIndexOf('@') + 1);
    if (statedCustomerId != null && !statedCustomerId.isBlank()) {
      Optional<CustomerProfile> stated = lookup.byId(statedCustomerId.trim());
      if (stated.isPresent()) {
        return linked(stated.get(), "BY_ID", email, domain, today);
      }
    }
    if (email != null) {
      Optional<CustomerProfile> byContact = lookup.byContactEmail(email);
      if (byContact.isPresent()) {
        return linked(byContact.get(), "BY_CONTACT_EMAIL", email, domain, today);
      }
    }
    if (domain != null) {
      Optional<CustomerProfile> byDomain = lookup.byEmailDomain(domain);
      if (byDomain.isPresent()) {
        return linked(byDomain.get(), "BY_EMAIL_DOMAIN", email, domain, today);
      }
    }
    return new Link(Optional.empty(), "UNLINKED", "NOT_APPLICABLE", "UNKNOWN");
  }

  private static Link linked(
      CustomerProfile customer, String linkage, String email, String domain, LocalDate today) {
    String sender;
    if (email == null) {
      sender = "UNKNOWN";
    } else if (customer.contactEmails().contains(email)) {
      sender = "PASSED";
    } else {
      // A colleague at the customer's domain is plausible but not a registered contact.
      sender = "FAILED";
    }
    return new Link(Optional.of(customer), linkage, sender, customer.kycStatusOn(today));
  }
}
