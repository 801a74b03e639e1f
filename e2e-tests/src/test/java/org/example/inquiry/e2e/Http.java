package org.example.inquiry.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Plain HTTP calls of the black-box tests, with the answer's status, content type and body. */
final class Http {

  /** What came back. */
  record Answer(int status, String contentType, String body) {

    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    String brief() {
      String text = body == null ? "" : body.replaceAll("\\s+", " ");
      return status
          + " "
          + contentType
          + " "
          + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Requests that got no answer in time on a pooled connection (a finding, reported). */
  static final List<String> HANGS = Collections.synchronizedList(new ArrayList<>());

  private Http() {}

  private static Answer answer(HttpResponse<byte[]> response) {
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        new String(response.body(), StandardCharsets.UTF_8));
  }

  /**
   * Sends {@code method url} with an optional bearer token (sent verbatim after "Bearer "), content
   * type and body.
   */
  static Answer send(
      String method, String url, String token, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return answer(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (HttpTimeoutException e) {
      // No answer in time: try once more on a new connection, and record the hang either way.
      Answer retried;
      HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try {
        retried = answer(fresh.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
      } catch (IOException again) {
        retried = new Answer(0, null, "no answer on a new connection either: " + again);
      } catch (InterruptedException again) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(again);
      }
      HANGS.add(
          method
              + " "
              + abbreviate(url)
              + " ("
              + (body == null ? 0 : body.length)
              + " bytes): no answer within "
              + TIMEOUT.toSeconds()
              + " s on a reused connection; on a new connection: "
              + retried.brief());
      return retried;
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + abbreviate(url) + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Answer get(String url, String token) {
    return send("GET", url, token, null, null);
  }

  static Answer postJson(String url, String token, String json) {
    return send(
        "POST",
        url,
        token,
        "application/json",
        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "...(" + text.length() + " chars)" : text;
  }

  /** Lines of a fixed-width text table. */
  static List<String> table(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(row(header, widths));
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    lines.add(row(rule, widths));
    for (List<String> row : rows) {
      lines.add(row(row, widths));
    }
    return lines;
  }

  private static String row(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < cells.size(); i++) {
      line.append(' ').append(String.format("%-" + widths[i] + "s", cells.get(i))).append(" |");
    }
    return line.toString();
  }
}
