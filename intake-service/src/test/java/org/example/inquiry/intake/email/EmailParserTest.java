package org.example.inquiry.intake.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

public class EmailParserTest {

  public static byte[] sample(String name) {
    try (InputStream in = EmailParserTest.class.getResourceAsStream("/email/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void plainTextMessageGivesSenderSubjectDecodedBodyAndMessageId() {
    ParsedEmail email = EmailParser.parse(sample("plain.eml"));

    assertThat(email.messageId()).isEqualTo("plain-0001@mail.acme.example");
    assertThat(email.fromEmail()).isEqualTo("dana.ortiz@acme.example");
    assertThat(email.fromName()).isEqualTo("Dana Ortiz");
    assertThat(email.subject()).isEqualTo("Invoice INV-2026-000123 amount looks wrong");
    assertThat(email.text()).contains("USD 20,500.00 – please check").doesNotContain("=E2");
    assertThat(email.attachments()).isEmpty();
    assertThat(email.threadIds()).isEmpty();
  }

  @Test
  void htmlOnlyMessageIsConvertedToReadableText() {
    ParsedEmail email = EmailParser.parse(sample("html-only.eml"));

    assertThat(email.text())
        .contains("Hi team,")
        .contains("Did you receive our payment of EUR 4,800 for INV-2026-000098?")
        .contains("Paid on 20 Nov")
        .doesNotContain("<p>", "color:red");
    assertThat(email.text().lines()).contains("Thanks", "Lee");
  }

  @Test
  void multipartMessagePrefersPlainTextAndListsAttachmentsWithSizeAndHash() throws Exception {
    ParsedEmail email = EmailParser.parse(sample("with-attachments.eml"));

    assertThat(email.text()).startsWith("Our order PO-5521").doesNotContain("<p>");
    assertThat(email.attachments()).hasSize(2);
    ParsedEmail.AttachmentInfo pdf = email.attachments().get(0);
    assertThat(pdf.fileName()).isEqualTo("bill-of-lading.pdf");
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.sizeBytes()).isEqualTo(54);
    byte[] decoded =
        java.util.Base64.getDecoder()
            .decode("JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK");
    assertThat(pdf.content()).as("the decoded bytes, not the base64 text").isEqualTo(decoded);
    assertThat(pdf.sha256())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(decoded)));
    assertThat(email.attachments().get(1).fileName()).isEqualTo("pallet.png");
  }

  @Test
  void aReplyCarriesItsThreadIdsMostRecentFirst() {
    ParsedEmail email = EmailParser.parse(sample("reply.eml"));

    assertThat(email.threadIds())
        .containsExactly("reply-from-finance-1@finance.example", "lc-0001@mail.acme.example");
  }

  @Test
  void garbageAndMessagesWithoutSenderAreRefusedWithAReason() {
    assertThatThrownBy(() -> EmailParser.parse(sample("garbage.eml")))
        .isInstanceOf(EmailParseException.class);
    assertThatThrownBy(() -> EmailParser.parse(new byte[0])).hasMessageContaining("empty");
    assertThatThrownBy(() -> EmailParser.parse("Subject: hi\r\n\r\nbody".getBytes()))
        .hasMessageContaining("From");
  }

  static byte[] email(String subject, String text, int attachments) {
    StringBuilder m = new StringBuilder();
    m.append("From: Dana Ortiz <dana.ortiz@acme.example>\r\n")
        .append("To: ar@finance.example\r\n")
        .append("Subject: ")
        .append(subject)
        .append("\r\nMessage-ID: <limits-")
        .append(attachments)
        .append("@acme.example>\r\nMIME-Version: 1.0\r\n");
    if (attachments == 0) {
      m.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(text).append("\r\n");
    } else {
      m.append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n")
          .append("--b\r\nContent-Type: text/plain\r\n\r\n")
          .append(text)
          .append("\r\n");
      for (int i = 0; i < attachments; i++) {
        m.append("--b\r\nContent-Type: application/octet-stream\r\n")
            .append("Content-Disposition: attachment; filename=\"a")
            .append(i)
            .append(".bin\"\r\n\r\nx\r\n");
      }
      m.append("--b--\r\n");
    }
    return m.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMessageWithinTheLimitsIsParsed() {
    ParsedEmail parsed = EmailParser.parse(email("Invoice copy", "Please resend INV-1.", 50));

    assertThat(parsed.attachments()).hasSize(50);
  }

  @Test
  void tooLargeMessagesTextsAndAttachmentCountsAreRefusedBeforeAnythingIsRecorded() {
    EmailLimits limits = EmailLimits.defaults();
    assertThatThrownBy(() -> EmailParser.parse(new byte[limits.maxBytes() + 1], limits))
        .isInstanceOf(EmailTooLargeException.class)
        .hasMessageContaining("bytes");
    assertThatThrownBy(() -> EmailParser.parse(email("Long", "a".repeat(100_001), 0)))
        .isInstanceOf(EmailTooLargeException.class)
        .hasMessageContaining("characters");
    assertThatThrownBy(() -> EmailParser.parse(email("Many", "see attached", 51)))
        .isInstanceOf(EmailTooLargeException.class)
        .hasMessageContaining("attachments");
    assertThatThrownBy(() -> EmailParser.parse(email("Tiny", "see attached", 20_000)))
        .isInstanceOf(EmailTooLargeException.class);
  }

  @Test
  void aSubjectLongerThanTheLimitIsABadRequest() {
    assertThatThrownBy(() -> EmailParser.parse(email("s".repeat(501), "text", 0)))
        .isInstanceOf(EmailParseException.class)
        .hasMessageContaining("subject");
  }

  @Test
  void deeplyNestedMessagesAreRefused() {
    StringBuilder m =
        new StringBuilder("From: x@acme.example\r\nSubject: nest\r\nMIME-Version: 1.0\r\n");
    int depth = 40;
    for (int i = 0; i < depth; i++) {
      m.append("Content-Type: multipart/mixed; boundary=\"b")
          .append(i)
          .append("\"\r\n\r\n--b")
          .append(i)
          .append("\r\n");
    }
    m.append("Content-Type: text/plain\r\n\r\nhello\r\n");
    for (int i = depth - 1; i >= 0; i--) {
      m.append("--b").append(i).append("--\r\n");
    }
    assertThatThrownBy(() -> EmailParser.parse(m.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EmailParseException.class)
        .hasMessageContaining("nests");
  }
}
