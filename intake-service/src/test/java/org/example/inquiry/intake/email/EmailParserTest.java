package org.example.inquiry.intake.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
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
  void multipartMessagePrefersPlainTextAndListsAttachmentsWithSizeAndHash() {
    ParsedEmail email = EmailParser.parse(sample("with-attachments.eml"));

    assertThat(email.text()).startsWith("Our order PO-5521").doesNotContain("<p>");
    assertThat(email.attachments()).hasSize(2);
    ParsedEmail.AttachmentInfo pdf = email.attachments().get(0);
    assertThat(pdf.fileName()).isEqualTo("bill-of-lading.pdf");
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.sizeBytes()).isEqualTo(54);
    assertThat(pdf.sha256()).hasSize(64);
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
}
