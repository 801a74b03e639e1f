package org.example.inquiry.resolution.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds finance systems' acknowledgements of approved effects into the case, and raises an alert
 * for an approved effect nobody acknowledged in time. Pure.
 */
public final class FinanceAcknowledgements {

  /**
   * A finance system's answer to an approved effect.
   *
   * @param posted true: posted with {@code documentNumber}; false: rejected for {@code reason}
   */
  public record Acknowledgement(
      String effectId,
      boolean posted,
      String documentNumber,
      String reason,
      String system,
      Instant at) {}

  private final Duration timeout;

  FinanceAcknowledgements(Duration timeout) {
    this.timeout = timeout;
  }

  Step acknowledged(InquiryCase current, Acknowledgement ack) {
    if (current == null) {
      throw new IllegalArgumentException(
          "acknowledgement of effect " + ack.effectId() + " for an inquiry that has no case");
    }
    String who = ack.system() == null || ack.system().isBlank() ? "finance" : ack.system();
    InquiryCase.FinancialAction action =
        ack.effectId() == null ? null : current.action(ack.effectId());
    if (action == null
        || action.state() != InquiryCase.ActionState.APPROVED
        || action.posting() == null) {
      String detail =
          (ack.posted() ? "posted" : "rejected")
              + " acknowledgement for "
              + ack.effectId()
              + ", which is not an approved effect of this inquiry";
      InquiryCase.Edit next =
          current.edit().log(ack.at(), Activity.ACKNOWLEDGEMENT_UNMATCHED, who, detail);
      return Step.of(
          next.build(), CaseEvent.Worked.by(who, Activity.ACKNOWLEDGEMENT_UNMATCHED, detail));
    }
    InquiryCase.Posting before = action.posting();
    InquiryCase.PostingStatus status =
        ack.posted() ? InquiryCase.PostingStatus.POSTED : InquiryCase.PostingStatus.REJECTED;
    if (before.status() == status
        && java.util.Objects.equals(before.documentNumber(), ack.documentNumber())
        && java.util.Objects.equals(before.reason(), ack.reason())) {
      return new Step(current, List.of(), null); // the same answer again
    }
    InquiryCase.Posting after =
        new InquiryCase.Posting(
            status,
            before.approvedAt(),
            ack.posted() ? ack.documentNumber() : before.documentNumber(),
            ack.posted() ? null : ack.reason(),
            who,
            ack.at(),
            before.overdue());
    InquiryCase.FinancialAction updated = action.withPosting(after);
    InquiryCase.Edit next = current.edit().replace(updated);
    Activity activity = ack.posted() ? Activity.EFFECT_POSTED : Activity.EFFECT_POSTING_REJECTED;
    String detail =
        action.type()
            + " "
            + action.amount().display()
            + (ack.posted()
                ? " posted by " + who + " as " + ack.documentNumber()
                : " rejected by " + who + ": " + ack.reason());
    next.log(ack.at(), activity, who, detail);
    String alertTo = ack.posted() ? null : current.leadSupervisor();
    return Step.of(
        next.build(),
        new CaseEvent.Worked(activity, who, detail, null, alertTo, updated, List.of()));
  }

  /**
   * The earliest instant from which {@link #overdue} raises something on this case, were it not to
   * change meanwhile: the first deadline of an approved effect still awaiting its posting; null
   * when none is.
   */
  Instant nextDue(InquiryCase current) {
    Instant next = null;
    for (InquiryCase.FinancialAction a : current.actions()) {
      InquiryCase.Posting p = a.posting();
      if (p != null
          && p.status() == InquiryCase.PostingStatus.AWAITING_POSTING
          && !p.overdue()
          && p.approvedAt() != null) {
        next = SlaClock.earliest(next, p.approvedAt().plus(timeout));
      }
    }
    return next;
  }

  /** Raises, once per effect, that an approved effect has had no acknowledgement in time. */
  Step overdue(InquiryCase current, Instant now) {
    if (current == null) {
      return new Step(null, List.of(), null);
    }
    List<InquiryCase.FinancialAction> late = new ArrayList<>();
    for (InquiryCase.FinancialAction a : current.actions()) {
      InquiryCase.Posting p = a.posting();
      if (p != null
          && p.status() == InquiryCase.PostingStatus.AWAITING_POSTING
          && !p.overdue()
          && !p.approvedAt().plus(timeout).isAfter(now)) {
        late.add(a);
      }
    }
    if (late.isEmpty()) {
      return new Step(current, List.of(), null);
    }
    InquiryCase.Edit next = current.edit();
    List<CaseEvent> events = new ArrayList<>();
    for (InquiryCase.FinancialAction a : late) {
      InquiryCase.Posting p = a.posting();
      InquiryCase.FinancialAction updated =
          a.withPosting(
              new InquiryCase.Posting(
                  p.status(),
                  p.approvedAt(),
                  p.documentNumber(),
                  p.reason(),
                  p.system(),
                  p.acknowledgedAt(),
                  true));
      next.replace(updated);
      String detail =
          a.type()
              + " "
              + a.amount().display()
              + " approved at "
              + p.approvedAt()
              + " has no acknowledgement from finance after "
              + timeout;
      next.log(now, Activity.EFFECT_POSTING_OVERDUE, "posting-monitor", detail);
      events.add(
          new CaseEvent.Worked(
              Activity.EFFECT_POSTING_OVERDUE,
              "posting-monitor",
              detail,
              null,
              current.leadSupervisor(),
              updated,
              List.of()));
    }
    return new Step(next.build(), events, null);
  }
}
