package org.example.inquiry.intake.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.intake.registration.InquiryIntake;
import org.example.inquiry.intake.registration.Submission;
import org.example.inquiry.platform.kafka.InvalidEventException;
import org.example.inquiry.platform.kafka.TransactionalBatches;
import org.example.inquiry.schemas.InquirySubmitted;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Channel adapters that publish {@code InquirySubmitted} to Kafka: validated and registered like an
 * HTTP submission, idempotent on the submission id, a whole poll in one Kafka transaction ({@link
 * TransactionalBatches}). An invalid submission goes to {@code inquiries-submitted-dlt} with the
 * reasons in its headers; the rest of its poll is registered once.
 */
@Component
class InquirySubmittedListener {

  private static final Logger log = LoggerFactory.getLogger(InquirySubmittedListener.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final InquiryIntake intake;
  private final TransactionalBatches batches;

  InquirySubmittedListener(InquiryIntake intake, TransactionalBatches batches) {
    this.intake = intake;
    this.batches = batches;
  }

  @KafkaListener(topics = Topics.Names.INQUIRIES_SUBMITTED, batch = "true")
  void on(List<ConsumerRecord<String, InquirySubmitted>> records, Consumer<?, ?> consumer) {
    batches.process(records, consumer, record -> on(record.value()));
  }

  void on(InquirySubmitted submitted) {
    List<String> problems = problems(submitted);
    if (!problems.isEmpty()) {
      throw new InvalidEventException(
          "Invalid submission "
              + submitted.getSubmissionId()
              + " from "
              + submitted.getAdapter()
              + ": "
              + String.join("; ", problems));
    }
    Submission submission =
        new Submission(
            submitted.getChannel(),
            submitted.getAdapter(),
            submitted.getSubmissionId(),
            submitted.getSubmissionId(),
            submitted.getCustomerId(),
            submitted.getContact().getName(),
            submitted.getContact().getEmail(),
            submitted.getSubject(),
            submitted.getBody(),
            submitted.getReferences(),
            submitted.getAmount(),
            submitted.getAttachments());
    InquiryIntake.Outcome outcome =
        intake.register(submission, "adapter:" + submitted.getAdapter());
    log.debug(
        "Adapter {} submission {} -> inquiry {}",
        submitted.getAdapter(),
        submitted.getSubmissionId(),
        outcome.inquiryId());
  }

  /** The same rules as the HTTP channel, for what the Avro schema cannot express. */
  static List<String> problems(InquirySubmitted s) {
    List<String> problems = new ArrayList<>();
    if (s.getSubmissionId() == null
        || s.getSubmissionId().isBlank()
        || s.getSubmissionId().length() > 255) {
      problems.add("submissionId must be 1 to 255 characters");
    }
    if (s.getAdapter() == null || s.getAdapter().isBlank()) {
      problems.add("adapter must not be blank");
    }
    String email = s.getContact() == null ? null : s.getContact().getEmail();
    if (email == null || !EMAIL.matcher(email).matches()) {
      problems.add("contact.email must be a valid address");
    }
    if (s.getSubject() == null || s.getSubject().isBlank() || s.getSubject().length() > 500) {
      problems.add("subject must be 1 to 500 characters");
    }
    if (s.getBody() == null || s.getBody().length() > 100_000) {
      problems.add("body must be at most 100000 characters");
    }
    if (s.getAmount() != null) {
      if (s.getAmount().getAmount().signum() < 0) {
        problems.add("amount must not be negative");
      }
      if (s.getAmount().getCurrency() == null
          || !CURRENCY.matcher(s.getAmount().getCurrency()).matches()) {
        problems.add("amount.currency must be an ISO 4217 code");
      }
    }
    return problems;
  }
}
