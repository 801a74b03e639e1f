package org.example.inquiry.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port that records every request and answers with
 * scripted responses per path (200 {} unless told otherwise).
 */
final class RecordingServer implements AutoCloseable {

  record Recorded(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  record Scripted(int status, String contentType, String body, long delayMillis) {}

  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();

  RecordingServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getPath();
          requests.add(
              new Recorded(
                  exchange.getRequestMethod(),
                  path,
                  exchange.getRequestURI().getRawQuery(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  body));
          Scripted answer = next(path);
          if (answer.delayMillis() > 0) {
            try {
              Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", answer.contentType());
          exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
          if (out.length > 0) {
            exchange.getResponseBody().write(out);
          }
          exchange.close();
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Answers the next request to {@code path}; the last script of a path repeats. */
  RecordingServer answer(String path, int status, String json) {
    return answerAfter(path, 0, status, json);
  }

  /** Like {@link #answer} but holds the answer back for {@code delayMillis}. */
  RecordingServer answerAfter(String path, long delayMillis, int status, String json) {
    String type = status >= 400 ? "application/problem+json" : "application/json";
    scripts
        .computeIfAbsent(path, p -> new ArrayDeque<>())
        .addLast(new Scripted(status, type, json, delayMillis));
    return this;
  }

  private Scripted next(String path) {
    Deque<Scripted> queue = scripts.get(path);
    if (queue == null || queue.isEmpty()) {
      return new Scripted(200, "application/json", "{}", 0);
    }
    synchronized (queue) {
      return queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Recorded> requests() {
    return requests;
  }

  Recorded last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
