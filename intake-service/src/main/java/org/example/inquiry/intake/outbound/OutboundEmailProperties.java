package org.example.inquiry.intake.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The email sender's knobs ({@code intake.outbound.email.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*}.
 *
 * @param from the sender address of answers to customers
 * @param maxAttempts attempts per message before it is reported FAILED (at least 1)
 * @param firstRetryDelay the wait before the second attempt; doubled for each further one
 * @param maxRetryDelay the longest wait between two attempts
 */
@ConfigurationProperties("intake.outbound.email")
public record OutboundEmailProperties(
    String from, int maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay) {

  public OutboundEmailProperties {
    from =
        from == null || from.isBlank() ? "Accounts receivable <ar@inquiry-platform.invalid>" : from;
    maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
    firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(1) : firstRetryDelay;
    maxRetryDelay = maxRetryDelay == null ? Duration.ofSeconds(8) : maxRetryDelay;
  }
}
