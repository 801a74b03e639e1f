package org.example.inquiry.simulator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static void flow(Ledger ledger, String id) {
    ledger.event("inquiries-received", id, id + "-r", true, null);
    ledger.event("inquiries-classified", id, id + "-c", true, null);
    ledger.event("inquiries-routed", id, id + "-o", true, null);
  }

  @Test
  void anExactRunHasNoProblems() {
    Ledger ledger = new Ledger(Set.of("a", "b"));
    flow(ledger, "a");
    flow(ledger, "b");
    ledger.event("inquiries-resolved", "a", "a-x", true, null);
    ledger.event("inquiries-worked", "a", "a-w", true, "REOPENED");
    ledger.event("inquiries-resolved", "a", "a-y", true, null);

    assertThat(
            ledger.problems(
                Map.of(
                    "received", 2L, "classified", 2L, "routed", 2L, "resolved", 2L, "worked", 1L),
                0))
        .isEmpty();
    assertThat(ledger.delivered("inquiries-routed")).isEqualTo(2);
  }

  @Test
  void lossDuplicationRepeatedEventIdsStuckCasesAndKpiMismatchAreReported() {
    Ledger ledger = new Ledger(Set.of("a", "b"));
    flow(ledger, "a");
    ledger.event("inquiries-received", "b", "b-r", true, null);
    ledger.event("inquiries-classified", "b", "b-c", true, null);
    ledger.event("inquiries-classified", "b", "b-c", true, null);
    ledger.event("inquiries-resolved", "a", "a-x", true, null);
    ledger.event("inquiries-resolved", "a", "a-y", true, null);
    ledger.event("inquiries-received", "z", "z-r", true, null);

    assertThat(ledger.lost("inquiries-routed")).isEqualTo(1);
    assertThat(ledger.unacknowledged()).isEqualTo(1);
    assertThat(
            ledger.problems(
                Map.of("received", 3L, "classified", 2L, "routed", 1L, "resolved", 2L), 1))
        .containsExactlyInAnyOrder(
            "1 accepted inquiries missing from inquiries-routed",
            "1 accepted inquiries more than once on inquiries-classified",
            "1 inquiries resolved more often than reopened + 1",
            "1 duplicate event ids on inquiries-classified",
            "1 accepted inquiries have no case in resolution (stuck)",
            "metrics counts 2 classified events, the log has 3");
  }
}
