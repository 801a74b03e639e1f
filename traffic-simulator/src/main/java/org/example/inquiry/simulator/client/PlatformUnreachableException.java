package org.example.inquiry.simulator.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** A service of the platform did not answer at all (refused connection, timeout). */
public class PlatformUnreachableException extends UncheckedIOException {

  private final String service;
  private final URI base;

  public PlatformUnreachableException(String service, URI base, IOException cause) {
    super(
        service
            + " does not answer on "
            + base
            + " ("
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
            + ")",
        cause);
    this.service = service;
    this.base = base;
  }

  /** intake, resolution or metrics. */
  public String service() {
    return service;
  }

  public URI base() {
    return base;
  }
}
