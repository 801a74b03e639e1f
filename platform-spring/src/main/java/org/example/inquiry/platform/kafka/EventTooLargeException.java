package org.example.inquiry.platform.kafka;

/**
 * An event the broker would not take because it is larger than a record may be. Thrown before
 * anything of the publish is committed; HTTP adapters answer it with 413.
 */
public class EventTooLargeException extends RuntimeException {

  public EventTooLargeException(String topic, Throwable cause) {
    super(
        "The request is too large to be recorded on "
            + topic
            + "; shorten the text or send fewer attachments",
        cause);
  }
}
