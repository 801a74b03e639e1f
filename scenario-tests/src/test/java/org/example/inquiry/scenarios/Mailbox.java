package org.example.inquiry.scenarios;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A customer's mailbox on the stack's development mail server, read over IMAP as their mail client
 * would (the server accepts any password; the mailbox is the address).
 */
final class Mailbox {

  /** One received email: its headers and plain-text body. */
  record Email(
      String messageId,
      String inReplyTo,
      String references,
      String subject,
      String from,
      String body) {}

  private final int imapPort;
  private final String address;

  Mailbox(int imapPort, String address) {
    this.imapPort = imapPort;
    this.address = address;
  }

  /** The first email in the inbox that matches, waiting up to the timeout. */
  Optional<Email> await(Predicate<Email> matches, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        Optional<Email> found = read(matches);
        if (found.isPresent()) {
          return found;
        }
      } catch (MessagingException | IOException e) {
        // the mailbox does not exist until the first email to it arrives
      }
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      Thread.sleep(500);
    }
  }

  private Optional<Email> read(Predicate<Email> matches) throws MessagingException, IOException {
    Properties config = new Properties();
    config.put("mail.imap.host", "127.0.0.1");
    config.put("mail.imap.port", Integer.toString(imapPort));
    config.put("mail.imap.connectiontimeout", "5000");
    config.put("mail.imap.timeout", "5000");
    Store store = Session.getInstance(config).getStore("imap");
    store.connect(address, address);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        for (Message message : inbox.getMessages()) {
          Email email =
              new Email(
                  header(message, "Message-ID"),
                  header(message, "In-Reply-To"),
                  header(message, "References"),
                  message.getSubject(),
                  message.getFrom()[0].toString(),
                  message.getContent().toString());
          if (matches.test(email)) {
            return Optional.of(email);
          }
        }
        return Optional.empty();
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }

  private static String header(Message message, String name) throws MessagingException {
    String[] values = message.getHeader(name);
    return values == null || values.length == 0 ? null : values[0];
  }
}
