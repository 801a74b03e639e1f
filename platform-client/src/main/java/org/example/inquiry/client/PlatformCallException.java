package org.example.inquiry.client;

/**
 * A platform call that did not succeed: its status, and the problem+json detail when the service
 * sent one. Thrown by {@link Reply#orThrow(String)}; the client itself never throws on a status.
 */
public class PlatformCallException extends RuntimeException {

  private final transient Reply reply;

  public PlatformCallException(String message, Reply reply) {
    super(message);
    this.reply = reply;
  }

  public Reply reply() {
    return reply;
  }

  public int status() {
    return reply.status();
  }
}
