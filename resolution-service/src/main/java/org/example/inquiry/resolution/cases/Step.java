package org.example.inquiry.resolution.cases;

import java.util.List;

/**
 * The result of one fact or command: the next case (null: nothing to store), the events it caused,
 * and, for a command, its outcome.
 */
public record Step(InquiryCase next, List<CaseEvent> events, CommandOutcome outcome) {

  public Step {
    events = List.copyOf(events);
  }

  static Step of(InquiryCase next, CaseEvent... events) {
    return new Step(next, List.of(events), null);
  }

  static Step nothing() {
    return new Step(null, List.of(), null);
  }
}
