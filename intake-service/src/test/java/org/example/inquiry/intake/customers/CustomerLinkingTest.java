package org.example.inquiry.intake.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerLinkingTest {

  static final LocalDate TODAY = LocalDate.parse("2026-11-25");
  static final CustomerProfile ACME =
      new CustomerProfile(
          "C-1001",
          "Acme",
          "ENTERPRISE",
          "NA",
          Set.of("dana.ortiz@acme.example"),
          Set.of("acme.example"),
          "VERIFIED",
          LocalDate.parse("2027-06-30"),
          "am.jsmith");
  static final CustomerProfile BOREALIS =
      new CustomerProfile(
          "C-1002",
          "Borealis",
          "MID_MARKET",
          "EMEA",
          Set.of("ap@borealis-foods.example"),
          Set.of("borealis-foods.example"),
          "VERIFIED",
          LocalDate.parse("2026-03-31"),
          "am.kto");

  final CustomerLookup lookup =
      new CustomerLookup() {
        final List<CustomerProfile> all = List.of(ACME, BOREALIS);

        @Override
        public Optional<CustomerProfile> byId(String id) {
          return all.stream().filter(c -> c.customerId().equals(id)).findFirst();
        }

        @Override
        public Optional<CustomerProfile> byContactEmail(String email) {
          return all.stream().filter(c -> c.contactEmails().contains(email)).findFirst();
        }

        @Override
        public Optional<CustomerProfile> byEmailDomain(String domain) {
          return all.stream().filter(c -> c.emailDomains().contains(domain)).findFirst();
        }
      };

  @Test
  void aStatedIdFromARegisteredContactLinksByIdAndPassesTheSenderCheck() {
    var link = CustomerLinking.link("C-1001", "Dana.Ortiz@acme.example", lookup, TODAY);

    assertThat(link.customer()).contains(ACME);
    assertThat(link.linkage()).isEqualTo("BY_ID");
    assertThat(link.senderIsRegisteredContact()).isEqualTo("PASSED");
    assertThat(link.kycStatus()).isEqualTo("VERIFIED");
  }

  @Test
  void aStatedIdFromAStrangerLinksButFailsTheSenderCheck() {
    var link = CustomerLinking.link("C-1001", "someone@elsewhere.example", lookup, TODAY);

    assertThat(link.linkage()).isEqualTo("BY_ID");
    assertThat(link.senderIsRegisteredContact()).isEqualTo("FAILED");
  }

  @Test
  void withoutAnIdTheContactAddressThenTheDomainLinks() {
    assertThat(CustomerLinking.link(null, "dana.ortiz@acme.example", lookup, TODAY).linkage())
        .isEqualTo("BY_CONTACT_EMAIL");
    var byDomain = CustomerLinking.link(null, "new.person@acme.example", lookup, TODAY);
    assertThat(byDomain.linkage()).isEqualTo("BY_EMAIL_DOMAIN");
    assertThat(byDomain.senderIsRegisteredContact()).isEqualTo("FAILED");
  }

  @Test
  void anUnknownSenderOrUnknownIdIsUnlinkedNotDropped() {
    var link = CustomerLinking.link("C-9999", "x@unknown.example", lookup, TODAY);

    assertThat(link.customer()).isEmpty();
    assertThat(link.linkage()).isEqualTo("UNLINKED");
    assertThat(link.kycStatus()).isEqualTo("UNKNOWN");
  }

  @Test
  void aVerifiedKycPastItsExpiryCountsAsExpired() {
    assertThat(
            CustomerLinking.link("C-1002", "ap@borealis-foods.example", lookup, TODAY).kycStatus())
        .isEqualTo("EXPIRED");
  }
}
