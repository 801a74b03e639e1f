package org.example.inquiry.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One answer of the platform, whatever its status: the request line, status, headers, the body as a
 * JSON tree (null when it is not JSON) and as text.
 *
 * @param method the request method
 * @param uri the request URI
 * @param status the HTTP status
 * @param headers response headers (names in lower case)
 * @param json the body as JSON, or null when it is empty or not JSON
 * @param body the raw body text
 */
public record Reply(
    String method,
    URI uri,
    int status,
    Map<String, List<String>> headers,
    JsonNode json,
    String body) {

  /** 2xx. */
  public boolean isOk() {
    return status >= 200 && status < 300;
  }

  /** 403 or 409: the platform refused the command (segregation of duties, a conflict, a race). */
  public boolean isRefused() {
    return status == 403 || status == 409;
  }

  /** The first value of a response header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A top-level text field of the JSON body, or null. */
  public String text(String field) {
    if (json == null) {
      return null;
    }
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** The problem+json {@code detail} (or {@code title}), or the start of the body. */
  public String detail() {
    String detail = text("detail");
    if (detail == null) {
      detail = text("title");
    }
    if (detail == null) {
      detail = body == null || body.isBlank() ? "(no body)" : abbreviate(body, 300);
    }
    return detail;
  }

  /** This reply when it is 2xx, otherwise a {@link PlatformCallException} naming {@code what}. */
  public Reply orThrow(String what) {
    if (isOk()) {
      return this;
    }
    throw new PlatformCallException(
        what + " failed: " + method + " " + uri.getPath() + " answered " + status + ": " + detail(),
        this);
  }

  static String abbreviate(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }

  @Override
  public String toString() {
    return method + " " + uri + " -> " + status + " " + abbreviate(body == null ? "" : body, 200);
  }
}
