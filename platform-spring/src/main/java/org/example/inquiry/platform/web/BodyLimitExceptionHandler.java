package org.example.inquiry.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body larger than the service buffers ({@code spring.codec.max-in-memory-size}) is 413
 * problem+json wherever it is read: by a handler, or before any handler, like the CSRF filter
 * reading a console form for its token. Without this, a filter's read fails as a 500.
 */
final class BodyLimitExceptionHandler implements WebExceptionHandler {

  private final JsonMapper json;

  BodyLimitExceptionHandler(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    DataBufferLimitException limit = limitIn(ex);
    ServerHttpResponse response = exchange.getResponse();
    if (limit == null || response.isCommitted()) {
      return Mono.error(ex);
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Request too large");
    problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
    problem.put(
        "detail", "The request body is larger than this service reads: " + limit.getMessage());
    problem.put("instance", exchange.getRequest().getPath().value());
    response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return response.writeWith(
        Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
  }

  private static DataBufferLimitException limitIn(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataBufferLimitException limit) {
        return limit;
      }
    }
    return null;
  }
}
