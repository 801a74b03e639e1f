package org.example.inquiry.intake.email;

/** The bytes are not an email intake can read; the sender gets 400 with this message. */
public class EmailParseException extends RuntimeException {

  public EmailParseException(String message) {
    super(message);
  }
}
