package org.example.inquiry.intake.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.example.inquiry.intake.customers.CustomerLinking;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.junit.jupiter.api.Test;

class InquiryRegistrationTest {

  @Test
  void theSameKeyFromTheSameSubmitterAlwaysMapsToTheSameInquiry() {
    assertThat(InquiryRegistration.inquiryIdFor("api:portal", "k-1"))
        .isEqualTo(InquiryRegistration.inquiryIdFor("api:portal", "k-1"))
        .isNotEqualTo(InquiryRegistration.inquiryIdFor("api:crm", "k-1"));
    assertThat(InquiryRegistration.inquiryIdFor("api:portal", null))
        .isNotEqualTo(InquiryRegistration.inquiryIdFor("api:portal", null));
  }

  @Test
  void anUnlinkedSubmissionIsRegisteredWithExplicitCheckResults() {
    Submission submission =
        new Submission(
            Channel.PORTAL,
            "portal",
            "k",
            null,
            "C-9999",
            "X",
            " X@Unknown.Example ",
            " Refund ",
            "body",
            List.of(new Reference(ReferenceKind.INVOICE, "INV-1")),
            new Money(new BigDecimal("1.0000"), "EUR"),
            List.of());
    var link = new CustomerLinking.Link(Optional.empty(), "UNLINKED", "NOT_APPLICABLE", "UNKNOWN");

    var event =
        InquiryRegistration.register(
            submission,
            "i-1",
            "e-1",
            Instant.EPOCH,
            link,
            ReferenceCheck.referencesBelongToCustomer(
                submission.references(), null, invoice -> Optional.of("C-1001")));

    assertThat(event.getCustomerId()).isNull();
    assertThat(event.getStatedCustomerId()).isEqualTo("C-9999");
    assertThat(event.getLinkage()).isEqualTo("UNLINKED");
    assertThat(event.getKycStatus()).isEqualTo(KycStatus.UNKNOWN);
    assertThat(event.getContact().getEmail()).isEqualTo("x@unknown.example");
    assertThat(event.getSubject()).isEqualTo("Refund");
    assertThat(event.getReferencesBelongToCustomer()).isEqualTo(CheckOutcome.UNKNOWN);
    assertThat(event.getIdempotencyKey()).isEqualTo("k");
  }

  @Test
  void quotedInvoicesAreCheckedAgainstTheLedgerOwner() {
    var invoice1 = new Reference(ReferenceKind.INVOICE, "INV-1");
    var invoice2 = new Reference(ReferenceKind.INVOICE, "INV-2");
    var order = new Reference(ReferenceKind.ORDER, "PO-1");
    Map<String, String> ledger = Map.of("INV-1", "C-1", "INV-2", "C-2");
    Function<String, Optional<String>> owner = n -> Optional.ofNullable(ledger.get(n));

    assertThat(ReferenceCheck.referencesBelongToCustomer(List.of(order), "C-1", owner))
        .isEqualTo(CheckOutcome.NOT_APPLICABLE);
    assertThat(ReferenceCheck.referencesBelongToCustomer(List.of(invoice1, order), "C-1", owner))
        .isEqualTo(CheckOutcome.PASSED);
    assertThat(ReferenceCheck.referencesBelongToCustomer(List.of(invoice1, invoice2), "C-1", owner))
        .as("someone else's invoice")
        .isEqualTo(CheckOutcome.FAILED);
    assertThat(
            ReferenceCheck.referencesBelongToCustomer(
                List.of(invoice1, new Reference(ReferenceKind.INVOICE, "INV-404")), "C-1", owner))
        .as("an invoice the ledger does not know")
        .isEqualTo(CheckOutcome.UNKNOWN);
    assertThat(ReferenceCheck.referencesBelongToCustomer(List.of(invoice1), null, owner))
        .as("not linked to a customer")
        .isEqualTo(CheckOutcome.UNKNOWN);
  }
}
