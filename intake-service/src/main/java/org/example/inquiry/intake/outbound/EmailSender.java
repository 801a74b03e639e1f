package org.example.inquiry.intake.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.kafka.TransactionalBatches;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.DeliveryStatus;
import org.example.inquiry.schemas.MessageDelivery;
import org.example.inquiry.schemas.OutboundMessage;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The platform's email channel outbound: delivers the EMAIL messages of {@code outbound-messages}
 * over SMTP (Spring's {@link JavaMailSender}, {@code spring.mail.*}) and reports each on {@code
 * message-deliveries}: SENT once the server accepted it, FAILED with the reason after the retries
 * ({@code intake.outbound.email.*}, Spring's {@link RetryTemplate} with exponential back-off) or at
 * once when the message cannot be an email (a bad address). A poll is one Kafka transaction ({@link
 * TransactionalBatches}), its reports committed with its offsets; a crash between the SMTP
 * hand-over and the commit sends the message again with the same Message-ID (at least once), which
 * mail clients show once. Messages of other channels are their adapters' to deliver. Runs when
 * {@code spring.mail.host} is set.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class EmailSender {

  static final String NAME = "intake-email-sender";
  private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

  private final JavaMailSender mail;
  private final EventPublisher publisher;
  private final TransactionalBatches batches;
  private final InternetAddress from;
  private final RetryTemplate retry;
  private final Clock clock = Clock.systemUTC();

  EmailSender(
      JavaMailSender mail,
      EventPublisher publisher,
      TransactionalBatches batches,
      OutboundEmailProperties properties) {
    this.mail = mail;
    this.publisher = publisher;
    this.batches = batches;
    try {
      this.from = new InternetAddress(properties.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "intake.outbound.email.from '" + properties.from() + "' is not an address", e);
    }
    this.retry =
        new RetryTemplate(
            RetryPolicy.builder()
                .maxRetries(properties.maxAttempts() - 1)
                .delay(properties.firstRetryDelay())
                .multiplier(2)
                .maxDelay(properties.maxRetryDelay())
                .includes(MailSendException.class, MailAuthenticationException.class)
                .build());
  }

  // Few records a poll: every message of a poll may take its whole back-off while the SMTP server
  // is down, all inside the poll's transaction.
  @KafkaListener(
      topics = Topics.Names.OUTBOUND_MESSAGES,
      groupId = "${spring.application.name}-email-sender",
      batch = "true",
      properties = "max.poll.records=${intake.outbound.email.max-per-poll:4}")
  void on(List<ConsumerRecord<String, OutboundMessage>> records, Consumer<?, ?> consumer) {
    batches.process(records, consumer, record -> deliver(record.value()));
  }

  void deliver(OutboundMessage message) {
    if (message.getChannel() != Channel.EMAIL) {
      return;
    }
    AtomicInteger attempts = new AtomicInteger();
    MessageDelivery report;
    try {
      retry.execute(
          () -> {
            attempts.incrementAndGet();
            MimeMessage email = mail.createMimeMessage();
            try {
              EmailComposer.compose(email, message, from);
            } catch (MessagingException e) {
              throw new NotAnEmail(e);
            }
            mail.send(email);
            return null;
          });
      report = report(message, DeliveryStatus.SENT, attempts.get(), "accepted by the SMTP server");
      log.info(
          "Sent {} {} of inquiry {} ({} attempt(s))",
          message.getKind(),
          message.getMessageId(),
          message.getInquiryId(),
          attempts.get());
    } catch (RetryException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason =
          cause instanceof NotAnEmail bad
              ? "not an email: " + bad.getCause().getMessage()
              : cause.getClass().getSimpleName() + ": " + rootMessage(cause);
      report = report(message, DeliveryStatus.FAILED, attempts.get(), reason);
      log.warn(
          "Could not send {} of inquiry {} after {} attempt(s): {}",
          message.getMessageId(),
          message.getInquiryId(),
          attempts.get(),
          reason);
    }
    publisher.publish(Topics.MESSAGE_DELIVERIES.name(), message.getInquiryId(), report);
  }

  private MessageDelivery report(
      OutboundMessage message, DeliveryStatus status, int attempts, String detail) {
    return MessageDelivery.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(message.getInquiryId())
        .setOccurredAt(clock.instant())
        .setMessageId(message.getMessageId())
        .setChannel(message.getChannel())
        .setStatus(status)
        .setAttempts(attempts)
        .setDetail(detail)
        .setDeliveredBy(NAME)
        .build();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  /** The message cannot be made an email: retrying will not help. */
  static final class NotAnEmail extends RuntimeException {
    NotAnEmail(MessagingException cause) {
      super(cause);
    }
  }
}
