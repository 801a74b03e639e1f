package org.example.inquiry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers a test starts itself. They come from below Linux's ephemeral
 * range (32768 and up): a port the kernel hands out with {@code new ServerSocket(0)} can be taken
 * by any client socket (a Kafka client's connection) before the server binds it.
 */
public final class FreePorts {

  private FreePorts() {}

  public static int next() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 30000 + ThreadLocalRandom.current().nextInt(2700);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // another one
      }
    }
    throw new UncheckedIOException(new IOException("no free loopback port in 30000-32699"));
  }
}
