package org.example.inquiry.resolution.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the customer is told and what agents note: replies (the first is the first response),
 * requests for information, internal notes, and the automatic answer from the ledger (or why it was
 * withheld). Pure.
 */
final class Answers {

  static final String AUTO_RESPONDER = "auto-responder";

  private Answers() {}

  /** The id an answer is sent with: {@code <kind>-<command id>@<domain>}. */
  static String messageId(String prefix, String id, String domain) {
    return prefix + "-" + id + "@" + domain;
  }

  static Step reply(InquiryCase current, CaseCommand.Reply c, String domain) {
    if (!current.isOpen()) {
      return Outcomes.refuse(
          current, c, new Refusal.Conflict("the inquiry is resolved; reopen it before replying"));
    }
    if (c.text() == null || c.text().isBlank()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("a reply needs text"));
    }
    InquiryCase.Edit next = current.edit();
    boolean first = next.firstResponseAt == null;
    if (first) {
      next.firstResponseAt = c.at();
    }
    if (next.assignee == null) {
      next.assignee = c.actor();
    }
    if (next.status == CaseStatus.OPEN || next.status == CaseStatus.WAITING_FOR_CUSTOMER) {
      next.status = CaseStatus.IN_PROGRESS;
    }
    Activity activity = first ? Activity.FIRST_RESPONDED : Activity.RESPONDED;
    next.log(c.at(), activity, c.actor(), "replied to the customer");
    List<CaseEvent> events = new ArrayList<>();
    SlaPause.resume(next, c.at(), c.actor(), "the agent replied").ifPresent(events::add);
    events.add(Outcomes.worked(activity, c, "replied to the customer", next.assignee, null));
    Conversation.answer(
            next,
            messageId("reply", c.commandId(), domain),
            InquiryCase.MessageKind.REPLY,
            c.actor(),
            c.text(),
            c.at())
        .ifPresent(events::add);
    return Outcomes.accept(next, c, events, null);
  }

  static Step requestInfo(InquiryCase current, CaseCommand.RequestInfo c, String domain) {
    if (!current.isOpen()) {
      return Outcomes.refuse(current, c, new Refusal.Conflict("the inquiry is resolved"));
    }
    if (c.text() == null || c.text().isBlank()) {
      return Outcomes.refuse(
          current, c, new Refusal.Invalid("a request for information needs the question"));
    }
    InquiryCase.Edit next = current.edit();
    boolean first = next.firstResponseAt == null;
    if (first) {
      next.firstResponseAt = c.at();
    }
    next.status = CaseStatus.WAITING_FOR_CUSTOMER;
    next.log(c.at(), Activity.INFO_REQUESTED, c.actor(), "asked the customer for information");
    List<CaseEvent> events = new ArrayList<>();
    if (first) {
      events.add(
          Outcomes.worked(
              Activity.FIRST_RESPONDED,
              c,
              "first response: information requested",
              next.assignee,
              null));
    }
    events.add(
        Outcomes.worked(
            Activity.INFO_REQUESTED, c, "asked the customer for information", next.assignee, null));
    SlaPause.pause(next, c.at(), c.actor()).ifPresent(events::add);
    Conversation.answer(
            next,
            messageId("info-request", c.commandId(), domain),
            InquiryCase.MessageKind.INFORMATION_REQUEST,
            c.actor(),
            c.text(),
            c.at())
        .ifPresent(events::add);
    return Outcomes.accept(next, c, events, null);
  }

  static Step note(InquiryCase current, CaseCommand.Note c) {
    if (c.text() == null || c.text().isBlank()) {
      return Outcomes.refuse(current, c, new Refusal.Invalid("a note needs text"));
    }
    InquiryCase.Edit next =
        current.edit().log(c.at(), Activity.NOTE_ADDED, c.actor(), "internal note");
    Conversation.addNote(next, "note-" + c.commandId(), c.actor(), c.text(), c.at());
    return Outcomes.accept(
        next, c, Outcomes.worked(Activity.NOTE_ADDED, c, "internal note", null, null));
  }

  /**
   * Answers and resolves a just-opened simple inquiry from the ledger, at first contact: the answer
   * is the first response, and the case resolves as AUTO_ANSWERED.
   */
  static Step autoAnswered(InquiryCase opened, String answer, Instant at, String domain) {
    InquiryCase.Edit next = opened.edit();
    String contact =
        opened.conversation().stream()
            .filter(m -> m.kind().inbound() && m.contactName() != null)
            .map(InquiryCase.Message::contactName)
            .reduce((a, b) -> b)
            .orElse("customer");
    String letter =
        "Dear "
            + contact
            + ",\n\nthank you for your inquiry. Our ledger shows:\n\n"
            + answer
            + "\n\nKind regards\nAccounts receivable";
    Optional<CaseEvent.Outbound> outbound =
        Conversation.answer(
            next,
            messageId("auto-answer", opened.inquiryId(), domain),
            InquiryCase.MessageKind.AUTO_ANSWER,
            AUTO_RESPONDER,
            letter,
            at);
    next.firstResponseAt = at;
    next.assignee = AUTO_RESPONDER;
    next.log(
        at,
        Activity.FIRST_RESPONDED,
        AUTO_RESPONDER,
        "answered from the ledger: " + answer.replace('\n', ';'));
    next.status = CaseStatus.RESOLVED;
    next.resolvedAt = at;
    next.resolution =
        new InquiryCase.Resolution("AUTO_ANSWERED", null, next.types, AUTO_RESPONDER, true);
    next.log(at, Activity.RESOLVED, AUTO_RESPONDER, "AUTO_ANSWERED, first contact");
    InquiryCase resolved = next.build();
    List<CaseEvent> events = new ArrayList<>();
    events.add(
        new CaseEvent.Worked(
            Activity.FIRST_RESPONDED,
            AUTO_RESPONDER,
            "answered from the ledger",
            AUTO_RESPONDER,
            null,
            null,
            List.of()));
    outbound.ifPresent(events::add);
    events.add(new CaseEvent.Resolved(resolved));
    return new Step(resolved, events, null);
  }

  /**
   * A simple request that was not answered automatically: the reason is on the timeline (and the
   * audit trail), and the case stays with its agents.
   */
  static Step autoAnswerWithheld(InquiryCase opened, String reason, Instant at) {
    String detail = "not answered automatically: " + reason;
    return Step.of(
        opened.edit().log(at, Activity.AUTO_ANSWER_WITHHELD, AUTO_RESPONDER, detail).build(),
        CaseEvent.Worked.by(AUTO_RESPONDER, Activity.NOTE_ADDED, detail));
  }
}
