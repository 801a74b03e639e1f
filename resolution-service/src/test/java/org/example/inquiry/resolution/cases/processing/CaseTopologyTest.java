package org.example.inquiry.resolution.cases.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.resolution.cases.Activity;
import org.example.inquiry.resolution.cases.CaseStatus;
import org.example.inquiry.resolution.cases.CaseWatch;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.Refusal;
import org.example.inquiry.schemas.AcknowledgementStatus;
import org.example.inquiry.schemas.ApprovalDecision;
import org.example.inquiry.schemas.ApprovalRequirement;
import org.example.inquiry.schemas.EffectKind;
import org.example.inquiry.schemas.FinanceAcknowledgement;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.InquiryApproved;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.RequestRefused;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The case processor as Kafka Streams runs it, under TopologyTestDriver: routed inquiries open
 * cases, commands change them and come out as {@code inquiries-worked}, {@code -approved} and
 * {@code -resolved} events, refused requests reach the timeline, the SLA punctuator escalates.
 */
class CaseTopologyTest {

  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

  CaseTopologyDriver topology =
      new CaseTopologyDriver(
          Clock.fixed(T0.plus(Duration.ofMinutes(5)), ZoneOffset.UTC), Duration.ofSeconds(10));

  @AfterEach
  void close() {
    topology.close();
  }

  InquiryRouted routed(String id) {
    InquiryRouted routed = Events.aRoutedInquiry(id, T0);
    routed.setApprovalRequirements(
        List.of(
            new ApprovalRequirement(
                "REBILL", new Money(new BigDecimal("0.0000"), "USD"), "SINGLE", "approver"),
            new ApprovalRequirement(
                "BARTER", new Money(new BigDecimal("0.0000"), "USD"), "SINGLE", "approver")));
    return routed;
  }

  static InquiryCommand.Builder command(String id, String type, String actor, String... roles) {
    return InquiryCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setInquiryId(id)
        .setIssuedAt(T0.plusSeconds(60))
        .setActor(actor)
        .setRoles(List.of(roles))
        .setType(type);
  }

  void send(InquiryCommand.Builder command) {
    InquiryCommand c = command.build();
    topology.pipe(Topics.INQUIRY_COMMANDS, c.getInquiryId(), c);
  }

