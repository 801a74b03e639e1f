package org.example.inquiry.intake.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.stream.Collectors;
import org.example.inquiry.schemas.OutboundMessage;

/**
 * Writes an outbound message as an email: to the customer's contact, from the configured address,
 * with the platform's Message-ID and the thread headers (In-Reply-To, References) that put it in
 * the customer's conversation, plain text in UTF-8.
 */
final class EmailComposer {

  private EmailComposer() {}

  /**
   * Fills {@code mail} from the message.
   *
   * @throws MessagingException when an address or header is unusable (not worth retrying)
   */
  static void compose(MimeMessage mail, OutboundMessage message, InternetAddress from)
      throws MessagingException {
    mail.setFrom(from);
    try {
      String name = message.getTo().getName();
      mail.setRecipient(
          MimeMessage.RecipientType.TO,
          name == null || name.isBlank()
              ? new InternetAddress(message.getTo().getEmail(), true)
              : new InternetAddress(message.getTo().getEmail(), name, "UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("cannot encode the recipient's name", e);
    }
    InternetAddress.parse(message.getTo().getEmail(), true);
    mail.setSubject(message.getSubject(), StandardCharsets.UTF_8.name());
    mail.setText(message.getBody(), StandardCharsets.UTF_8.name());
    mail.setSentDate(Date.from(message.getOccurredAt()));
    mail.setHeader("Message-ID", bracket(message.getMessageId()));
    if (message.getInReplyTo() != null) {
      mail.setHeader("In-Reply-To", bracket(message.getInReplyTo()));
    }
    if (!message.getReferences().isEmpty()) {
      mail.setHeader(
          "References",
          message.getReferences().stream()
              .map(EmailComposer::bracket)
              .collect(Collectors.joining(" ")));
    }
    mail.setHeader("X-Inquiry-Id", message.getInquiryId());
  }

  static String bracket(String id) {
    return id.startsWith("<") ? id : "<" + id + ">";
  }
}
