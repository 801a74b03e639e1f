package org.example.inquiry.resolution.console;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every console page has in its model: the CSRF token its forms send back, and the formats.
 */
@ControllerAdvice(assignableTypes = ConsoleController.class)
class ConsoleModel {

  private static final Formats FORMATS = new Formats();

  @ModelAttribute("fmt")
  Formats formats() {
    return FORMATS;
  }

  @ModelAttribute("csrf")
  Mono<CsrfToken> csrf(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null ? Mono.empty() : token;
  }
}
