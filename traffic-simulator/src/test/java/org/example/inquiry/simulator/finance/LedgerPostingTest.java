package org.example.inquiry.simulator.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.example.inquiry.schemas.CreditLimitChange;
import org.example.inquiry.schemas.EffectKind;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;
import org.junit.jupiter.api.Test;

class LedgerPostingTest {

  static final LocalDate TODAY = LocalDate.parse("2026-12-01");
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  static Money usd(String amount) {
    return new Money(new BigDecimal(amount).setScale(4), "USD");
  }

  static OpenItem invoice(String open, String due) {
    return OpenItem.newBuilder()
        .setDocumentNumber("INV-1")
        .setDocumentType("INVOICE")
        .setCustomerId("C-1001")
        .setIssueDate(LocalDate.parse("2026-10-20"))
        .setDueDate(LocalDate.parse(due))
        .setAmount(usd("22000"))
        .setOpenAmount(usd(open))
        .setStatus("OPEN")
        .setOrderNumber("PO-1")
        .setLetterOfCreditNumber("LC-77")
        .setUpdatedAt(NOW)
        .build();
  }

  static FinancialEffectApproved effect(EffectKind kind, String gross, String document) {
    return FinancialEffectApproved.newBuilder()
        .setEventId("e")
        .setEffectId("effect-" + kind + "-" + gross)
        .setInquiryId("i-1")
        .setOccurredAt(NOW)
        .setCustomerId("C-1001")
        .setKind(kind)
        .setLegalEntity("2000")
        .setPostings(List.of())
        .setNet(usd(gross))
        .setTax(usd("0"))
        .setGross(usd(gross))
        .setBaseCurrency("USD")
        .setFxRateToBase(BigDecimal.ONE.setScale(8))
        .setGrossInBase(usd(gross))
        .setDocumentReference(document)
        .setPostingDate(TODAY)
        .setValueDate(TODAY)
        .setMaker("ben")
        .setApprovalLevel("SINGLE")
        .setPolicyVersion("p")
        .build();
  }

  static LedgerPosting.Result post(FinancialEffectApproved e, OpenItem document) {
    Map<String, OpenItem> ledger = document == null ? Map.of() : Map.of("INV-1", document);
    return LedgerPosting.post(e, ledger::get, TODAY, NOW);
  }

  @Test
  void aCreditNoteIsADocumentOfItsOwnAndLowersTheInvoicesOpenAmount() {
    var result =
        post(effect(EffectKind.CREDIT_NOTE, "2000", "INV-1"), invoice("22000", "2026-12-31"));

    assertThat(result.posted()).isTrue();
    assertThat(result.documentNumber()).startsWith("RL-");
    assertThat(result.rows()).hasSize(2);
    OpenItem note = result.rows().get(0);
    assertThat(note.getDocumentType()).isEqualTo("CREDIT_NOTE");
    assertThat(note.getAmount().getAmount()).isEqualByComparingTo("-2000");
    assertThat(note.getLetterOfCreditNumber()).isEqualTo("LC-77");
    OpenItem invoice = result.rows().get(1);
    assertThat(invoice.getOpenAmount().getAmount()).isEqualByComparingTo("20000");
    assertThat(invoice.getStatus()).isEqualTo("PARTIALLY_PAID");
    assertThat(
            post(effect(EffectKind.CREDIT_NOTE, "2000", "INV-1"), invoice("22000", "2026-12-31"))
                .documentNumber())
        .as("the same effect, the same document number")
        .isEqualTo(result.documentNumber());
  }

  @Test
  void aRebillReplacesTheAmountAndKeepsWhatWasPaid() {
    var result = post(effect(EffectKind.REBILL, "21000", "INV-1"), invoice("12000", "2026-11-19"));

    OpenItem invoice = result.rows().get(0);
    assertThat(invoice.getAmount().getAmount()).isEqualByComparingTo("21000");
    assertThat(invoice.getOpenAmount().getAmount()).isEqualByComparingTo("11000");
    assertThat(invoice.getStatus()).as("past due").isEqualTo("OVERDUE");
  }

