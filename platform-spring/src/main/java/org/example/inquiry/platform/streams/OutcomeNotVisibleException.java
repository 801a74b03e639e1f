package org.example.inquiry.platform.streams;

/**
 * A command was published but its outcome did not materialise within the wait: it may still be
 * applied. The web layer answers 504.
 */
public class OutcomeNotVisibleException extends RuntimeException {

  public OutcomeNotVisibleException(String message) {
    super(message);
  }
}
