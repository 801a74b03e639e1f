package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.example.inquiry.schemas.Channel;
import org.junit.jupiter.api.Test;

class SlaPauseTest {

  final CaseWorkflow workflow = new CaseWorkflow(Map.of("USD", BigDecimal.ONE), 0.75);

  /** When the commands of {@link Cases} are issued. */
  final Instant asked = Cases.RECEIVED.plus(Duration.ofHours(1));

  InquiryCase opened() {
    return workflow.routed(null, Cases.routedSeedCase(), Cases.RECEIVED.plusSeconds(2)).next();
  }

  static List<CaseEvent.Worked> worked(Step step, Activity activity) {
    return step.events().stream()
        .filter(CaseEvent.Worked.class::isInstance)
        .map(CaseEvent.Worked.class::cast)
        .filter(w -> w.activity() == activity)
        .toList();
  }

  @Test
  void anInformationRequestStopsTheResolutionClockAndTheAnswerMovesTheDueTimeByTheWait() {
    InquiryCase opened = opened();
    Instant due = opened.resolutionDueAt();

    Step waiting =
        workflow.handle(opened, Cases.text("REQUEST_INFO", "omar", "Which delivery date?"));
    assertThat(waiting.next().status()).isEqualTo(CaseStatus.WAITING_FOR_CUSTOMER);
    assertThat(waiting.next().slaPausedAt()).isEqualTo(asked);
    assertThat(worked(waiting, Activity.SLA_PAUSED))
        .singleElement()
        .extracting(CaseEvent.Worked::resolutionDueAt)
        .isEqualTo(due);

    // long past the old due time, a waiting case is neither warned nor breached
    Step quiet = workflow.slaTick(waiting.next(), due.plus(Duration.ofDays(1)));
    assertThat(quiet.next().sla().resolutionWarned()).isFalse();
    assertThat(quiet.next().sla().resolutionBreached()).isFalse();

    // a second request while waiting does not start the pause again
    Step again =
        workflow.handle(waiting.next(), Cases.text("REQUEST_INFO", "omar", "And the carrier?"));
    assertThat(again.next().slaPausedAt()).isEqualTo(asked);
    assertThat(worked(again, Activity.SLA_PAUSED)).isEmpty();

    Instant answered = asked.plus(Duration.ofDays(3));
    Step resumed = workflow.followedUp(again.next(), answered, Channel.EMAIL);
    Instant moved = due.plus(Duration.ofDays(3));
    assertThat(resumed.next().status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(resumed.next().slaPausedAt()).isNull();
    assertThat(resumed.next().resolutionDueAt()).isEqualTo(moved);
    assertThat(worked(resumed, Activity.SLA_RESUMED))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.resolutionDueAt()).isEqualTo(moved);
              assertThat(w.actor()).isEqualTo("customer");
              assertThat(w.detail()).contains("the customer answered", "259200 s");
            });
    assertThat(resumed.next().timeline())
        .extracting(InquiryCase.TimelineEntry::event)
        .containsSubsequence(Activity.SLA_PAUSED, Activity.SLA_RESUMED);

    // the clock runs again, against the moved due time
    assertThat(workflow.slaTick(resumed.next(), moved.minusSeconds(1)).next().sla())
        .extracting(InquiryCase.SlaSignals::resolutionBreached)
        .isEqualTo(false);
    assertThat(workflow.slaTick(resumed.next(), moved.plusSeconds(1)).next().sla())
        .extracting(InquiryCase.SlaSignals::resolutionBreached)
        .isEqualTo(true);
  }

  @Test
  void resolvingOrReplyingWhileWaitingEndsThePauseWithTheTimeWaited() {
    InquiryCase opened = opened();
    Instant due = opened.resolutionDueAt();
    InquiryCase waiting =
        workflow.handle(opened, Cases.text("REQUEST_INFO", "omar", "Which date?")).next();

    Instant later = asked.plus(Duration.ofHours(5));
    Step resolved =
        workflow.handle(
            waiting,
            new CaseCommand.Resolve(
                new CaseCommand.Issued("cmd-resolve", "omar", Set.of("agent"), later),
                "ANSWERED",
                null,
                List.of()));
    assertThat(resolved.next().status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(resolved.next().resolutionDueAt()).isEqualTo(due.plus(Duration.ofHours(5)));
    assertThat(worked(resolved, Activity.SLA_RESUMED)).hasSize(1);
    assertThat(resolved.events())
        .filteredOn(CaseEvent.Resolved.class::isInstance)
        .singleElement()
        .extracting(e -> ((CaseEvent.Resolved) e).resolvedCase().resolutionDueAt())
        .isEqualTo(due.plus(Duration.ofHours(5)));

    Step replied = workflow.handle(waiting, Cases.text("REPLY", "omar", "We found it ourselves."));
    assertThat(replied.next().slaPausedAt()).isNull();
    assertThat(replied.next().status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(worked(replied, Activity.SLA_RESUMED)).hasSize(1);
  }
}
