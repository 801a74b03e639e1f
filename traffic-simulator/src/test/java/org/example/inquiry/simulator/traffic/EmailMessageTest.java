package org.example.inquiry.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.junit.jupiter.api.Test;

class EmailMessageTest {

  private static GeneratedInquiry inquiry(String name, String subject, String body) {
    return new GeneratedInquiry(
        3,
        "sim-test-00003",
        Channel.EMAIL,
        "PORTAL",
        InquiryType.DISPUTE,
        null,
        name,
        "jose.muller@coral-bay.example",
        subject,
        body,
        List.of(),
        null,
        null,
        null,
        null,
        false);
  }

  private static Message parse(byte[] raw) throws IOException {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(MimeConfig.STRICT);
    return builder.parseMessage(new ByteArrayInputStream(raw));
  }

  @Test
  void isAStrictlyParseableMessageWithTheHeadersAGatewayDelivers() throws IOException {
    String longLine =
        "We dispute invoice INV-2026-000123 ".repeat(6) + "and the total of EUR 1,240.00.";
    String body = "Hello,\n\n" + longLine + "\n\nRegards,\nJosé Müller = Coral Bay\n";
    byte[] raw =
        EmailMessage.rfc822(
            inquiry("José Müller", "Dispute – invoice INV-2026-000123", body),
            ZonedDateTime.parse("2026-11-25T10:15:30+01:00"));

    Message message = parse(raw);

    Mailbox from = message.getFrom().get(0);
    assertThat(from.getAddress()).isEqualTo("jose.muller@coral-bay.example");
    assertThat(from.getName()).isEqualTo("José Müller");
    assertThat(message.getSubject()).isEqualTo("Dispute – invoice INV-2026-000123");
    assertThat(message.getMessageId()).isEqualTo("<sim-test-00003@coral-bay.example>");
    assertThat(message.getDate()).isNotNull();
    assertThat(message.getMimeType()).isEqualTo("text/plain");
    assertThat(message.getCharset()).isEqualToIgnoringCase("UTF-8");
    String text =
        new String(
            ((TextBody) message.getBody()).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(text.replace("\r\n", "\n")).isEqualTo(body);
  }

  @Test
  void isSevenBitWithShortLines() {
    byte[] raw =
        EmailMessage.rfc822(
            inquiry("Ana Weber", "Copy of invoice", "ÄÖÜ ".repeat(60) + "trailing space "),
            ZonedDateTime.parse("2026-11-25T10:15:30Z"));

    String text = new String(raw, StandardCharsets.ISO_8859_1);
    assertThat(text.chars()).allMatch(c -> c < 128);
    for (String line : text.split("\r\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(78);
    }
    assertThat(text).contains("From: \"Ana Weber\" <jose.muller@coral-bay.example>\r\n");
  }
}
