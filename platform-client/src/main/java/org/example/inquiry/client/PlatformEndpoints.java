package org.example.inquiry.client;

import java.net.URI;
import java.util.Objects;

/**
 * Where the platform's public HTTP APIs answer: intake (submissions, follow-ups, feedback,
 * customers), resolution (cases, queues, work) and metrics (KPIs).
 *
 * @param intake intake-service's base URI, e.g. {@code http://127.0.0.1:8080}
 * @param resolution resolution-service's base URI, e.g. {@code http://127.0.0.1:8084}
 * @param metrics metrics-service's base URI, e.g. {@code http://127.0.0.1:8085}
 */
public record PlatformEndpoints(URI intake, URI resolution, URI metrics) {

  public PlatformEndpoints {
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** The local stack's ports ({@link LocalPorts}), each shifted by {@code portOffset}. */
  public static PlatformEndpoints local(String host, int portOffset) {
    return new PlatformEndpoints(
        base(host, LocalPorts.of("intake", portOffset)),
        base(host, LocalPorts.of("resolution", portOffset)),
        base(host, LocalPorts.of("metrics", portOffset)));
  }

  private static URI base(String host, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range");
    }
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + port);
  }
}
