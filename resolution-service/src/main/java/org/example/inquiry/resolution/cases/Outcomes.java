package org.example.inquiry.resolution.cases;

import java.util.Iterator;
import java.util.List;

/**
 * How a command ends: accepted with its events, or refused, which changes nothing but the audit
 * trail (the attempt is on the timeline and published). Either way the case remembers the outcome,
 * so a repeated command gets the same answer.
 */
final class Outcomes {

  static final int KEPT = 50;

  private Outcomes() {}

  static Step accept(
      InquiryCase.Edit next, CaseCommand c, List<CaseEvent> events, String actionId) {
    CommandOutcome outcome = CommandOutcome.accepted(c.commandId(), actionId);
    remember(next, outcome);
    return new Step(next.build(), events, outcome);
  }

  static Step accept(InquiryCase.Edit next, CaseCommand c, CaseEvent event) {
    return accept(next, c, List.of(event), null);
  }

  static Step refuse(InquiryCase current, CaseCommand c, Refusal refusal) {
    String detail = c.type() + " refused: " + refusal.reason();
    InquiryCase.Edit next = current.edit().log(c.at(), Activity.ATTEMPT_REFUSED, c.actor(), detail);
    CommandOutcome outcome = new CommandOutcome(c.commandId(), refusal, requestedAction(c));
    remember(next, outcome);
    return new Step(
        next.build(),
        List.of(CaseEvent.Worked.by(c.actor(), Activity.ATTEMPT_REFUSED, detail)),
        outcome);
  }

  static Step notFound(CaseCommand c) {
    return new Step(
        null,
        List.of(),
        new CommandOutcome(c.commandId(), new Refusal.NotFound("no such inquiry"), null));
  }

  static CaseEvent.Worked worked(
      Activity activity,
      CaseCommand c,
      String detail,
      String assignee,
      InquiryCase.FinancialAction action) {
    return new CaseEvent.Worked(activity, c.actor(), detail, assignee, null, action, List.of());
  }

  private static String requestedAction(CaseCommand c) {
    if (c instanceof CaseCommand.Decide d) {
      return d.actionId();
    }
    return c instanceof CaseCommand.ProposeAction p ? p.actionId() : null;
  }

  private static void remember(InquiryCase.Edit next, CommandOutcome outcome) {
    next.outcomes.put(outcome.commandId(), outcome);
    Iterator<String> oldest = next.outcomes.keySet().iterator();
    while (next.outcomes.size() > KEPT && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }
}
