package org.example.inquiry.resolution.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA clocks of an open case: a warning once a share of the time to the first response or to
 * resolution has passed, a breach (escalated to the lead team's supervisor) once it is due; each
 * raised once. Pure.
 */
final class SlaClock {

  private final double warnAtFraction;

  /**
   * @param warnAtFraction share of an SLA target after which a warning is raised (e.g. 0.75)
   */
  SlaClock(double warnAtFraction) {
    this.warnAtFraction = warnAtFraction;
  }

  Step tick(InquiryCase current, Instant now) {
    if (!current.isOpen()) {
      return new Step(current, List.of(), null);
    }
    InquiryCase.SlaSignals was = current.sla();
    boolean responseWarned = was.responseWarned();
    boolean responseBreached = was.responseBreached();
    boolean resolutionWarned = was.resolutionWarned();
    boolean resolutionBreached = was.resolutionBreached();
    List<Signal> signals = new ArrayList<>();
    Instant start = current.context().receivedAt();
    Instant responseDue = current.responseDueAt();
    Instant resolutionDue = current.resolutionDueAt();
    if (current.firstResponseAt() == null) {
      if (!was.responseBreached() && now.isAfter(responseDue)) {
        responseBreached = true;
        signals.add(Signal.breach("first response due " + responseDue + " missed"));
      } else if (!was.responseWarned()
          && !was.responseBreached()
          && now.isAfter(warnAt(start, responseDue))) {
        responseWarned = true;
        signals.add(Signal.warning("first response due " + responseDue));
      }
    }
    if (current.slaPausedAt() != null) {
      // the resolution clock stands still while the case waits for the customer (SlaPause)
    } else if (!was.resolutionBreached() && now.isAfter(resolutionDue)) {
      resolutionBreached = true;
      signals.add(Signal.breach("resolution due " + resolutionDue + " missed"));
    } else if (!was.resolutionWarned()
        && !was.resolutionBreached()
        && now.isAfter(warnAt(start, resolutionDue))) {
      resolutionWarned = true;
      signals.add(Signal.warning("resolution due " + resolutionDue));
    }
    if (signals.isEmpty()) {
      return new Step(current, List.of(), null);
    }
    InquiryCase.Edit next = current.edit();
    next.sla =
        new InquiryCase.SlaSignals(
            responseWarned, responseBreached, resolutionWarned, resolutionBreached);
    List<CaseEvent> events = new ArrayList<>();
    List<String> teams = current.teams().stream().map(InquiryCase.Team::team).toList();
    for (Signal signal : signals) {
      String supervisor = signal.escalate() ? current.leadSupervisor() : null;
      if (supervisor != null) {
        String lead =
            current.teams().stream()
                .filter(InquiryCase.Team::lead)
                .map(InquiryCase.Team::team)
                .findFirst()
                .orElse(null);
        next.escalation =
            new InquiryCase.Escalation(supervisor, lead, signal.detail(), "sla-clock", now);
      }
      String text = signal.detail() + (supervisor == null ? "" : "; escalated to " + supervisor);
      next.log(now, signal.activity(), "sla-clock", text);
      events.add(
          new CaseEvent.Worked(
              signal.activity(), "sla-clock", text, current.assignee(), supervisor, null, teams));
    }
    return new Step(next.build(), events, null);
  }

  private record Signal(Activity activity, String detail, boolean escalate) {
    static Signal warning(String detail) {
      return new Signal(Activity.SLA_WARNING, detail, false);
    }

    static Signal breach(String detail) {
      return new Signal(Activity.SLA_BREACHED, detail, true);
    }
  }

  /**
   * The earliest instant after which {@link #tick} could raise something on this case, were it not
   * to change meanwhile; null when no clock of it runs (closed, paused and answered, or all
   * raised). Never later than the true moment: the case index wakes the case then.
   */
  Instant nextDue(InquiryCase current) {
    if (!current.isOpen() || current.context() == null) {
      return null;
    }
    InquiryCase.SlaSignals was = current.sla();
    Instant start = current.context().receivedAt();
    Instant next = null;
    if (current.firstResponseAt() == null && !was.responseBreached()) {
      next = earliest(next, due(start, current.responseDueAt(), was.responseWarned()));
    }
    if (current.slaPausedAt() == null && !was.resolutionBreached()) {
      next = earliest(next, due(start, current.resolutionDueAt(), was.resolutionWarned()));
    }
    return next;
  }

  /** The warning's time (unless raised) or the due time itself, whichever comes first. */
  private Instant due(Instant start, Instant due, boolean warned) {
    if (due == null) {
      return null;
    }
    return warned || start == null ? due : earliest(warnAt(start, due), due);
  }

  static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private Instant warnAt(Instant start, Instant due) {
    long total = Duration.between(start, due).toMillis();
    return start.plusMillis((long) (total * warnAtFraction));
  }
}
