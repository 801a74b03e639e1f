package org.example.inquiry.intake.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;

/**
 * Parses a raw RFC 822 / MIME message with Apache James mime4j: sender, subject, the plain-text
 * body (text/plain preferred; HTML converted to text with jsoup), attachments with their content,
 * and the ids that thread a reply. Pure; throws {@link EmailParseException} for what is not an
 * email.
 */
public final class EmailParser {

  private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
  private static final MimeConfig CONFIG =
      new MimeConfig.Builder()
          .setStrictParsing(true)
          .setMaxLineLen(100_000)
          .setMaxHeaderCount(500)
          .setMaxContentLen(25L * 1024 * 1024)
          .build();

  /** Forwarded messages inside forwarded messages: deeper than this is no real email. */
  private static final int MAX_NESTING = 20;

  private EmailParser() {}

  /** Parses with the default {@link EmailLimits}. */
  public static ParsedEmail parse(byte[] raw) {
    return parse(raw, EmailLimits.defaults());
  }

  /**
   * Parses a message within {@code limits}: {@link EmailTooLargeException} for one that is too
   * large, has too long a text or too many attachments; {@link EmailParseException} for one that is
   * not an email or whose subject or sender name is too long.
   */
  public static ParsedEmail parse(byte[] raw, EmailLimits limits) {
    if (raw == null || raw.length == 0) {
      throw new EmailParseException("The message is empty");
    }
    if (raw.length > limits.maxBytes()) {
      throw new EmailTooLargeException(
          "The message is " + raw.length + " bytes; at most " + limits.maxBytes() + " are taken");
    }
    Message message;
    try {
      DefaultMessageBuilder builder = new DefaultMessageBuilder();
      builder.setMimeEntityConfig(CONFIG);
      message = builder.parseMessage(new ByteArrayInputStream(raw));
    } catch (IOException | RuntimeException e) {
      throw new EmailParseException("Not a parseable RFC 822 message: " + e.getMessage());
    }
    try {
      if (message.getHeader() == null || message.getHeader().getFields().isEmpty()) {
        throw new EmailParseException("The message has no headers");
      }
      Mailbox from =
          message.getFrom() == null || message.getFrom().isEmpty()
              ? null
              : message.getFrom().get(0);
      if (from == null || from.getAddress() == null || !from.getAddress().contains("@")) {
        throw new EmailParseException("The message has no valid From address");
      }
      Content content = new Content(limits);
      collect(message, content, 0);
      String text =
          (content.plain != null
                  ? content.plain
                  : content.html != null ? htmlToText(content.html) : "")
              .strip();
      if (text.length() > limits.maxTextChars()) {
        throw new EmailTooLargeException(
            "The message text is "
                + text.length()
                + " characters; at most "
                + limits.maxTextChars()
                + " are taken (send long documents as attachments)");
      }
      String subject = message.getSubject() == null ? "" : message.getSubject().trim();
      if (subject.length() > limits.maxSubjectChars()) {
        throw new EmailParseException(
            "The subject is "
                + subject.length()
                + " characters; at most "
                + limits.maxSubjectChars()
                + " are taken");
      }
      String fromName = from.getName();
      if (fromName != null && fromName.length() > limits.maxNameChars()) {
        throw new EmailParseException(
            "The sender's name is longer than " + limits.maxNameChars() + " characters");
      }
      if (from.getAddress().length() > 320) {
        throw new EmailParseException("The sender's address is longer than 320 characters");
      }
      return new ParsedEmail(
          stripBrackets(message.getMessageId()),
          threadIds(message),
          fromName,
          from.getAddress().toLowerCase(Locale.ROOT),
          subject,
          text,
          content.attachments);
    } finally {
      message.dispose();
    }
  }

  private static final class Content {
    final EmailLimits limits;
    String plain;
    String html;
    final List<ParsedEmail.AttachmentInfo> attachments = new ArrayList<>();

    Content(EmailLimits limits) {
      this.limits = limits;
    }
  }

