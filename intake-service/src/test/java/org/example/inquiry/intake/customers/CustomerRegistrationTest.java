package org.example.inquiry.intake.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.KycStatus;
import org.junit.jupiter.api.Test;

class CustomerRegistrationTest {

  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  static final CustomerRegistration.NewCustomer BOREALIS =
      new CustomerRegistration.NewCustomer(
          "C-2001",
          "Borealis Foods GmbH",
          "MID_MARKET",
          "EMEA",
          List.of(new Contact("Ana Weber", "Ana.Weber@Borealis-Foods.example")),
          List.of("Borealis-Foods.example"),
          "am.kraus",
          new BigDecimal("100000"),
          "EUR",
          "MEDIUM");

  @Test
  void aNewCustomerIsPendingKycAndRemembersWhoRegisteredIt() {
    Customer customer = CustomerRegistration.register(BOREALIS, null, "mia", NOW);

    assertThat(customer.getKycStatus()).isEqualTo(KycStatus.PENDING);
    assertThat(customer.getKycExpiresOn()).isNull();
    assertThat(customer.getRegisteredBy()).isEqualTo("mia");
    assertThat(customer.getContacts().get(0).getEmail())
        .isEqualTo("ana.weber@borealis-foods.example");
    assertThat(customer.getEmailDomains()).containsExactly("borealis-foods.example");
    assertThat(customer.getCreditLimit().getAmount()).isEqualByComparingTo("100000");
  }

  static org.example.inquiry.schemas.Money eur(String amount) {
    return new org.example.inquiry.schemas.Money(new BigDecimal(amount).setScale(4), "EUR");
  }

  @Test
  void aPostedCreditLimitReplacesTheOneItWasApprovedAgainstOnce() {
    Customer customer = CustomerRegistration.register(BOREALIS, null, "mia", NOW);
    Instant later = NOW.plusSeconds(60);

    Customer raised =
        CustomerRegistration.setCreditLimit(customer, eur("150000"), eur("100000"), later);
    Customer again =
        CustomerRegistration.setCreditLimit(
            raised, eur("150000"), eur("100000"), later.plusSeconds(1));

    assertThat(raised.getCreditLimit().getAmount()).isEqualByComparingTo("150000");
    assertThat(raised.getUpdatedAt()).isEqualTo(later);
    assertThat(again).as("posted twice, changed once").isSameAs(raised);
    assertThatThrownBy(
            () -> CustomerRegistration.setCreditLimit(raised, eur("200000"), eur("100000"), later))
        .isInstanceOfSatisfying(
            CustomerRegistration.Refused.class,
            e -> assertThat(e.refusal()).isEqualTo(CustomerRegistration.Refusal.STALE));
    assertThatThrownBy(
            () ->
                CustomerRegistration.setCreditLimit(
                    raised,
                    new org.example.inquiry.schemas.Money(new BigDecimal("1.0000"), "USD"),
                    null,
                    later))
        .hasMessageContaining("kept in EUR");
    assertThatThrownBy(() -> CustomerRegistration.setCreditLimit(null, eur("1"), null, later))
        .isInstanceOfSatisfying(
            CustomerRegistration.Refused.class,
            e -> assertThat(e.refusal()).isEqualTo(CustomerRegistration.Refusal.NOT_FOUND));
  }

  @Test
  void anExistingCustomerIsNotOverwritten() {
    Customer existing = CustomerRegistration.register(BOREALIS, null, "mia", NOW);

    assertThatThrownBy(() -> CustomerRegistration.register(BOREALIS, existing, "tom", NOW))
        .isInstanceOfSatisfying(
            CustomerRegistration.Refused.class,
            e ->
                assertThat(e.refusal()).isEqualTo(CustomerRegistration.Refusal.ALREADY_REGISTERED));
  }

  @Test
  void theRegistrarCannotVerifyButSomeoneElseCanForAYear() {
    Customer pending = CustomerRegistration.register(BOREALIS, null, "mia", NOW);

    assertThatThrownBy(() -> CustomerRegistration.verify(pending, "VERIFIED", null, "mia", NOW))
        .isInstanceOfSatisfying(
            CustomerRegistration.Refused.class,
            e -> assertThat(e.refusal()).isEqualTo(CustomerRegistration.Refusal.SAME_PERSON))
        .hasMessageContaining("segregation of duties");

    Customer verified =
        CustomerRegistration.verify(pending, "VERIFIED", null, "kim", NOW.plusSeconds(60));
    assertThat(verified.getKycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(verified.getKycExpiresOn()).isEqualTo(LocalDate.parse("2027-11-25"));
    assertThat(verified.getKycVerifiedBy()).isEqualTo("kim");
    assertThat(verified.getRegisteredBy()).isEqualTo("mia");
    assertThat(verified.getLegalName()).isEqualTo("Borealis Foods GmbH");
  }

  @Test
  void aFailedCheckHasNoExpiryAndAnExpiryInThePastIsRefused() {
    Customer pending = CustomerRegistration.register(BOREALIS, null, "mia", NOW);

    assertThat(CustomerRegistration.verify(pending, "FAILED", null, "kim", NOW).getKycExpiresOn())
        .isNull();
    assertThatThrownBy(
            () ->
                CustomerRegistration.verify(
                    pending, "VERIFIED", LocalDate.parse("2026-11-25"), "kim", NOW))
        .isInstanceOfSatisfying(
            CustomerRegistration.Refused.class,
            e -> assertThat(e.refusal()).isEqualTo(CustomerRegistration.Refusal.INVALID));
    assertThatThrownBy(() -> CustomerRegistration.verify(null, "VERIFIED", null, "kim", NOW))
        .isInstanceOfSatisfying(
            CustomerRegistration.Refused.class,
            e -> assertThat(e.refusal()).isEqualTo(CustomerRegistration.Refusal.NOT_FOUND));
  }
}
