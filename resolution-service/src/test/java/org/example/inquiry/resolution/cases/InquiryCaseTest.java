package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InquiryCaseTest {

  static InquiryCase.Routed routed(Instant at, List<String> teams) {
    return new InquiryCase.Routed(
        "i-1",
        at,
        Instant.parse("2026-11-25T09:00:00Z"),
        "PORTAL",
        "C-1001",
        List.of("refund"),
        "NORMAL",
        teams,
        false,
        "types [refund] -> teams [billing]",
        "type-to-team",
        42,
        new BigDecimal("10"),
        "EUR",
        at.plusSeconds(3600),
        at.plusSeconds(18000));
  }

  @Test
  void theFirstRoutingOpensTheCaseWithReceivedAndRoutedOnTheTimeline() {
    InquiryCase opened =
        InquiryCase.routed(null, routed(Instant.parse("2026-11-25T09:00:05Z"), List.of("billing")));

    assertThat(opened.status()).isEqualTo("ROUTED");
    assertThat(opened.timeline())
        .extracting(InquiryCase.TimelineEntry::event)
        .containsExactly("RECEIVED", "ROUTED");
    assertThat(opened.timeline().get(1).detail()).contains("priority 42", "type-to-team");
  }

  @Test
  void aReRoutingKeepsTheHistory() {
    InquiryCase opened =
        InquiryCase.routed(null, routed(Instant.parse("2026-11-25T09:00:05Z"), List.of("billing")));
    InquiryCase rerouted =
        InquiryCase.routed(
            opened, routed(Instant.parse("2026-11-25T10:00:00Z"), List.of("credit")));

    assertThat(rerouted.teams()).containsExactly("credit");
    assertThat(rerouted.timeline())
        .extracting(InquiryCase.TimelineEntry::event)
        .containsExactly("RECEIVED", "ROUTED", "ROUTED");
  }
}
