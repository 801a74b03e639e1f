package org.example.inquiry.intake.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.example.inquiry.intake.customers.CustomerLinking;
import org.example.inquiry.intake.customers.CustomerLookup;
import org.example.inquiry.intake.customers.CustomerProfile;
import org.example.inquiry.intake.ledger.InvoiceOwners;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers submissions from every channel, once: a repeat of an idempotency key returns the same
 * inquiry id and publishes nothing. Blocking; HTTP adapters call it on a bounded-elastic thread,
 * the Kafka adapter inside its listener transaction.
 */
@Component
public class InquiryIntake {

  private static final Logger log = LoggerFactory.getLogger(InquiryIntake.class);

  /** What happened to a submission. */
  public sealed interface Outcome permits Registered, Duplicate {
    String inquiryId();
  }

  /** A new inquiry was registered and published. */
  public record Registered(String inquiryId, InquiryReceived event) implements Outcome {}

  /** The idempotency key was seen before: nothing was published. */
  public record Duplicate(String inquiryId) implements Outcome {}

  private final CustomerLookup customers;
  private final InquiryIndex index;
  private final EventPublisher publisher;
  private final Clock clock;
  private final InvoiceOwners invoiceOwners;
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  InquiryIntake(
      CustomerLookup customers,
      InvoiceOwners invoiceOwners,
      InquiryIndex index,
      EventPublisher publisher) {
    this.customers = customers;
    this.invoiceOwners = invoiceOwners;
    this.index = index;
    this.publisher = publisher;
    this.clock = Clock.systemUTC();
  }

  /**
   * Registers a submission.
   *
   * @param namespace scope of the idempotency key (the submitter, or "email" for Message-IDs)
   */
  public Outcome register(Submission submission, String namespace) {
    return register(submission, namespace, List.of());
  }

  /**
   * Registers a submission with records that belong to it (its attached files' content): they are
   * published in the inquiry's transaction when it is registered now, and not at all for a repeat.
   */
  public Outcome register(
      Submission submission, String namespace, List<EventPublisher.Outgoing> alongside) {
    String inquiryId = InquiryRegistration.inquiryIdFor(namespace, submission.idempotencyKey());
    Object lock = locks.computeIfAbsent(inquiryId, id -> new Object());
    synchronized (lock) {
      try {
        if (submission.idempotencyKey() != null && index.isRegistered(inquiryId)) {
          log.info(
              "Repeat of inquiry {} from {}: nothing published",
              inquiryId,
              submission.submittedBy());
          return new Duplicate(inquiryId);
        }
        var now = clock.instant();
        var link =
            CustomerLinking.link(
                submission.statedCustomerId(),
                submission.contactEmail(),
                customers,
                InquiryRegistration.today(now));
        InquiryReceived event =
            InquiryRegistration.register(
                submission,
                inquiryId,
                UUID.randomUUID().toString(),
                now,
                link,
                ReferenceCheck.referencesBelongToCustomer(
                    submission.references(),
                    link.customer().map(CustomerProfile::customerId).orElse(null),
                    invoiceOwners::ownerOf));
        List<EventPublisher.Outgoing> records = new ArrayList<>(alongside);
        records.add(
            new EventPublisher.Outgoing(Topics.INQUIRIES_RECEIVED.name(), inquiryId, event));
        publisher.publish(records.toArray(EventPublisher.Outgoing[]::new));
        index.registered(inquiryId);
        // Never log bodies or addresses: personal data. One line per inquiry: DEBUG, the
        // inquiries-received event is the record of it (the log was a tenth of the listener's
        // time).
        log.debug(
            "Registered inquiry {} via {} from {} ({}, KYC {}, sender {}, references {})",
            inquiryId,
            event.getChannel(),
            submission.submittedBy(),
            event.getLinkage(),
            event.getKycStatus(),
            event.getSenderIsRegisteredContact(),
            event.getReferencesBelongToCustomer());
        return new Registered(inquiryId, event);
      } finally {
        locks.remove(inquiryId);
      }
    }
  }
}
