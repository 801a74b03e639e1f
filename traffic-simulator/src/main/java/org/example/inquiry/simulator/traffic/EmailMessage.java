package org.example.inquiry.simulator.traffic;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Builds the raw RFC 822 / MIME message an inbound-mail gateway would deliver for an inquiry:
 * From/To/Subject/Message-ID/Date headers, a single {@code text/plain; charset=UTF-8} part in
 * quoted-printable, RFC 2047 encoded words for non-ASCII names and subjects, CRLF line ends.
 */
public final class EmailMessage {

  /** The finance organisation's inbound address the customers write to. */
  public static final String TO = "Customer Finance <customer.finance@inquiry-platform.example>";

  private static final DateTimeFormatter RFC_5322_DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

  private EmailMessage() {}

  /** The Message-ID (with angle brackets) the simulator gives an inquiry's email. */
  public static String messageId(GeneratedInquiry inquiry) {
    String email = inquiry.contactEmail();
    return "<" + inquiry.key() + "@" + email.substring(email.indexOf('@') + 1) + ">";
  }

  public static byte[] rfc822(GeneratedInquiry inquiry, ZonedDateTime date) {
    StringBuilder m = new StringBuilder();
    header(m, "From", address(inquiry.contactName(), inquiry.contactEmail()));
    header(m, "To", TO);
    header(m, "Subject", encodedWordIfNeeded(inquiry.subject()));
    header(m, "Date", RFC_5322_DATE.format(date));
    header(m, "Message-ID", messageId(inquiry));
    header(m, "MIME-Version", "1.0");
    header(m, "Content-Type", "text/plain; charset=UTF-8");
    header(m, "Content-Transfer-Encoding", "quoted-printable");
    m.append("\r\n");
    m.append(quotedPrintable(inquiry.body()));
    return m.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void header(StringBuilder m, String name, String value) {
    m.append(name).append(": ").append(value).append("\r\n");
  }

  static String address(String name, String email) {
    if (name == null || name.isBlank()) {
      return "<" + email + ">";
    }
    if (!isAscii(name)) {
      return encodedWord(name) + " <" + email + ">";
    }
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + email + ">";
  }

  static String encodedWordIfNeeded(String text) {
    String oneLine = text.replaceAll("[\\r\\n]+", " ");
    return isAscii(oneLine) ? oneLine : encodedWord(oneLine);
  }

  private static String encodedWord(String text) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  /**
   * Quoted-printable (RFC 2045 6.7) of UTF-8 text: lines end in CRLF, at most 76 characters with
   * soft breaks, trailing blanks encoded.
   */
  static String quotedPrintable(String text) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    for (int l = 0; l < lines.length; l++) {
      byte[] bytes = lines[l].getBytes(StandardCharsets.UTF_8);
      int column = 0;
      for (int i = 0; i < bytes.length; i++) {
        int b = bytes[i] & 0xff;
        boolean last = i == bytes.length - 1;
        String token;
        if ((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)) {
          token = String.valueOf((char) b);
        } else {
          token = String.format(Locale.ROOT, "=%02X", b);
        }
        if (column + token.length() > 75) {
          out.append("=\r\n");
          column = 0;
        }
        out.append(token);
        column += token.length();
      }
      if (l < lines.length - 1) {
        out.append("\r\n");
      }
    }
    if (!lines[lines.length - 1].isEmpty()) {
      out.append("\r\n");
    }
    return out.toString();
  }
}
