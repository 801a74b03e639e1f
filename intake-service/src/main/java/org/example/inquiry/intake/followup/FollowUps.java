package org.example.inquiry.intake.followup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.intake.registration.InquiryIndex;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.schemas.Attachment;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.InquiryFollowedUp;
import org.example.inquiry.schemas.InquiryRated;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Customer contacts after the first one: follow-ups on an open inquiry (any channel) and
 * satisfaction ratings after resolution. Each becomes its own event, published once per key.
 */
@Component
public class FollowUps {

  private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

  /** Whether a follow-up was published now or had been before. */
  public enum Result {
    PUBLISHED,
    DUPLICATE
  }

  /** Why a follow-up or rating was refused. */
  public enum Refusal {
    /** No such inquiry was registered. */
    UNKNOWN_INQUIRY,
    /** Feedback comes after resolution, and the inquiry is not resolved. */
    NOT_RESOLVED
  }

  /** A refused follow-up or rating; nothing was published. */
  public static final class Refused extends RuntimeException {
    private final Refusal refusal;

    Refused(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  private final InquiryIndex index;
  private final EventPublisher publisher;
  private final Clock clock = Clock.systemUTC();

  FollowUps(InquiryIndex index, EventPublisher publisher) {
    this.index = index;
    this.publisher = publisher;
  }

  /**
   * Records a follow-up on a registered inquiry.
   *
   * @param idempotencyKey channel message id or client key; null publishes unconditionally
   */
  public Result followUp(
      String inquiryId,
      Channel channel,
      String idempotencyKey,
      String submittedBy,
      Contact contact,
      String subject,
      String body,
      List<Attachment> attachments) {
    return followUp(
        inquiryId,
        channel,
        idempotencyKey,
        submittedBy,
        contact,
        subject,
        body,
        attachments,
        List.of());
  }

  /**
   * Records a follow-up with records that belong to it (its attached files' content), published in
   * its transaction when it is published now, and not at all for a repeat.
   */
  public Result followUp(
      String inquiryId,
      Channel channel,
      String idempotencyKey,
      String submittedBy,
      Contact contact,
      String subject,
      String body,
      List<Attachment> attachments,
      List<EventPublisher.Outgoing> alongside) {
    requireKnown(inquiryId);
    String eventId = eventId("follow-up", inquiryId, idempotencyKey);
    synchronized (this) {
      if (idempotencyKey != null && index.isFollowUpKnown(eventId)) {
        return Result.DUPLICATE;
      }
      InquiryFollowedUp event =
          InquiryFollowedUp.newBuilder()
              .setEventId(eventId)
              .setInquiryId(inquiryId)
              .setOccurredAt(clock.instant())
              .setChannel(channel)
              .setChannelMessageId(idempotencyKey)
              .setSubmittedBy(submittedBy)
              .setContact(contact)
              .setSubject(subject == null ? "" : subject)
              .setBody(body == null ? "" : body)
              .setAttachments(attachments)
              .build();
      List<EventPublisher.Outgoing> records = new ArrayList<>(alongside);
      records.add(
          new EventPublisher.Outgoing(Topics.INQUIRIES_FOLLOWED_UP.name(), inquiryId, event));
      publisher.publish(records.toArray(EventPublisher.Outgoing[]::new));
      index.followedUp(eventId);
    }
    log.info("Follow-up on inquiry {} via {}", inquiryId, channel);
    return Result.PUBLISHED;
  }

  /** Records the customer's rating of a resolved inquiry. */
  public void rate(
      String inquiryId,
      int score,
      String comment,
      Channel channel,
      String submittedBy,
      String idempotencyKey) {
    requireKnown(inquiryId);
    if (!index.isResolved(inquiryId)) {
      throw new Refused(
          Refusal.NOT_RESOLVED,
          "Inquiry " + inquiryId + " is not resolved yet; feedback is taken after resolution");
    }
    InquiryRated event =
        InquiryRated.newBuilder()
            .setEventId(eventId("rating", inquiryId, idempotencyKey))
            .setInquiryId(inquiryId)
            .setOccurredAt(clock.instant())
            .setScore(score)
            .setComment(comment)
            .setChannel(channel)
            .setSubmittedBy(submittedBy)
            .build();
    publisher.publish(Topics.INQUIRIES_RATED.name(), inquiryId, event);
    log.info("Inquiry {} rated {}", inquiryId, score);
  }

  private void requireKnown(String inquiryId) {
    if (!index.isRegistered(inquiryId)) {
      throw new Refused(Refusal.UNKNOWN_INQUIRY, "No inquiry " + inquiryId + " was registered");
    }
  }

  private static String eventId(String kind, String inquiryId, String key) {
    if (key == null || key.isBlank()) {
      return UUID.randomUUID().toString();
    }
    return UUID.nameUUIDFromBytes(
            (kind + ":" + inquiryId + ":" + key).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
