package org.example.inquiry.intake.email;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What an inbound email may be, checked before anything is recorded: larger messages, longer texts
 * or more attachments are refused with 413, a longer subject or sender name with 400. The defaults
 * keep the recorded event well under Kafka's default 1 MiB record size.
 *
 * @param maxBytes the raw message
 * @param maxTextChars the plain-text body
 * @param maxAttachments attachments (their metadata goes on the inquiry, their content on {@code
 *     attachment-contents})
 * @param maxSubjectChars the decoded subject
 * @param maxNameChars the sender's display name and each attachment's file name
 */
@Validated
@ConfigurationProperties("intake.email")
public record EmailLimits(
    @DefaultValue("5242880") @Positive int maxBytes,
    @DefaultValue("100000") @Positive int maxTextChars,
    @DefaultValue("50") @Positive int maxAttachments,
    @DefaultValue("500") @Positive int maxSubjectChars,
    @DefaultValue("255") @Positive int maxNameChars) {

  /** The defaults, for tests and tools. */
  public static EmailLimits defaults() {
    return new EmailLimits(5 * 1024 * 1024, 100_000, 50, 500, 255);
  }
}
