package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.junit.jupiter.api.Test;

/**
 * The case index wakes a case no later than its clocks would change it: walking cases through time,
 * every tick that raises something happens when {@link CaseWorkflow#watch} says the case is due
 * (its wake-up time has passed, or its watched invoices are cleared), so the processor, which only
 * ticks due cases, misses nothing; and a case with nothing left to raise is not indexed.
 */
class CaseWatchTest {

  final CaseWorkflow workflow =
      new CaseWorkflow(Map.of("USD", BigDecimal.ONE), 0.75, FinancialEffectsTest.POLICY);

  static final Function<String, AutoAnswer.LedgerItem> NO_LEDGER = n -> null;

  InquiryCase opened() {
    return workflow.routed(null, Cases.routedSeedCase(), Cases.RECEIVED.plusSeconds(2)).next();
  }

  /**
   * Ticks the case every {@code step} from {@code from} as the processor would if it ticked every
   * case, checking at each tick that raises something that the watch had the case due. Returns the
   * case at the end and how many ticks raised something.
   */
  record Walk(InquiryCase end, int raised) {}

  Walk walk(
      InquiryCase c,
      Instant from,
      Duration step,
      int steps,
      Function<String, AutoAnswer.LedgerItem> ledger) {
    int raised = 0;
    for (int i = 0; i < steps; i++) {
      Instant now = from.plus(step.multipliedBy(i));
      CaseWatch watch = workflow.watch(c);
      Step tick = workflow.slaTick(c, now, ledger);
      boolean due =
          (watch.wakeAt() != null && !watch.wakeAt().isAfter(now))
              || workflow.ledgerCleared(watch, ledger);
      if (!tick.events().isEmpty()) {
        assertThat(due)
            .as(
                "a tick at %s raised %s, but the watch %s had the case not due",
                now, tick.events(), watch)
            .isTrue();
        raised++;
      }
      c = tick.next();
    }
    return new Walk(c, raised);
  }

  @Test
  void theClocksOfAnOpenCaseWakeItForEachWarningAndBreachAndThenNoMore() {
    InquiryCase opened = opened();
    CaseWatch first = workflow.watch(opened);
    assertThat(first.wakeAt()).isAfter(Cases.RECEIVED).isBefore(opened.responseDueAt());

    Walk walk = walk(opened, Cases.RECEIVED, Duration.ofMinutes(7), 3_000, NO_LEDGER);

    // first response warned and breached, resolution warned and breached: four ticks
    assertThat(walk.raised()).isEqualTo(4);
    assertThat(walk.end().sla().resolutionBreached()).isTrue();
    assertThat(workflow.watch(walk.end()).wakeAt()).isNull();
  }

  @Test
  void aWaitingCaseIsNotWokenForItsResolutionClockUntilTheCustomerAnswers() {
    InquiryCase answered =
        workflow
            .handle(opened(), Cases.text("REPLY", "omar", "We are looking into it."), id -> null)
            .next();
    InquiryCase waiting =
        workflow
            .handle(
                answered, Cases.text("REQUEST_INFO", "omar", "Which delivery date?"), id -> null)
            .next();
    assertThat(waiting.slaPausedAt()).isNotNull();
    assertThat(workflow.watch(waiting).wakeAt()).isNull();

    Walk quiet = walk(waiting, Cases.RECEIVED, Duration.ofHours(1), 24 * 30, NO_LEDGER);
    assertThat(quiet.raised()).isZero();

    InquiryCase resumed =
        workflow.followedUp(waiting, Cases.RECEIVED.plus(Duration.ofDays(2)), Channel.EMAIL).next();
    assertThat(workflow.watch(resumed).wakeAt()).isNotNull();
    assertThat(walk(resumed, Cases.RECEIVED, Duration.ofMinutes(13), 3_000, NO_LEDGER).raised())
        .isPositive();
  }

  @Test
  void anApprovedEffectAwaitingItsPostingWakesEvenAResolvedCaseOnce() {
    Step proposed =
        workflow.handle(
            opened(), Cases.propose("ben", "REBILL", "22000.00", "USD"), this::customer);
    String id = proposed.outcome().actionId();
    Step first =
        workflow.handle(
            proposed.next(), Cases.decide("APPROVE", "kim", id, null, "approver"), this::customer);
    Step approved =
        workflow.handle(
            first.next(), Cases.decide("APPROVE", "lee", id, null, "approver"), this::customer);
    InquiryCase resolved =
        workflow.handle(approved.next(), Cases.resolve("omar"), this::customer).next();
    Instant approvedAt = resolved.actions().get(0).posting().approvedAt();
    assertThat(resolved.isOpen()).isFalse();
    assertThat(workflow.watch(resolved).wakeAt())
        .isEqualTo(approvedAt.plus(FinancialEffectsTest.POLICY.acknowledgementTimeout()));

    Walk walk = walk(resolved, approvedAt, Duration.ofMinutes(10), 60, NO_LEDGER);

    assertThat(walk.raised()).isOne();
    assertThat(workflow.watch(walk.end()).isIdle()).isTrue();
  }

  @Test
  void aWatchedInvoiceWakesItsCaseWhenItIsClearedAndNotBefore() {
    InquiryCase c = new LedgerWatchTest().opened(List.of("payment-status"), CheckOutcome.PASSED);
    CaseWatch watch = workflow.watch(c);
    assertThat(watch.invoices()).containsExactly("INV-7");
    assertThat(watch.customerId()).isEqualTo("C-1001");

    var open = LedgerWatchTest.ledger("900", "OPEN", Cases.RECEIVED.minusSeconds(60), "C-1001");
    var paid = LedgerWatchTest.ledger("0", "PAID", Cases.RECEIVED.plusSeconds(3_600), "C-1001");
    var paidBefore = LedgerWatchTest.ledger("0", "PAID", Cases.RECEIVED.minusSeconds(1), "C-1001");
    var someoneElses = LedgerWatchTest.ledger("0", "PAID", Cases.RECEIVED.plusSeconds(9), "C-2");
    assertThat(workflow.ledgerCleared(watch, open)).isFalse();
    assertThat(workflow.ledgerCleared(watch, paidBefore)).isFalse();
    assertThat(workflow.ledgerCleared(watch, someoneElses)).isFalse();
    assertThat(workflow.ledgerCleared(watch, paid)).isTrue();

    Walk walk = walk(c, Cases.RECEIVED.plusSeconds(7_200), Duration.ofMinutes(1), 5, paid);

    assertThat(walk.raised()).isOne();
    assertThat(walk.end().isOpen()).isFalse();
    assertThat(workflow.watch(walk.end()).invoices()).isEmpty();
  }

  @Test
  void aCaseWithNothingToWaitForIsIdle() {
    assertThat(workflow.watch(null).isIdle()).isTrue();
    InquiryCase resolved = workflow.handle(opened(), Cases.resolve("omar"), id -> null).next();
    assertThat(workflow.watch(resolved).isIdle()).isTrue();
  }

  private CustomerFacts customer(String id) {
    return "C-1001".equals(id) ? FinancialEffectsTest.ACME : null;
  }
}
