package org.example.inquiry.platform.streams;

/**
 * A state store cannot answer now (Kafka Streams starting or rebalancing, or the instance that owns
 * the key did not answer): the caller should retry shortly. The web layer answers 503.
 */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}
