package org.example.inquiry.classifier.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.junit.jupiter.api.Test;

class InvoicesFoundTest {

  @Test
  void invoicesFoundInTheTextJoinTheStatedReferencesOnce() {
    List<Reference> stated =
        List.of(
            new Reference(ReferenceKind.ORDER, "PO-5521"),
            new Reference(ReferenceKind.INVOICE, "INV-2026-000123"));
    List<ExtractedReference> found =
        ReferenceExtractor.extract(
            "Please resend inv-2026-000123 and INV-2026-000098, USD 4,800.00 due 2026-10-15.");

    assertThat(InquiryReceivedListener.withInvoicesFound(stated, found))
        .extracting(r -> r.getKind() + ":" + r.getValue())
        .containsExactly("ORDER:PO-5521", "INVOICE:INV-2026-000123", "INVOICE:INV-2026-000098");
  }

  @Test
  void withoutInvoicesInTheTextTheStatedReferencesStayAsTheyAre() {
    List<Reference> stated = List.of(new Reference(ReferenceKind.LETTER_OF_CREDIT, "LC-77"));

    assertThat(
            InquiryReceivedListener.withInvoicesFound(
                stated, ReferenceExtractor.extract("Our shipment is late.")))
        .isEqualTo(stated);
  }
}
