package org.example.inquiry.resolution.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * A browser's session on the console without a browser: the session cookie, and the CSRF token of
 * the last page read, sent back with every form as the page's forms do.
 */
public final class ConsoleSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final WebTestClient web;
  private String session;
  private String csrf;

  private ConsoleSession(WebTestClient web) {
    // a page waits for the API it calls (a command waits for its outcome): more than the default 5
    // s
    this.web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
  }

  /** Signs in on the sign-in page as a person would, and lands on the queues. */
  public static ConsoleSession signIn(WebTestClient web, String user, String role) {
    ConsoleSession browser = anonymous(web);
    EntityExchangeResult<String> signedIn =
        browser.post("/console/sign-in", Map.of("user", user, "role", role), false);
    assertThat(signedIn.getStatus().value()).as(signedIn.toString()).isEqualTo(303);
    assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/console/queue");
    return browser;
  }

  /** A browser that has only read the sign-in page. */
  public static ConsoleSession anonymous(WebTestClient web) {
    ConsoleSession browser = new ConsoleSession(web);
    browser.get("/console/sign-in");
    return browser;
  }

  public EntityExchangeResult<String> get(String path) {
    return remember(
        web.get()
            .uri(path)
            .headers(this::cookie)
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectBody(String.class)
            .returnResult());
  }

  /** Posts a form as the page would (htmx: as htmx does, answered with a fragment). */
  public EntityExchangeResult<String> post(String path, Map<String, String> form, boolean htmx) {
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    form.forEach(fields::add);
    if (csrf != null) {
      fields.add("_csrf", csrf);
    }
    return remember(
        web.post()
            .uri(path)
            .headers(this::cookie)
            .headers(h -> htmxHeader(h, htmx))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(fields))
            .exchange()
            .expectBody(String.class)
            .returnResult());
  }

  /** Posts without the page's CSRF token, as a forged cross-site form would. */
  public EntityExchangeResult<String> forge(String path, Map<String, String> form) {
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    form.forEach(fields::add);
    return web.post()
        .uri(path)
        .headers(this::cookie)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData(fields))
        .exchange()
        .expectBody(String.class)
        .returnResult();
  }

  /**
   * The data of the server-sent events at the path (a page's live updates), as they come, on a
   * connection of its own that is closed when the subscriber cancels (a pooled one would go back to
   * the pool with the stream still running, and the next request on it would never be answered).
   */
  public reactor.core.publisher.Flux<String> events(int port, String path) {
    return WebClient.builder()
        .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
        .baseUrl("http://127.0.0.1:" + port)
        .build()
        .get()
        .uri(path)
        .headers(this::cookie)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(String.class);
  }

  private static void htmxHeader(HttpHeaders headers, boolean htmx) {
    if (htmx) {
      headers.add("HX-Request", "true");
    }
  }

  private void cookie(HttpHeaders headers) {
    if (session != null) {
      headers.add(HttpHeaders.COOKIE, "SESSION=" + session);
    }
  }

  private EntityExchangeResult<String> remember(EntityExchangeResult<String> result) {
    ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
    if (cookie != null) {
      session = cookie.getValue();
    }
    String body = result.getResponseBody();
    if (body != null) {
      Matcher m = CSRF.matcher(body);
      if (m.find()) {
        csrf = m.group(1);
      }
    }
    return result;
  }
}
