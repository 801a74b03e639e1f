package org.example.inquiry.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.junit.jupiter.api.Test;

class InquiryRegistrationTest {

  private static SubmitInquiryRequest request(String customerId) {
    return new SubmitInquiryRequest(
        customerId,
        new SubmitInquiryRequest.ContactDto("Dana", " Dana@Acme.Example "),
        "  Invoice INV-1 ",
        "body",
        "PORTAL",
        List.of(new SubmitInquiryRequest.ReferenceDto("INVOICE", "INV-1")),
        new SubmitInquiryRequest.AmountDto(new BigDecimal("22000.5"), "USD"));
  }

  @Test
  void aSubmissionBecomesTheReceivedFactWithExactMoneyAndNormalisedContact() {
    var event =
        InquiryRegistration.register(request("C-1001"), "portal", "i-1", "e-1", Instant.EPOCH);

    assertThat(event.getInquiryId()).isEqualTo("i-1");
    assertThat(event.getChannel()).isEqualTo(Channel.PORTAL);
    assertThat(event.getContact().getEmail()).isEqualTo("dana@acme.example");
    assertThat(event.getSubject()).isEqualTo("Invoice INV-1");
    assertThat(event.getAmount().getAmount()).isEqualByComparingTo("22000.5").hasScaleOf(4);
    assertThat(event.getLinkage()).isEqualTo("BY_ID");
    assertThat(event.getSubmittedBy()).isEqualTo("portal");
  }

  @Test
  void withoutACustomerIdTheInquiryIsRegisteredUnlinkedNotDropped() {
    var event = InquiryRegistration.register(request(null), "portal", "i-2", "e-2", Instant.EPOCH);

    assertThat(event.getCustomerId()).isNull();
    assertThat(event.getLinkage()).isEqualTo("UNLINKED");
    assertThat(event.getSenderIsRegisteredContact()).isEqualTo(CheckOutcome.NOT_APPLICABLE);
  }
}
