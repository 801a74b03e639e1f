package org.example.inquiry.resolution.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.example.inquiry.resolution.contracts.ContractTermsCsv;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.EffectTotals;
import org.example.inquiry.schemas.OpenReceivable;
import org.example.inquiry.schemas.PaymentHistory;
import org.junit.jupiter.api.Test;

class CustomerFinancesViewTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  static CustomerFinancialProfile profile() {
    return CustomerFinancialProfile.newBuilder()
        .setCustomerId("C-1001")
        .setUpdatedAt(Instant.EPOCH)
        .setBaseCurrency("USD")
        .setOpenReceivables(
            List.of(
                new OpenReceivable(
                    "INV-2026-000123",
                    LocalDate.of(2026, 11, 19),
                    new BigDecimal("22000.0000"),
                    null),
                new OpenReceivable(
                    "INV-2026-000187",
                    LocalDate.of(2026, 12, 3),
                    new BigDecimal("61250.0000"),
                    LocalDate.of(2026, 12, 1))))
        .setPayments(new PaymentHistory(1, 29L, -1L, 1, 0, 0, 0))
        .setEffects(
            new EffectTotals(1, new BigDecimal("18333.3300"), new BigDecimal("0.0000"), null))
        .build();
  }

  @Test
  void theAgentSeesPaymentBehaviourTheMovedLifetimeValueAndTheCasesLetterOfCredit() {
    var terms =
        ContractTermsCsv.read(
                new StringReader(
                    String.join(",", ContractTermsCsv.HEADER)
                        + "\nC-1001,CT-1001-0,NET45,45,,,,2023-01-01,2024-12-31,,,,,,,,,,"
                        + "\nC-1001,CT-1001-2,NET30,30,,,,2026-09-01,2027-03-31,LC-77,Harbourline Trade Bank,,22000.00,USD,2026-12-15,,21,5.00,bill of lading\n"),
                Instant.EPOCH)
            .rows()
            .get(0);

    var view =
        CustomerFinancesView.of(
            "C-1001", TODAY, "USD", new BigDecimal("2400000"), profile(), terms, Set.of("LC-77"));

    assertThat(view.payment().overdueInBase()).isEqualByComparingTo("22000");
    assertThat(view.payment().overdueInvoices()).isEqualTo(1);
    assertThat(view.payment().oldestDaysOverdue()).isEqualTo(6);
    assertThat(view.payment().openPromises()).isEqualTo(1);
    assertThat(view.payment().averageDaysToPay()).isEqualTo(29.0);
    assertThat(view.lifetimeValueInBase()).isEqualByComparingTo("2400000");
    assertThat(view.lifetimeValueAdjustmentInBase()).isEqualByComparingTo("18333.33");
    assertThat(view.adjustedLifetimeValueInBase()).isEqualByComparingTo("2418333.33");
    assertThat(view.contracts())
        .extracting(CustomerFinancesView.ContractView::contractId)
        .as("current contracts first")
        .containsExactly("CT-1001-2", "CT-1001-0");
    var lc = view.contracts().get(0);
    assertThat(lc.current()).isTrue();
    assertThat(lc.referencedByCase()).isTrue();
    assertThat(lc.letterOfCredit().expired()).isFalse();
    assertThat(lc.letterOfCredit().tolerancePercent()).isEqualByComparingTo("5");
    assertThat(view.contracts().get(1).current()).isFalse();
  }

  @Test
  void nothingKnownGivesNoSectionAndPartsAreMissingWhenTheirSourceIs() {
    assertThat(CustomerFinancesView.of("C-9", TODAY, "USD", null, null, null, Set.of())).isNull();
    var masterOnly =
        CustomerFinancesView.of("C-9", TODAY, "USD", new BigDecimal("1000"), null, null, Set.of());
    assertThat(masterOnly.payment()).isNull();
    assertThat(masterOnly.contracts()).isNull();
    assertThat(masterOnly.adjustedLifetimeValueInBase()).isEqualByComparingTo("1000");
  }
}
