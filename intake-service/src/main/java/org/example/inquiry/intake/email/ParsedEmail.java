package org.example.inquiry.intake.email;

import java.util.List;

/**
 * What intake takes from an inbound email.
 *
 * @param messageId the Message-ID without angle brackets, or null when the message has none
 * @param threadIds In-Reply-To and References ids, most recent first, without angle brackets
 * @param fromName display name of the sender
 * @param fromEmail sender address, lower-case
 * @param subject decoded subject, empty when missing
 * @param text plain text body; HTML-only messages converted to text
 * @param attachments the attached files, with their content
 */
public record ParsedEmail(
    String messageId,
    List<String> threadIds,
    String fromName,
    String fromEmail,
    String subject,
    String text,
    List<AttachmentInfo> attachments) {

  /**
   * One attached file: its metadata, a SHA-256 of its content, and the content as decoded from its
   * transfer encoding.
   */
  public record AttachmentInfo(
      String fileName, String contentType, long sizeBytes, String sha256, byte[] content) {}
}
