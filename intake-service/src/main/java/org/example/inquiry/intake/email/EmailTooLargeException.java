package org.example.inquiry.intake.email;

/** An email beyond {@link EmailLimits}' size, text or attachment bounds: answered with 413. */
public class EmailTooLargeException extends RuntimeException {

  public EmailTooLargeException(String message) {
    super(message);
  }
}
