package org.example.inquiry.schemas.registry;

/**
 * A schema registry refused or failed a request. Carries the HTTP status and the Confluent error
 * code (for example 409 with 409 for an incompatible schema, 404 with 40403 for an unknown id).
 */
public class SchemaRegistryException extends RuntimeException {

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
    this.errorCode = -1;
  }

  /** HTTP status, or -1 when the registry could not be reached. */
  public int status() {
    return status;
  }

  /** Confluent error code from the response body, or -1. */
  public int errorCode() {
    return errorCode;
  }

  public boolean isIncompatible() {
    return status == 409;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  /**
   * The registry could not answer (unreachable, timed out, or a 5xx such as a registry still
   * loading its log): an outage to wait out, never a verdict on the schema.
   */
  public boolean isUnavailable() {
    return status == -1 || status >= 500;
  }
}