  private static void collect(Entity entity, Content content, int depth) {
    if (depth > MAX_NESTING) {
      throw new EmailParseException(
          "The message nests MIME parts deeper than " + MAX_NESTING + " levels");
    }
    Body body = entity.getBody();
    if (body instanceof Multipart multipart) {
      for (Entity part : multipart.getBodyParts()) {
        collect(part, content, depth + 1);
      }
      return;
    }
    if (body instanceof Message nested) {
      collect(nested, content, depth + 1);
      return;
    }
    String mimeType =
        entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
    boolean attachment =
        "attachment".equalsIgnoreCase(entity.getDispositionType())
            || (entity.getFilename() != null && !mimeType.startsWith("text/"))
            || !(mimeType.startsWith("text/plain") || mimeType.startsWith("text/html"));
    if (!attachment && body instanceof TextBody textBody) {
      String text = read(textBody);
      if (mimeType.startsWith("text/html")) {
        content.html = content.html == null ? text : content.html + "\n" + text;
      } else {
        content.plain = content.plain == null ? text : content.plain + "\n" + text;
      }
      return;
    }
    if (body instanceof SingleBody single) {
      if (content.attachments.size() >= content.limits.maxAttachments()) {
        throw new EmailTooLargeException(
            "The message has more than "
                + content.limits.maxAttachments()
                + " attachments; send them in several messages");
      }
      content.attachments.add(attachmentOf(entity, mimeType, single, content.limits));
    }
  }

  private static ParsedEmail.AttachmentInfo attachmentOf(
      Entity entity, String mimeType, SingleBody body, EmailLimits limits) {
    try (InputStream in = body.getInputStream()) {
      // The raw message is bounded (EmailLimits.maxBytes), and so is what its parts decode to.
      byte[] content = in.readAllBytes();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(content);
      // A decoded name may carry control characters (filename*=UTF-8''a%0D%0Ab): never into a
      // header or a log line downstream.
      String name =
          entity.getFilename() == null || entity.getFilename().isBlank()
              ? "attachment"
              : entity.getFilename().replaceAll("\\p{Cntrl}", "_");
      if (name.length() > limits.maxNameChars()) {
        throw new EmailParseException(
            "An attachment's file name is longer than " + limits.maxNameChars() + " characters");
      }
      if (mimeType.length() > 127) {
        throw new EmailParseException("An attachment's content type is longer than 127 characters");
      }
      return new ParsedEmail.AttachmentInfo(
          name, mimeType, content.length, HexFormat.of().formatHex(sha.digest()), content);
    } catch (IOException e) {
      throw new EmailParseException("Unreadable attachment: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(TextBody body) {
    StringBuilder text = new StringBuilder();
    try (Reader reader = body.getReader()) {
      char[] buffer = new char[8192];
      int n;
      while ((n = reader.read(buffer)) > 0) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw new EmailParseException("Unreadable text part: " + e.getMessage());
    }
  }

  static String htmlToText(String html) {
    var document = Jsoup.parse(html);
    document.outputSettings().prettyPrint(false);
    document.select("br").append("\\n");
    document.select("p, div, li, tr, h1, h2, h3, h4").prepend("\\n");
    String text = document.text().replace("\\n", "\n");
    return text.lines()
        .map(String::strip)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("")
        .replaceAll("\n{3,}", "\n\n");
  }

  private static List<String> threadIds(Message message) {
    List<String> ids = new ArrayList<>();
    for (String header : List.of("In-Reply-To", "References")) {
      for (Field field : message.getHeader().getFields(header)) {
        Matcher m = MESSAGE_ID.matcher(field.getBody());
        List<String> found = new ArrayList<>();
        while (m.find()) {
          found.add(m.group(1));
        }
        // References lists oldest first; the most recent are the likeliest to be ours.
        if (header.equals("References")) {
          Collections.reverse(found);
        }
        found.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
      }
    }
    return ids;
  }

  private static String stripBrackets(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    Matcher m = MESSAGE_ID.matcher(id);
    return m.find() ? m.group(1) : id.trim();
  }
}
