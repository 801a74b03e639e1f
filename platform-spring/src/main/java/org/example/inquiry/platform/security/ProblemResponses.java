package org.example.inquiry.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes authentication (401), authorization (403) and firewall (400) failures as RFC 9457
 * problem+json, like every other error of the API, instead of Spring Security's empty bodies, and
 * tells the {@link AccessRefusalListener} of each 401 and 403.
 */
final class ProblemResponses
    implements ServerAuthenticationEntryPoint,
        ServerAccessDeniedHandler,
        ServerExchangeRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  private final JsonMapper json;
  private final AccessRefusalListener refusals;

  ProblemResponses(JsonMapper json, AccessRefusalListener refusals) {
    this.json = json;
    this.refusals = refusals;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    String reason = "A valid bearer token is required: " + ex.getMessage();
    notify(exchange, HttpStatus.UNAUTHORIZED, null, List.of(), reason);
    return write(exchange, HttpStatus.UNAUTHORIZED, reason);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    String reason = "Your roles do not allow this request.";
    return exchange
        .getPrincipal()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            principal -> {
              String actor = principal.map(Principal::getName).orElse(null);
              List<String> roles =
                  principal
                      .filter(Authentication.class::isInstance)
                      .map(p -> roles((Authentication) p))
                      .orElse(List.of());
              notify(exchange, HttpStatus.FORBIDDEN, actor, roles, reason);
              return write(exchange, HttpStatus.FORBIDDEN, reason);
            });
  }

  private static List<String> roles(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5))
        .toList();
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
    return write(
        exchange,
        HttpStatus.BAD_REQUEST,
        "The request was rejected: its path or headers contain characters the API does not"
            + " accept (encoded slashes, NUL, control characters, path traversal).");
  }

  private void notify(
      ServerWebExchange exchange,
      HttpStatus status,
      String actor,
      List<String> roles,
      String reason) {
    try {
      refusals.refused(exchange, status.value(), actor, roles, reason);
    } catch (RuntimeException e) {
      log.error(
          "Could not record the refusal of {} {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath().value(),
          e);
    }
  }

  private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }
}
