package org.example.inquiry.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** A service of the platform did not answer at all (refused connection, timeout). */
public class PlatformUnreachableException extends UncheckedIOException {

  private final String service;
  private final URI base;
  private final String request;

  /**
   * @param service intake, resolution or metrics
   * @param base the service's base URI
   * @param request what was asked, e.g. {@code POST /api/v1/inquiries}
   */
  public PlatformUnreachableException(String service, URI base, String request, IOException cause) {
    super(
        service
            + " does not answer on "
            + base
            + " ("
            + request
            + ": "
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
            + ")",
        cause);
    this.service = service;
    this.base = base;
    this.request = request;
  }

  /** The request that got no answer, e.g. {@code POST /api/v1/inquiries}. */
  public String request() {
    return request;
  }

  /** intake, resolution or metrics. */
  public String service() {
    return service;
  }

  public URI base() {
    return base;
  }
}
