package org.example.inquiry.resolution.cases.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.resolution.cases.Activity;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.junit.jupiter.api.Test;

/**
 * The ledger watch reads the cases that watch a document the ledger feed changed, and those whose
 * watch was just set; every watching case only after the task starts, or when more documents
 * changed than {@link LedgerChanges} holds.
 */
class LedgerWatchTopologyTest {

  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  static final Duration CHECK = Duration.ofSeconds(10);

  static CaseTopologyDriver driver(int ledgerChanges) {
    return new CaseTopologyDriver(
        Clock.fixed(T0.plus(Duration.ofMinutes(5)), ZoneOffset.UTC),
        CHECK,
        CaseTopology.Indexing.of("v1"),
        new LedgerChanges(ledgerChanges));
  }

  static OpenItem invoice(String number, String open, Instant updatedAt) {
    return OpenItem.newBuilder()
        .setDocumentNumber(number)
        .setDocumentType("INVOICE")
        .setCustomerId("C-1001")
        .setIssueDate(LocalDate.parse("2026-10-01"))
        .setDueDate(LocalDate.parse("2026-10-31"))
        .setAmount(new Money(new BigDecimal("1500.0000"), "USD"))
        .setOpenAmount(new Money(new BigDecimal(open), "USD"))
        .setStatus(new BigDecimal(open).signum() > 0 ? "OVERDUE" : "PAID")
        .setUpdatedAt(updatedAt)
        .build();
  }

  static OpenItem open(String number) {
    return invoice(number, "1500.0000", T0.minus(Duration.ofDays(3)));
  }

  static OpenItem cleared(String number) {
    return invoice(number, "0.0000", T0.plusSeconds(120));
  }

  static InquiryRouted dispute(String id, String... invoices) {
    InquiryRouted routed = Events.aRoutedInquiry(id, T0);
    routed.setTypes(List.of("dispute"));
    List<Reference> references = new ArrayList<>();
    for (String number : invoices) {
      references.add(new Reference(ReferenceKind.INVOICE, number));
    }
    routed.getContext().setReferences(references);
    return routed;
  }

  static boolean flagged(CaseTopologyDriver topology, String id) {
    return topology.cases().get(id).timeline().stream()
        .anyMatch(e -> e.event() == Activity.LEDGER_CLEARED);
  }

  static List<String> indexKeys(CaseTopologyDriver topology, String prefix) {
    KeyValueStore<String, String> due = topology.driver.getKeyValueStore(CaseTopology.DUE_STORE);
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> it = due.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.key.startsWith(prefix)) {
              keys.add(kv.key);
            }
          });
    }
    return keys;
  }

  @Test
  void noDocumentsIndexEntryStartsWithAnotherDocumentsPrefix() {
    assertThat(CaseTopology.invoiceKey("INV-21", "t-1"))
        .doesNotStartWith(CaseTopology.invoicePrefix("INV-2"));
    assertThat(CaseTopology.invoiceKey("A:B", "x"))
        .isNotEqualTo(CaseTopology.invoiceKey("A", "B:x"))
        .startsWith(CaseTopology.invoicePrefix("A:B"));
  }

  @Test
  void aCheckReadsTheCasesOfTheChangedDocumentsAndEveryCaseOnlyWhenChangesWereLost() {
    try (CaseTopologyDriver topology = driver(2)) {
      topology.pipe(Topics.OPEN_ITEMS, "INV-9", open("INV-9"));
      topology.pipe(Topics.INQUIRIES_ROUTED, "t-9", dispute("t-9", "INV-9"));
      topology.driver.advanceWallClockTime(CHECK); // the first check reads every watching case
      topology.driver.advanceWallClockTime(CHECK);
      assertThat(flagged(topology, "t-9")).isFalse();

      // The ledger store changes behind the feed's back: no check has a reason to read t-9 again.
      KeyValueStore<String, SpecificRecord> ledger =
          topology.driver.getKeyValueStore(CaseTopology.LEDGER_STORE);
      ledger.put("INV-9", cleared("INV-9"));
      topology.driver.advanceWallClockTime(CHECK);
      topology.pipe(Topics.OPEN_ITEMS, "INV-1", open("INV-1"));
      topology.driver.advanceWallClockTime(CHECK);
      assertThat(flagged(topology, "t-9"))
          .as("a check after a change of another document reads only that document's cases")
          .isFalse();

      // Three changes where two are held: the next check reads every watching case again.
      topology.pipe(Topics.OPEN_ITEMS, "INV-2", open("INV-2"));
      topology.pipe(Topics.OPEN_ITEMS, "INV-3", open("INV-3"));
      topology.pipe(Topics.OPEN_ITEMS, "INV-4", open("INV-4"));
      topology.driver.advanceWallClockTime(CHECK);
      assertThat(flagged(topology, "t-9")).isTrue();
    }
  }

  @Test
  void aDocumentClearedBeforeTheCaseWatchesItFiresAtTheNextCheck() {
    try (CaseTopologyDriver topology = driver(LedgerChanges.DEFAULT_CAPACITY)) {
      topology.driver.advanceWallClockTime(CHECK);
      topology.driver.advanceWallClockTime(CHECK);
      topology.pipe(Topics.OPEN_ITEMS, "INV-7", cleared("INV-7"));
      topology.driver.advanceWallClockTime(CHECK);

      topology.pipe(Topics.INQUIRIES_ROUTED, "t-7", dispute("t-7", "INV-7"));
      topology.driver.advanceWallClockTime(CHECK);

      assertThat(flagged(topology, "t-7")).isTrue();
    }
  }

  @Test
  void aCaseWatchingTwoInvoicesFiresWhenBothAreClearedAndLeavesNoIndexEntryBehind() {
    try (CaseTopologyDriver topology = driver(LedgerChanges.DEFAULT_CAPACITY)) {
      topology.pipe(Topics.OPEN_ITEMS, "INV-21", open("INV-21"));
      topology.pipe(Topics.OPEN_ITEMS, "INV-22", open("INV-22"));
      topology.pipe(Topics.INQUIRIES_ROUTED, "t-2", dispute("t-2", "INV-21", "INV-22"));
      topology.pipe(Topics.INQUIRIES_ROUTED, "t-other", dispute("t-other", "INV-22"));
      topology.driver.advanceWallClockTime(CHECK);
      topology.driver.advanceWallClockTime(CHECK);
      assertThat(indexKeys(topology, CaseTopology.INVOICE_PREFIX))
          .containsExactlyInAnyOrder(
              CaseTopology.invoiceKey("INV-21", "t-2"),
              CaseTopology.invoiceKey("INV-22", "t-2"),
              CaseTopology.invoiceKey("INV-22", "t-other"));

      topology.pipe(Topics.OPEN_ITEMS, "INV-21", cleared("INV-21"));
      topology.driver.advanceWallClockTime(CHECK);
      assertThat(flagged(topology, "t-2")).isFalse();

      topology.pipe(Topics.OPEN_ITEMS, "INV-22", cleared("INV-22"));
      topology.driver.advanceWallClockTime(CHECK);
      InquiryCase t2 = topology.cases().get("t-2");
      assertThat(t2.timeline())
          .filteredOn(e -> e.event() == Activity.LEDGER_CLEARED)
          .singleElement()
          .satisfies(e -> assertThat(e.detail()).contains("INV-21", "INV-22"));
      assertThat(flagged(topology, "t-other")).isTrue();
      // A watch that fired watches no more: its entries are gone.
      assertThat(indexKeys(topology, CaseTopology.INVOICE_PREFIX)).isEmpty();
      assertThat(indexKeys(topology, "L:")).isEmpty();
    }
  }
}