  @Test
  void aWriteOffClosesTheDocumentAndItsReversalOpensItAgain() {
    var written =
        post(effect(EffectKind.WRITE_OFF, "5000", "INV-1"), invoice("5000", "2026-12-31"));
    FinancialEffectApproved reversal = effect(EffectKind.WRITE_OFF, "5000", "INV-1");
    reversal.setReverses("effect-WRITE_OFF-5000");
    reversal.setEffectId("reversal");
    var reopened = post(reversal, written.rows().get(0));

    assertThat(written.rows().get(0).getStatus()).isEqualTo("WRITTEN_OFF");
    assertThat(written.rows().get(0).getOpenAmount().getAmount()).isEqualByComparingTo("0");
    assertThat(reopened.rows().get(0).getOpenAmount().getAmount()).isEqualByComparingTo("5000");
    assertThat(reopened.rows().get(0).getStatus()).isEqualTo("PARTIALLY_PAID");
  }

  @Test
  void aCreditLimitChangeSetsTheNewLimitApprovedAgainstTheOld() {
    FinancialEffectApproved e = effect(EffectKind.CREDIT_LIMIT_CHANGE, "40000", null);
    e.setCreditLimit(new CreditLimitChange(usd("0"), usd("40000")));

    var result = post(e, null);

    assertThat(result.posted()).isTrue();
    assertThat(result.rows()).isEmpty();
    assertThat(result.newLimit().getAmount()).isEqualByComparingTo("40000");
    assertThat(result.oldLimit().getAmount()).isEqualByComparingTo("0");
  }

  @Test
  void aDocumentItCannotPostIsRefusedWithTheReason() {
    FinancialEffectApproved euro = effect(EffectKind.CREDIT_NOTE, "100", "INV-1");
    euro.setGross(new Money(new BigDecimal("100.0000"), "EUR"));

    assertThat(post(euro, invoice("22000", "2026-12-31")).reason()).contains("is in USD");
    assertThat(post(effect(EffectKind.CREDIT_NOTE, "100", "INV-9"), null).reason())
        .contains("not in the ledger");
    OpenItem others =
        OpenItem.newBuilder(invoice("22000", "2026-12-31")).setCustomerId("C-2").build();
    assertThat(post(effect(EffectKind.CREDIT_NOTE, "100", "INV-1"), others).reason())
        .contains("another customer");
  }

  @Test
  void theRowsAreWhatThePlatformsLedgerImportReads() {
    String csv = ReferenceLedger.csv(List.of(invoice("22000", "2026-12-31")));

    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(
            "documentNumber,documentType,customerId,issueDate,dueDate,amount,currency,openAmount,"
                + "status,orderNumber,letterOfCreditNumber,paidOn,promisedPaymentDate");
    assertThat(csv.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo(
            "INV-1,INVOICE,C-1001,2026-10-20,2026-12-31,22000.0000,USD,22000.0000,OPEN,PO-1,LC-77,,");
    OpenItem promised =
        OpenItem.newBuilder(invoice("22000", "2026-12-31"))
            .setPromisedPaymentDate(LocalDate.of(2026, 12, 20))
            .build();
    assertThat(ReferenceLedger.csv(List.of(promised)).lines().skip(1).findFirst().orElseThrow())
        .endsWith(",LC-77,,2026-12-20");
  }

  @Test
  void aCreditThatSettlesTheInvoiceInFullGivesItsSettlementDayAndAWriteOffNone() {
    var settled =
        post(effect(EffectKind.CREDIT_NOTE, "22000", "INV-1"), invoice("22000", "2026-12-31"));
    OpenItem invoice = settled.rows().get(1);
    assertThat(invoice.getStatus()).isEqualTo("PAID");
    assertThat(invoice.getPaidOn()).isEqualTo(TODAY);

    var partly =
        post(effect(EffectKind.CREDIT_NOTE, "2000", "INV-1"), invoice("22000", "2026-12-31"));
    assertThat(partly.rows().get(1).getPaidOn()).isNull();

    var written =
        post(effect(EffectKind.WRITE_OFF, "5000", "INV-1"), invoice("5000", "2026-12-31"));
    assertThat(written.rows().get(0).getPaidOn()).as("written off, not paid").isNull();
  }
}
