package org.example.inquiry.intake.customers;

import java.util.Optional;

/** Finds customers in the customer master view. */
public interface CustomerLookup {

  Optional<CustomerProfile> byId(String customerId);

  /** The customer whose registered contact has this address (lower-case). */
  Optional<CustomerProfile> byContactEmail(String email);

  /** The customer that owns this email domain (lower-case). */
  Optional<CustomerProfile> byEmailDomain(String domain);
}
