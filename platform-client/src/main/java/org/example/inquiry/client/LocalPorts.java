package org.example.inquiry.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The local stack's ports on 127.0.0.1 before {@code STACK_PORT_OFFSET}, from the one list {@code
 * ./stack} reads ({@code deploy/local/ports.properties}, packaged with this class).
 */
public final class LocalPorts {

  private static final Properties PORTS = load();

  private LocalPorts() {}

  /** The port of a component of the stack (kafka, registry, intake, resolution, metrics, ...). */
  public static int of(String component, int offset) {
    String port = PORTS.getProperty(component);
    if (port == null) {
      throw new IllegalArgumentException(
          "no port for '" + component + "' in ports.properties; one of " + PORTS.keySet());
    }
    return Integer.parseInt(port.trim()) + offset;
  }

  private static Properties load() {
    Properties ports = new Properties();
    try (InputStream in = LocalPorts.class.getResourceAsStream("ports.properties")) {
      if (in == null) {
        throw new IllegalStateException("ports.properties is not packaged with LocalPorts");
      }
      ports.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ports;
  }
}
