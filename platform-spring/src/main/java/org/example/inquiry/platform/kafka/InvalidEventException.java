package org.example.inquiry.platform.kafka;

/**
 * An event that deserialized but breaks its contract (a missing id, an impossible value). Never
 * retried: the record goes straight to its dead-letter topic with this message in the headers.
 */
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String message) {
    super(message);
  }
}
