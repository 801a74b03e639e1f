package org.example.inquiry.router.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.example.inquiry.router.config.RoutingConfiguration;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.EffectKind;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.PostingDirection;
import org.example.inquiry.schemas.PostingLine;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.ledger.PaymentStanding;
import org.example.inquiry.schemas.registry.InMemorySchemaRegistryClient;
import org.example.inquiry.schemas.serde.AvroSerdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The profile topology under TopologyTestDriver: ledger and effects in, profiles out. */
class CustomerFinancesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  final Serde<SpecificRecord> avro = AvroSerdes.specific(new InMemorySchemaRegistryClient(), false);
  TopologyTestDriver driver;
  TestInputTopic<String, SpecificRecord> ledger;
  TestInputTopic<String, SpecificRecord> effects;
  TestOutputTopic<String, SpecificRecord> profiles;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    CustomerFinances.build(
        builder,
        avro,
        new RoutingConfiguration.Fx(
            "USD", Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("1.08"))),
        Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    Properties config = new Properties();
    config.put("application.id", "profiles-" + UUID.randomUUID());
    config.put("bootstrap.servers", "unused:9092");
    config.put(
        "state.dir", System.getProperty("java.io.tmpdir") + "/profiles-" + UUID.randomUUID());
    driver = new TopologyTestDriver(builder.build(), config);
    ledger =
        driver.createInputTopic(
            Topics.OPEN_ITEMS.name(), Serdes.String().serializer(), avro.serializer());
    effects =
        driver.createInputTopic(
            Topics.FINANCIAL_EFFECTS_APPROVED.name(),
            Serdes.String().serializer(),
            avro.serializer());
    profiles =
        driver.createOutputTopic(
            Topics.CUSTOMER_FINANCIAL_PROFILES.name(),
            Serdes.String().deserializer(),
            avro.deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void theLedgerGivesOverdueAmountsBrokenPromisesAndDaysToPay() {
    pipe(invoice("INV-1", "C-1", "21000.00", "EUR", "2026-10-11", null, "2026-11-15"));
    pipe(invoice("INV-2", "C-1", "15500.00", "EUR", "2026-10-26", null, "2026-12-04"));
    pipe(invoice("INV-3", "C-1", "0.00", "EUR", "2026-09-11", "2026-09-10", null));
    pipe(invoice("INV-4", "C-1", "0.00", "EUR", "2026-09-30", "2026-10-20", "2026-10-15"));
    pipe(invoice("INV-9", "C-2", "500.00", "USD", "2026-12-20", null, null));

    PaymentStanding c1 = PaymentStanding.of(latest("C-1"), TODAY);

    assertThat(c1.overdueInBase()).isEqualByComparingTo("39420.00"); // 36,500 EUR at 1.08
    assertThat(c1.overdueInvoices()).isEqualTo(2);
    assertThat(c1.oldestDaysOverdue()).isEqualTo(45);
    assertThat(c1.openPromises()).isEqualTo(1);
    assertThat(c1.brokenPromises())
        .as("INV-1 still open after its promise, INV-4 paid after its promise")
        .isEqualTo(2);
    assertThat(c1.settledInvoices()).isEqualTo(2);
    assertThat(c1.settledLate()).isEqualTo(1);
    assertThat(c1.averageDaysPastDue()).isEqualTo(9.5); // (-1 + 20) / 2
    PaymentStanding c2 = PaymentStanding.of(latest("C-2"), TODAY);
    assertThat(c2.overdueInvoices()).isZero();
    assertThat(c2.openInBase()).isEqualByComparingTo("500");
    assertThat(PaymentStanding.of(latest("C-2"), LocalDate.of(2026, 12, 21)).overdueInvoices())
        .as("overdue from the day after its due date, without a new event")
        .isEqualTo(1);
  }

  @Test
  void aDocumentThatChangesMovesTheTotalsExactly() {
    pipe(invoice("INV-1", "C-1", "1000.00", "USD", "2026-10-11", null, "2026-11-01"));
    assertThat(PaymentStanding.of(latest("C-1"), TODAY).brokenPromises()).isEqualTo(1);

    // paid on time later: no longer open, settled late after the promise
    pipe(invoice("INV-1", "C-1", "0.00", "USD", "2026-10-11", "2026-11-20", "2026-11-01"));
    PaymentStanding paid = PaymentStanding.of(latest("C-1"), TODAY);
    assertThat(paid.openInvoices()).isZero();
    assertThat(paid.overdueInBase()).isEqualByComparingTo("0");
    assertThat(paid.settledInvoices()).isEqualTo(1);
    assertThat(paid.brokenPromises()).isEqualTo(1);

    // re-opened by a rebill: the settlement is taken back out
    pipe(invoice("INV-1", "C-1", "800.00", "USD", "2026-12-11", null, null));
    PaymentStanding reopened = PaymentStanding.of(latest("C-1"), TODAY);
    assertThat(reopened.settledInvoices()).isZero();
    assertThat(reopened.brokenPromises()).isZero();
    assertThat(reopened.openInBase()).isEqualByComparingTo("800");

    // deleted from the ledger (tombstone): nothing left, the profile stays
    ledger.pipeInput("INV-1", null);
    PaymentStanding gone = PaymentStanding.of(latest("C-1"), TODAY);
    assertThat(gone.openInvoices()).isZero();
    assertThat(gone.settledInvoices()).isZero();
  }

  @Test
  void documentsWithoutARateOrNotInvoicesDoNotCount() {
    pipe(invoice("INV-1", "C-1", "1000.00", "JPY", "2026-10-11", null, null));
    pipe(
        OpenItem.newBuilder(invoice("PAY-1", "C-1", "-500.00", "USD", "2026-10-11", null, null))
            .setDocumentType("PAYMENT")
            .build());
    PaymentStanding standing = PaymentStanding.of(latest("C-1"), TODAY);
    assertThat(standing.openInvoices()).isZero();
    assertThat(standing.overdueInBase()).isEqualByComparingTo("0");
  }

  @Test
  void approvedEffectsMoveTheCustomersValueAndReversalsTakeItBack() {
    effects.pipeInput("C-1", creditNote("E-1", null, "1000.00", "200.00", "1.08"));
    PaymentStanding once = PaymentStanding.of(latest("C-1"), TODAY);
    assertThat(once.effects()).isEqualTo(1);
    assertThat(once.valueAdjustmentInBase()).isEqualByComparingTo("-1080.00");

    effects.pipeInput("C-1", writeOff("E-2", "300.00"));
    assertThat(PaymentStanding.of(latest("C-1"), TODAY).valueAdjustmentInBase())
        .isEqualByComparingTo("-1380.00");

    effects.pipeInput("C-1", reversal(creditNote("E-3", "E-1", "1000.00", "200.00", "1.08")));
    PaymentStanding reversed = PaymentStanding.of(latest("C-1"), TODAY);
    assertThat(reversed.effects()).isEqualTo(3);
    assertThat(reversed.valueAdjustmentInBase()).isEqualByComparingTo("-300.00");
  }

  @Test
  void ledgerAndEffectsMeetInOneProfilePerCustomer() {
    pipe(invoice("INV-1", "C-1", "1000.00", "USD", "2026-10-11", null, null));
    effects.pipeInput("C-1", writeOff("E-2", "300.00"));
    CustomerFinancialProfile profile = latest("C-1");
    assertThat(profile.getOpenReceivables()).hasSize(1);
    assertThat(profile.getEffects().getEffects()).isEqualTo(1);
    assertThat(profile.getBaseCurrency()).isEqualTo("USD");
  }

  private void pipe(OpenItem item) {
    ledger.pipeInput(item.getDocumentNumber(), item);
  }

  private CustomerFinancialProfile latest(String customerId) {
    CustomerFinancialProfile last = null;
    for (var kv : profiles.readKeyValuesToList()) {
      if (kv.key.equals(customerId)) {
        last = (CustomerFinancialProfile) kv.value;
      }
    }
    if (last == null) {
      var store = driver.<String, Object>getKeyValueStore(CustomerFinances.STORE);
      Object value = store.get(customerId);
      if (value instanceof org.apache.kafka.streams.state.ValueAndTimestamp<?> vt) {
        value = vt.value();
      }
      return (CustomerFinancialProfile) value;
    }
    return last;
  }

  static OpenItem invoice(
      String number,
      String customer,
      String open,
      String currency,
      String due,
      String paidOn,
      String promised) {
    BigDecimal openAmount = new BigDecimal(open).setScale(4);
    return OpenItem.newBuilder()
        .setDocumentNumber(number)
        .setDocumentType("INVOICE")
        .setCustomerId(customer)
        .setIssueDate(LocalDate.parse(due).minusDays(30))
        .setDueDate(LocalDate.parse(due))
        .setAmount(new Money(new BigDecimal("50000.0000"), currency))
        .setOpenAmount(new Money(openAmount, currency))
        .setStatus(openAmount.signum() == 0 ? "PAID" : "OPEN")
        .setPaidOn(paidOn == null ? null : LocalDate.parse(paidOn))
        .setPromisedPaymentDate(promised == null ? null : LocalDate.parse(promised))
        .setUpdatedAt(Instant.parse("2026-11-25T09:00:00Z"))
        .build();
  }

  static FinancialEffectApproved creditNote(
      String id, String reverses, String net, String tax, String rate) {
    BigDecimal n = new BigDecimal(net).setScale(4);
    BigDecimal t = new BigDecimal(tax).setScale(4);
    return effect(
        id,
        EffectKind.CREDIT_NOTE,
        reverses,
        n.add(t),
        new BigDecimal(rate).setScale(8),
        List.of(
            line("400000", PostingDirection.DEBIT, n, "REVENUE"),
            line("220000", PostingDirection.DEBIT, t, "TAX"),
            line("120000", PostingDirection.CREDIT, n.add(t), "RECEIVABLE")));
  }

  static FinancialEffectApproved writeOff(String id, String gross) {
    BigDecimal g = new BigDecimal(gross).setScale(4);
    return effect(
        id,
        EffectKind.WRITE_OFF,
        null,
        g,
        BigDecimal.ONE.setScale(8),
        List.of(
            line("680000", PostingDirection.DEBIT, g, "EXPENSE"),
            line("120000", PostingDirection.CREDIT, g, "RECEIVABLE")));
  }

  static FinancialEffectApproved reversal(FinancialEffectApproved original) {
    return FinancialEffectApproved.newBuilder(original)
        .setPostings(
            original.getPostings().stream()
                .map(
                    l ->
                        PostingLine.newBuilder(l)
                            .setDirection(
                                l.getDirection() == PostingDirection.DEBIT
                                    ? PostingDirection.CREDIT
                                    : PostingDirection.DEBIT)
                            .build())
                .toList())
        .build();
  }

  static PostingLine line(
      String account, PostingDirection direction, BigDecimal amount, String role) {
    return new PostingLine(account, direction, new Money(amount, "EUR"), role);
  }

  static FinancialEffectApproved effect(
      String id,
      EffectKind kind,
      String reverses,
      BigDecimal gross,
      BigDecimal rate,
      List<PostingLine> lines) {
    Money zero = new Money(BigDecimal.ZERO.setScale(4), "EUR");
    return FinancialEffectApproved.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setEffectId(id)
        .setInquiryId("I-1")
        .setOccurredAt(Instant.parse("2026-11-25T09:30:00Z"))
        .setCustomerId("C-1")
        .setKind(kind)
        .setLegalEntity("1000")
        .setPostings(lines)
        .setReceivableDirection(PostingDirection.CREDIT)
        .setNet(new Money(gross, "EUR"))
        .setTax(zero)
        .setGross(new Money(gross, "EUR"))
        .setBaseCurrency("USD")
        .setFxRateToBase(rate)
        .setGrossInBase(
            new Money(gross.multiply(rate).setScale(4, java.math.RoundingMode.HALF_EVEN), "USD"))
        .setPostingDate(LocalDate.of(2026, 11, 25))
        .setValueDate(LocalDate.of(2026, 11, 25))
        .setReverses(reverses)
        .setMaker("agent")
        .setApprovers(List.of("ivy"))
        .setApprovalLevel("SINGLE")
        .setPolicyVersion("test")
        .build();
  }
}