  @Test
  void aRoutedInquiryOpensItsCaseWithTheRoutedValues() {
    topology.pipe(Topics.INQUIRIES_ROUTED, "t-open", routed("t-open"));

    InquiryCase opened = topology.cases().get("t-open");
    assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(opened.assignee()).isEqualTo("omar");
    assertThat(opened.context().references())
        .singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(ReferenceKind.LETTER_OF_CREDIT));
    assertThat(opened.approvalLadder())
        .as("an action type it does not know is left out")
        .hasSize(1);
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED)).isEmpty();
  }

  @Test
  void aProposalApprovedAndResolvedComesOutAsTheThreeEventsWithItsValues() {
    topology.pipe(Topics.INQUIRIES_ROUTED, "t-flow", routed("t-flow"));
    InquiryCommand.Builder proposal =
        command("t-flow", "PROPOSE_ACTION", "ben", "agent")
            .setActionType("REBILL")
            .setAmount(new Money(new BigDecimal("500.0000"), "USD"))
            .setReason("short shipment");
    send(proposal);
    String actionId = topology.cases().get("t-flow").actions().get(0).actionId();
    send(command("t-flow", "APPROVE", "ivy", "approver").setActionId(actionId));
    send(command("t-flow", "RESOLVE", "ben", "agent").setResolutionCode("ADJUSTED"));

    List<InquiryWorked> worked = topology.read(Topics.INQUIRIES_WORKED);
    assertThat(worked).extracting(InquiryWorked::getActivity).containsExactly("ACTION_PROPOSED");
    assertThat(worked.get(0).getApprovalLevel()).isEqualTo("SINGLE");
    assertThat(worked.get(0).getAmount().getAmount()).isEqualTo(new BigDecimal("500.0000"));
    InquiryApproved approved = topology.<InquiryApproved>read(Topics.INQUIRIES_APPROVED).get(0);
    assertThat(approved.getDecision()).isEqualTo(ApprovalDecision.APPROVED);
    assertThat(approved.getMaker()).isEqualTo("ben");
    assertThat(approved.getFinalDecision()).isTrue();
    assertThat(approved.getPolicyVersion()).isEqualTo("test-policy");
    InquiryResolved resolved = topology.<InquiryResolved>read(Topics.INQUIRIES_RESOLVED).get(0);
    assertThat(resolved.getAdjustments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getType()).isEqualTo("REBILL");
              assertThat(a.getAmount()).isEqualTo(new Money(new BigDecimal("500.0000"), "USD"));
              assertThat(a.getApprovedBy()).containsExactly("ivy");
            });
    assertThat(resolved.getContext())
        .as("the context comes out as it came in")
        .isEqualTo(routed("t-flow").getContext());
    assertThat(topology.cases().get("t-flow").status()).isEqualTo(CaseStatus.RESOLVED);
  }

  @Test
  void theFinalApprovalIsOnePostingReadyEffectKeyedByCustomerAndFinancesAnswerComesBack() {
    topology.pipe(Topics.INQUIRIES_ROUTED, "t-post", routed("t-post"));
    send(
        command("t-post", "PROPOSE_ACTION", "ben", "agent")
            .setActionType("REBILL")
            .setAmount(new Money(new BigDecimal("1200.0000"), "USD"))
            .setReason("short shipment"));
    String actionId = topology.cases().get("t-post").actions().get(0).actionId();
    send(command("t-post", "APPROVE", "ivy", "approver").setActionId(actionId));
    send(command("t-post", "RESOLVE", "ben", "agent").setResolutionCode("ADJUSTED"));
    send(command("t-post", "REOPEN", "ben", "agent").setReason("customer asks again"));
    send(command("t-post", "RESOLVE", "ben", "agent").setResolutionCode("ADJUSTED"));

    var effects = topology.readKeyValues(Topics.FINANCIAL_EFFECTS_APPROVED);
    assertThat(effects).as("once, never again on reopen").hasSize(1);
    String customer = routed("t-post").getContext().getCustomerId();
    assertThat(effects.get(0).key).isEqualTo(customer);
    FinancialEffectApproved effect = (FinancialEffectApproved) effects.get(0).value;
    assertThat(effect.getEffectId()).isEqualTo(actionId);
    assertThat(effect.getKind()).isEqualTo(EffectKind.REBILL);
    assertThat(effect.getGross()).isEqualTo(new Money(new BigDecimal("1200.0000"), "USD"));
    assertThat(effect.getNet()).isEqualTo(new Money(new BigDecimal("1000.0000"), "USD"));
    assertThat(effect.getTax()).isEqualTo(new Money(new BigDecimal("200.0000"), "USD"));
    assertThat(effect.getPostings()).hasSize(3);
    assertThat(effect.getPolicyVersion()).isEqualTo("test-policy");

    FinanceAcknowledgement ack =
        FinanceAcknowledgement.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId("t-post")
            .setEffectId(actionId)
            .setOccurredAt(T0.plusSeconds(120))
            .setStatus(AcknowledgementStatus.POSTED)
            .setDocumentNumber("FI-42")
            .setSystem("reference-ledger")
            .build();
    topology.pipe(Topics.FINANCE_ACKNOWLEDGEMENTS, "t-post", ack);

    InquiryCase.Posting posting = topology.cases().get("t-post").action(actionId).posting();
    assertThat(posting.status()).isEqualTo(InquiryCase.PostingStatus.POSTED);
    assertThat(posting.documentNumber()).isEqualTo("FI-42");
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
        .extracting(InquiryWorked::getActivity)
        .contains("EFFECT_POSTED");
  }

  @Test
  void theMakersApprovalIsRefusedOnTheTimelineAndTheAuditTrail() {
    topology.pipe(Topics.INQUIRIES_ROUTED, "t-maker", routed("t-maker"));
    send(
        command("t-maker", "PROPOSE_ACTION", "ben", "agent")
            .setActionType("REBILL")
            .setAmount(new Money(new BigDecimal("500.0000"), "USD")));
    String actionId = topology.cases().get("t-maker").actions().get(0).actionId();
    InquiryCommand.Builder byMaker =
        command("t-maker", "APPROVE", "BEN", "approver").setActionId(actionId);
    String commandId = byMaker.getCommandId();
    send(byMaker);

    InquiryCase c = topology.cases().get("t-maker");
    assertThat(c.outcomes().get(commandId).refusal()).isInstanceOf(Refusal.Forbidden.class);
    assertThat(c.timeline()).last().extracting(e -> e.event()).isEqualTo(Activity.ATTEMPT_REFUSED);
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
        .extracting(InquiryWorked::getActivity)
        .containsExactly("ACTION_PROPOSED", "ATTEMPT_REFUSED");
    assertThat(topology.<InquiryApproved>read(Topics.INQUIRIES_APPROVED)).isEmpty();
  }

  @Test
  void aPaymentStatusRequestIsAnsweredFromTheLedgerAtFirstContact() {
    topology.pipe(
        Topics.OPEN_ITEMS,
        "INV-98",
        OpenItem.newBuilder()
            .setDocumentNumber("INV-98")
            .setDocumentType("INVOICE")
            .setCustomerId("C-1001")
            .setIssueDate(LocalDate.parse("2026-09-15"))
            .setDueDate(LocalDate.parse("2026-10-15"))
            .setAmount(new Money(new BigDecimal("4800.0000"), "USD"))
            .setOpenAmount(new Money(new BigDecimal("0.0000"), "USD"))
            .setStatus("PAID")
            .setUpdatedAt(T0)
            .build());
    InquiryRouted simple = routed("t-auto");
    simple.setTypes(List.of("payment-status"));
    simple.getContext().setReferences(List.of(new Reference(ReferenceKind.INVOICE, "INV-98")));
    topology.pipe(Topics.INQUIRIES_ROUTED, "t-auto", simple);

    InquiryResolved resolved = topology.<InquiryResolved>read(Topics.INQUIRIES_RESOLVED).get(0);
    assertThat(resolved.getResolutionCode()).isEqualTo("AUTO_ANSWERED");
    assertThat(resolved.getResolvedBy()).isEqualTo("auto-responder");
    assertThat(resolved.getFirstContactResolution()).isTrue();
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
        .extracting(InquiryWorked::getActivity)
        .containsExactly("FIRST_RESPONDED");
    assertThat(topology.cases().get("t-auto").timeline())
        .extracting(InquiryCase.TimelineEntry::detail)
        .anySatisfy(d -> assertThat(d).contains("INV-98: 4800 USD, status PAID, fully paid"));
  }

  @Test
  void aRequestSecurityRefusedIsOnTheCasesTimeline() {
    topology.pipe(Topics.INQUIRIES_ROUTED, "t-refused", routed("t-refused"));
    topology.pipe(
        Topics.REQUESTS_REFUSED,
        "t-refused",
        RequestRefused.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId("t-refused")
            .setOccurredAt(T0.plusSeconds(30))
            .setStatus(403)
            .setActor("portal")
            .setRoles(List.of("channel"))
            .setMethod("POST")
            .setPath("/api/v1/inquiries/t-refused/claim")
            .setReason("Access Denied")
            .build());

    assertThat(topology.cases().get("t-refused").timeline())
        .last()
        .satisfies(
            e -> {
              assertThat(e.event()).isEqualTo(Activity.ATTEMPT_REFUSED);
              assertThat(e.detail())
                  .isEqualTo(
                      "HTTP 403 POST /api/v1/inquiries/t-refused/claim refused: Access Denied");
            });
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
        .extracting(InquiryWorked::getActor)
        .containsExactly("portal");
  }

  @Test
  void aDisputeWhoseInvoiceIsCreditedInTheLedgerIsFlaggedForItsAgent() {
    OpenItem open =
        OpenItem.newBuilder()
            .setDocumentNumber("INV-55")
            .setDocumentType("INVOICE")
            .setCustomerId("C-1001")
            .setIssueDate(LocalDate.parse("2026-10-01"))
            .setDueDate(LocalDate.parse("2026-10-31"))
            .setAmount(new Money(new BigDecimal("1500.0000"), "USD"))
            .setOpenAmount(new Money(new BigDecimal("1500.0000"), "USD"))
            .setStatus("OVERDUE")
            .setUpdatedAt(T0.minus(Duration.ofDays(3)))
            .build();
    topology.pipe(Topics.OPEN_ITEMS, "INV-55", open);
    InquiryRouted dispute = routed("t-dispute");
    dispute.setTypes(List.of("dispute"));
    dispute.getContext().setReferences(List.of(new Reference(ReferenceKind.INVOICE, "INV-55")));
    topology.pipe(Topics.INQUIRIES_ROUTED, "t-dispute", dispute);
    topology.driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(topology.cases().get("t-dispute").timeline())
        .extracting(InquiryCase.TimelineEntry::event)
        .doesNotContain(Activity.LEDGER_CLEARED);

    // the credit note is posted: the ledger feed shows nothing open any more
    topology.pipe(
        Topics.OPEN_ITEMS,
        "INV-55",
        OpenItem.newBuilder(open)
            .setOpenAmount(new Money(new BigDecimal("0.0000"), "USD"))
            .setStatus("PAID")
            .setUpdatedAt(T0.plusSeconds(120))
            .build());
    topology.driver.advanceWallClockTime(Duration.ofSeconds(10));
    topology.driver.advanceWallClockTime(Duration.ofSeconds(10));

    InquiryCase flagged = topology.cases().get("t-dispute");
    assertThat(flagged.isOpen()).isTrue();
    assertThat(flagged.timeline())
        .filteredOn(e -> e.event() == Activity.LEDGER_CLEARED)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("INV-55 (PAID)"));
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
        .extracting(InquiryWorked::getActivity)
        .containsOnlyOnce("LEDGER_CLEARED");
  }

  @Test
  void theSlaClockEscalatesAMissedFirstResponseOnce() {
    try (CaseTopologyDriver late = fiveHoursLate(CaseTopology.Indexing.of(null))) {
      late.pipe(Topics.INQUIRIES_ROUTED, "t-sla", routed("t-sla"));

      late.driver.advanceWallClockTime(Duration.ofSeconds(10));
      late.driver.advanceWallClockTime(Duration.ofSeconds(10));

      assertThat(late.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.getActivity()).isEqualTo("SLA_BREACHED");
                assertThat(w.getEscalatedTo()).isEqualTo("sup.operations");
              });
    }
  }

  @Test
  void theSlaCheckReadsTheIndexOfDueCasesAndIndexesTheTasksCasesAtItsFirstCheck() {
    try (CaseTopologyDriver late = fiveHoursLate(CaseTopology.Indexing.of(null))) {
      late.pipe(Topics.INQUIRIES_ROUTED, "t-indexed", routed("t-indexed"));
      KeyValueStore<String, String> due = late.driver.getKeyValueStore(CaseTopology.DUE_STORE);
      KeyValueStore<String, CaseWatch> watches =
          late.driver.getKeyValueStore(CaseTopology.WATCH_STORE);
      CaseWatch watch = watches.get("t-indexed");
      assertThat(watch.wakeAt()).isNotNull();
      assertThat(due.get(CaseTopology.timeKey(watch.wakeAt(), "t-indexed"))).isEqualTo("t-indexed");

      // as after an upgrade from a version without the index: the cases are there, no index
      late.pipe(Topics.INQUIRIES_ROUTED, "t-older", routed("t-older"));
      List<String> keys = new ArrayList<>();
      try (KeyValueIterator<String, String> all = due.all()) {
        all.forEachRemaining(kv -> keys.add(kv.key));
      }
      keys.forEach(due::delete);
      watches.delete("t-indexed");
      watches.delete("t-older");

      late.driver.advanceWallClockTime(Duration.ofSeconds(10));
      late.driver.advanceWallClockTime(Duration.ofSeconds(10));

      assertThat(late.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
          .extracting(InquiryWorked::getInquiryId, InquiryWorked::getActivity)
          .containsExactlyInAnyOrder(
              tuple("t-indexed", "SLA_BREACHED"), tuple("t-older", "SLA_BREACHED"));
      CaseWatch older = watches.get("t-older");
      assertThat(due.get(CaseTopology.timeKey(older.wakeAt(), "t-older"))).isEqualTo("t-older");
      // both wait for their resolution clocks now, and a resolved case leaves the index
      assertThat(older.wakeAt()).isAfter(watch.wakeAt());
      late.pipe(
          Topics.INQUIRY_COMMANDS,
          "t-older",
          command("t-older", "RESOLVE", "omar", "agent").setResolutionCode("ANSWERED").build());
      assertThat(late.cases().get("t-older").isOpen()).isFalse();
      assertThat(watches.get("t-older")).isNull();
    }
  }

  @Test
  void aTaskWhoseIndexWasBuiltUnderItsOwnVersionDoesNotIndexAgain() {
    try (CaseTopologyDriver late = fiveHoursLate(CaseTopology.Indexing.of("v2"))) {
      // the index as a run of the same version left it, with one entry missing to see a re-index
      KeyValueStore<String, String> due = late.driver.getKeyValueStore(CaseTopology.DUE_STORE);
      due.put(CaseTopology.INDEX_VERSION_KEY, "v2");
      late.pipe(Topics.INQUIRIES_ROUTED, "t-kept", routed("t-kept"));
      dropIndex(late, "t-kept");

      late.driver.advanceWallClockTime(Duration.ofSeconds(10));
      late.driver.advanceWallClockTime(Duration.ofSeconds(10));

      assertThat(late.<InquiryWorked>read(Topics.INQUIRIES_WORKED)).isEmpty();
      assertThat(due.get(CaseTopology.INDEX_VERSION_KEY)).isEqualTo("v2");
    }
  }

  @Test
  void aTaskWhoseIndexWasBuiltUnderAnotherVersionOrNoneIndexesItsCasesAgain() {
    for (String before : new String[] {"v1", null}) {
      try (CaseTopologyDriver late = fiveHoursLate(CaseTopology.Indexing.of("v2"))) {
        KeyValueStore<String, String> due = late.driver.getKeyValueStore(CaseTopology.DUE_STORE);
        if (before != null) {
          due.put(CaseTopology.INDEX_VERSION_KEY, before);
        }
        late.pipe(Topics.INQUIRIES_ROUTED, "t-stale", routed("t-stale"));
        dropIndex(late, "t-stale");

        late.driver.advanceWallClockTime(Duration.ofSeconds(10));
        late.driver.advanceWallClockTime(Duration.ofSeconds(10));

        assertThat(late.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
            .as("index built under %s", before)
            .extracting(InquiryWorked::getInquiryId, InquiryWorked::getActivity)
            .containsExactly(tuple("t-stale", "SLA_BREACHED"));
        assertThat(due.get(CaseTopology.INDEX_VERSION_KEY)).isEqualTo("v2");
      }
    }
  }

  @Test
  void aTaskIndexesItsCasesInSlicesInKeyOrder() {
    try (CaseTopologyDriver late =
        fiveHoursLate(
            new CaseTopology.Indexing("v2", Duration.ofMillis(200), Duration.ofSeconds(10), 3))) {
      KeyValueStore<String, String> due = late.driver.getKeyValueStore(CaseTopology.DUE_STORE);
      due.put(CaseTopology.INDEX_VERSION_KEY, "v1");
      List<String> ids = List.of("t-1", "t-2", "t-3", "t-4", "t-5", "t-6", "t-7");
      ids.forEach(id -> late.pipe(Topics.INQUIRIES_ROUTED, id, routed(id)));
      KeyValueStore<String, CaseWatch> watches =
          late.driver.getKeyValueStore(CaseTopology.WATCH_STORE);
      ids.forEach(id -> dropIndex(late, id));

      // three cases a slice, in key order; the version is stored once the last one is indexed
      late.driver.advanceWallClockTime(Duration.ofMillis(200));
      assertThat(ids)
          .filteredOn(id -> watches.get(id) != null)
          .containsExactly("t-1", "t-2", "t-3");
      late.driver.advanceWallClockTime(Duration.ofMillis(200));
      assertThat(ids).filteredOn(id -> watches.get(id) == null).containsExactly("t-7");
      // while the index is half rebuilt it is no version's: whoever gets the task indexes again
      assertThat(due.get(CaseTopology.INDEX_VERSION_KEY)).isNull();
      late.driver.advanceWallClockTime(Duration.ofMillis(200));
      assertThat(ids).allMatch(id -> watches.get(id) != null);
      assertThat(due.get(CaseTopology.INDEX_VERSION_KEY)).isEqualTo("v2");

      late.driver.advanceWallClockTime(Duration.ofSeconds(10));
      assertThat(late.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
          .extracting(InquiryWorked::getInquiryId)
          .containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  @Test
  void aCaseIndexedUnderAnotherVersionTakesTheStoredVersionAwayAtOnce() {
    try (CaseTopologyDriver late =
        fiveHoursLate(
            new CaseTopology.Indexing("v2", Duration.ofMillis(200), Duration.ofSeconds(10), 100))) {
      KeyValueStore<String, String> due = late.driver.getKeyValueStore(CaseTopology.DUE_STORE);
      due.put(CaseTopology.INDEX_VERSION_KEY, "v1");

      // before any slice: the first index write under v2 is not left behind a v1 marker
      late.pipe(Topics.INQUIRIES_ROUTED, "t-new", routed("t-new"));
      assertThat(due.get(CaseTopology.INDEX_VERSION_KEY)).isNull();

      late.driver.advanceWallClockTime(Duration.ofMillis(200));
      assertThat(due.get(CaseTopology.INDEX_VERSION_KEY)).isEqualTo("v2");
    }
  }

  /** A topology five hours after {@code T0}: every case routed then has missed its SLA. */
  private static CaseTopologyDriver fiveHoursLate(CaseTopology.Indexing indexing) {
    return new CaseTopologyDriver(
        Clock.fixed(T0.plus(Duration.ofHours(5)), ZoneOffset.UTC),
        Duration.ofSeconds(10),
        indexing);
  }

  /** Removes a case's watch and index entries, as if it had never been indexed. */
  private static void dropIndex(CaseTopologyDriver topology, String inquiryId) {
    KeyValueStore<String, String> due = topology.driver.getKeyValueStore(CaseTopology.DUE_STORE);
    KeyValueStore<String, CaseWatch> watches =
        topology.driver.getKeyValueStore(CaseTopology.WATCH_STORE);
    CaseWatch watch = watches.get(inquiryId);
    assertThat(watch.wakeAt()).isNotNull();
    due.delete(CaseTopology.timeKey(watch.wakeAt(), inquiryId));
    watches.delete(inquiryId);
  }

  @Test
  void aCommandOnAnUnknownInquiryChangesNothing() {
    send(command("t-nobody", "CLAIM", "omar", "agent"));

    assertThat(topology.cases().get("t-nobody")).isNull();
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED)).isEmpty();
  }
}
