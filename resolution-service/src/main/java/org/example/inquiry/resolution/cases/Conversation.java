package org.example.inquiry.resolution.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.example.inquiry.resolution.cases.InquiryCase.Delivery;
import org.example.inquiry.resolution.cases.InquiryCase.DeliveryStatus;
import org.example.inquiry.resolution.cases.InquiryCase.Message;
import org.example.inquiry.resolution.cases.InquiryCase.MessageKind;
import org.example.inquiry.schemas.Channel;

/**
 * The conversation on a case: the customer's messages as intake received them, what we answered and
 * internal notes, in order; and for each answer, the outbound message to publish for its channel,
 * addressed to the customer's latest contact and threaded to their messages (subject tag {@code
 * [INQ-<id>]}, In-Reply-To, References). Pure.
 */
public final class Conversation {

  /** The outbound messages' id domain (their email Message-ID is {@code <id>@<domain>}). */
  public static final String DEFAULT_MESSAGE_ID_DOMAIN = "inquiry-platform.invalid";

  private static final Pattern REPLY_PREFIX =
      Pattern.compile("^((re|aw|sv|fw|fwd)\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

  private Conversation() {}

  /** What a sender reported about an outbound message. */
  public record DeliveryReport(
      String messageId, boolean sent, int attempts, String detail, String reportedBy, Instant at) {}

  /** The tag that threads an email about the inquiry to it. */
  public static String tag(String inquiryId) {
    return "[INQ-" + inquiryId + "]";
  }

  /**
   * Adds a message of the customer once (a replayed one is ignored), in time order.
   *
   * @return true when it was new
   */
  static boolean addInbound(InquiryCase.Edit next, Message message) {
    if (next.conversation.stream().anyMatch(m -> m.messageId().equals(message.messageId()))) {
      return false;
    }
    next.conversation.add(message);
    next.conversation.sort(Comparator.comparing(Message::at));
    return true;
  }

  /** An internal note on the conversation. */
  static void addNote(
      InquiryCase.Edit next, String noteId, String author, String text, Instant at) {
    next.conversation.add(
        new Message(
            noteId,
            MessageKind.NOTE,
            at,
            author,
            null,
            null,
            null,
            null,
            text,
            List.of(),
            false,
            null));
  }

  /**
   * Puts an answer to the customer on the conversation and returns the message to publish, or empty
   * when there is nobody to send it to (no customer message with an address): then the answer stays
   * on the case as {@code UNDELIVERABLE}.
   */
  static Optional<CaseEvent.Outbound> answer(
      InquiryCase.Edit next,
      String messageId,
      MessageKind kind,
      String author,
      String text,
      Instant at) {
    Optional<Message> latest =
        next.conversation.stream()
            .filter(m -> m.kind().inbound() && m.contactEmail() != null)
            .reduce((a, b) -> b);
    Message opening =
        next.conversation.stream().filter(m -> m.kind().inbound()).findFirst().orElse(null);
    String subject = subject(next.inquiryId, opening == null ? null : opening.subject());
    Channel channel =
        latest.map(Message::channel).orElse(next.context == null ? null : next.context.channel());
    Message to = latest.orElse(null);
    next.conversation.add(
        new Message(
            messageId,
            kind,
            at,
            author,
            channel,
            to == null ? null : to.contactName(),
            to == null ? null : to.contactEmail(),
            subject,
            text,
            List.of(),
            true,
            to == null
                ? new Delivery(
                    DeliveryStatus.UNDELIVERABLE,
                    0,
                    "no customer message with an address to answer",
                    null,
                    at)
                : Delivery.pending(at)));
    if (to == null) {
      return Optional.empty();
    }
    List<String> thread = new ArrayList<>();
    for (Message m : next.conversation) {
      if (m.channel() == Channel.EMAIL
          && m.kind() != MessageKind.NOTE
          && !m.messageId().equals(messageId)) {
        thread.add(m.messageId());
      }
    }
    String inReplyTo = to.channel() == Channel.EMAIL ? to.messageId() : null;
    return Optional.of(
        new CaseEvent.Outbound(
            messageId,
            kind,
            channel,
            next.context == null ? null : next.context.customerId(),
            to.contactName(),
            to.contactEmail(),
            subject,
            text,
            inReplyTo,
            thread,
            author));
  }

  /** {@code Re: <the customer's subject> [INQ-<id>]}, whatever reply prefixes it had. */
  static String subject(String inquiryId, String customerSubject) {
    String base =
        customerSubject == null || customerSubject.isBlank()
            ? "Your inquiry"
            : REPLY_PREFIX.matcher(customerSubject.strip()).replaceFirst("");
    String tag = tag(inquiryId);
    return "Re: " + (base.contains(tag) ? base : base + " " + tag);
  }

  /**
   * A sender's report on an outbound message: the delivery on the message, and on the timeline a
   * sent message and, as an alert to its assignee, a failed one. A report for a message the case
   * does not have, or one that changes nothing, is ignored (reports are replayed).
   */
  static Step delivered(InquiryCase current, DeliveryReport report) {
    if (current == null) {
      throw new IllegalArgumentException(
          "no case for the delivery of message " + report.messageId());
    }
    Message message = current.message(report.messageId());
    if (message == null || !message.kind().outbound()) {
      return Step.of(current);
    }
    DeliveryStatus status = report.sent() ? DeliveryStatus.SENT : DeliveryStatus.FAILED;
    Delivery before = message.delivery();
    if (before != null
        && (before.status() == DeliveryStatus.SENT
            || (before.status() == status && before.attempts() >= report.attempts()))) {
      return Step.of(current);
    }
    InquiryCase.Edit next = current.edit();
    next.conversation.replaceAll(
        m ->
            m.messageId().equals(report.messageId())
                ? m.withDelivery(
                    new Delivery(
                        status,
                        report.attempts(),
                        report.detail(),
                        report.reportedBy(),
                        report.at()))
                : m);
    String to = message.contactEmail() == null ? "the customer" : message.contactEmail();
    if (report.sent()) {
      String detail = message.kind() + " sent to " + to + " by " + report.reportedBy();
      next.log(report.at(), Activity.MESSAGE_SENT, report.reportedBy(), detail);
      return Step.of(
          next.build(), CaseEvent.Worked.by(report.reportedBy(), Activity.MESSAGE_SENT, detail));
    }
    String detail =
        message.kind()
            + " to "
            + to
            + " failed after "
            + report.attempts()
            + " attempt(s): "
            + report.detail();
    next.log(report.at(), Activity.MESSAGE_DELIVERY_FAILED, report.reportedBy(), detail);
    return Step.of(
        next.build(),
        new CaseEvent.Worked(
            Activity.MESSAGE_DELIVERY_FAILED,
            report.reportedBy(),
            detail,
            next.assignee,
            next.assignee,
            null,
            List.of()));
  }
}
