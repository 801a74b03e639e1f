package org.example.inquiry.resolution.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.example.inquiry.resolution.cases.web.CaseView;
import org.example.inquiry.resolution.cases.web.QueuePage;
import org.example.inquiry.resolution.replies.ReplyTemplates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The console's way to the platform: the public HTTP APIs (cases, queues, reply drafts, commands on
 * this service; KPIs on metrics-service) called with the signed-in user's bearer token, so the
 * console can do exactly what the user could do with curl, under the same checks, segregation of
 * duties and audit. A refusal comes back as an {@link ApiRefusal} with the API's reason.
 */
@Component
class ConsoleApi implements ApplicationListener<WebServerInitializedEvent> {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int FILE_LIMIT_BYTES = 8 * 1024 * 1024;

  /** The API said no (4xx), or could not be reached; the reason is the API's problem detail. */
  static final class ApiRefusal extends RuntimeException {
    private final int status;

    ApiRefusal(int status, String reason) {
      super(reason);
      this.status = status;
    }

    int status() {
      return status;
    }

    /** The user's sign-in is no longer accepted (expired or revoked token). */
    boolean signedOut() {
      return status == 401;
    }
  }

  /** What became of a command: accepted with the case after it, or refused with the reason. */
  record Outcome(boolean accepted, String message, CaseView kase) {}

  private final WebClient.Builder clients;
  private final ConsoleProperties properties;
  private final Environment environment;
  private volatile WebClient api;
  private final WebClient metrics;

  ConsoleApi(
      ObjectProvider<WebClient.Builder> clients,
      ConsoleProperties properties,
      Environment environment) {
    this.clients = clients.getIfAvailable(WebClient::builder);
    this.properties = properties;
    this.environment = environment;
    this.metrics = this.clients.clone().baseUrl(properties.metricsUrl()).build();
  }

  /** The API is this instance unless configured otherwise: its port is known once it listens. */
  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() != null) {
      return; // a management server
    }
    String base = properties.apiUrl();
    if (base == null || base.isBlank()) {
      String address = environment.getProperty("server.address", "127.0.0.1");
      base = "http://" + address + ":" + event.getWebServer().getPort();
    }
    // Attached files come through whole (an inbound email is at most 5 MiB).
    api =
        clients
            .clone()
            .baseUrl(base)
            .codecs(c -> c.defaultCodecs().maxInMemorySize(FILE_LIMIT_BYTES))
            .build();
  }

  Mono<CaseView> caseView(String token, String inquiryId) {
    return get(
        api(), token, b -> b.path("/api/v1/inquiries/{id}").build(inquiryId), CaseView.class);
  }

  /** A file attached to a case, as the API serves it. */
  record File(byte[] content, String disposition) {}

  /** A file attached to the case, by its SHA-256, with the API's download headers. */
  Mono<File> attachment(String token, String inquiryId, String sha256) {
    return api()
        .get()
        .uri(b -> b.path("/api/v1/inquiries/{id}/attachments/{sha}").build(inquiryId, sha256))
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .accept(MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON)
        .exchangeToMono(
            response ->
                answer(
                    response,
                    r ->
                        r.toEntity(byte[].class)
                            .map(
                                e ->
                                    new File(
                                        e.getBody() == null ? new byte[0] : e.getBody(),
                                        e.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)))))
        .timeout(TIMEOUT)
        .onErrorMap(ConsoleApi::unreachable);
  }

  Mono<QueuePage> queue(String token, Map<String, String> filter, int page) {
    return get(
        api(),
        token,
        b -> {
          filter.forEach(
              (name, value) -> {
                if (value != null && !value.isBlank()) {
                  b.queryParam(name, value);
                }
              });
          return b.path("/api/v1/queues").queryParam("page", page).queryParam("size", 50).build();
        },
        QueuePage.class);
  }

  Mono<List<ReplyTemplates.Draft>> drafts(String token, String inquiryId, String language) {
    return api()
        .get()
        .uri(
            b ->
                b.path("/api/v1/inquiries/{id}/reply-drafts")
                    .queryParam("language", language)
                    .build(inquiryId))
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(
            response ->
                answer(
                    response,
                    r ->
                        r.bodyToMono(
                            new ParameterizedTypeReference<List<ReplyTemplates.Draft>>() {})))
        .timeout(TIMEOUT)
        .onErrorMap(ConsoleApi::unreachable);
  }

  /** A command on the case: POST to its path under the case with a JSON body (or none). */
  Mono<Outcome> command(String token, String inquiryId, String path, Object body) {
    WebClient.RequestBodySpec request =
        api()
            .post()
            .uri(
                b -> {
                  int query = path.indexOf('?');
                  b.path("/api/v1/inquiries/{id}/" + (query < 0 ? path : path.substring(0, query)));
                  if (query >= 0) {
                    b.query(path.substring(query + 1));
                  }
                  return b.build(inquiryId);
                })
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .accept(MediaType.APPLICATION_JSON);
    WebClient.RequestHeadersSpec<?> sent =
        body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    return sent.exchangeToMono(
            response ->
                answer(response, r -> r.bodyToMono(JsonNode.class))
                    .map(
                        accepted ->
                            new Outcome(true, accepted.path("outcome").asString("accepted"), null)))
        .timeout(TIMEOUT)
        .onErrorMap(ConsoleApi::unreachable)
        .onErrorResume(
            ApiRefusal.class,
            refusal ->
                refusal.signedOut()
                    ? Mono.error(refusal)
                    : Mono.just(new Outcome(false, refusal.getMessage(), null)));
  }

  /**
   * The KPI report of metrics-service for the query parameters given. Its 401 is not the user's
   * sign-in ending (resolution's API decides that): it is KPIs not available.
   */
  Mono<JsonNode> kpis(String token, Map<String, String> query) {
    return this.<JsonNode>get(
            metrics,
            token,
            b -> {
              b.path("/api/v1/kpis");
              query.forEach(b::queryParam);
              return b.build();
            },
            JsonNode.class)
        .onErrorMap(
            e -> e instanceof ApiRefusal refusal && refusal.signedOut(),
            e ->
                new ApiRefusal(
                    403, "metrics-service did not accept the sign-in: " + e.getMessage()));
  }

  private WebClient api() {
    WebClient client = api;
    if (client == null) {
      throw new ApiRefusal(503, "the console is starting; try again in a moment");
    }
    return client;
  }

  private static <T> Mono<T> get(
      WebClient client, String token, Function<UriBuilder, java.net.URI> uri, Class<T> type) {
    return client
        .get()
        .uri(uri)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(response -> answer(response, r -> r.bodyToMono(type)))
        .timeout(TIMEOUT)
        .onErrorMap(ConsoleApi::unreachable);
  }

  private static <T> Mono<T> answer(
      ClientResponse response, Function<ClientResponse, Mono<T>> body) {
    if (response.statusCode().is2xxSuccessful()) {
      return body.apply(response);
    }
    int status = response.statusCode().value();
    return response
        .bodyToMono(JsonNode.class)
        .map(problem -> reason(problem, status))
        .onErrorResume(unreadable -> Mono.just("HTTP " + status))
        .defaultIfEmpty("HTTP " + status)
        .flatMap(reason -> Mono.error(new ApiRefusal(status, reason)));
  }

  /** The problem's detail, with the fields a validation error names. */
  static String reason(JsonNode problem, int status) {
    String detail = problem.path("detail").asString("");
    if (detail.isBlank()) {
      detail = problem.path("title").asString("HTTP " + status);
    }
    StringBuilder reason = new StringBuilder(detail);
    for (JsonNode error : problem.path("errors")) {
      String field = error.path("field").asString(error.path("pointer").asString(""));
      String message = error.path("message").asString(error.path("detail").asString(""));
      if (!message.isBlank()) {
        reason.append("; ").append(field.isBlank() ? "" : field + ": ").append(message);
      }
    }
    return reason.toString();
  }

  private static Throwable unreachable(Throwable error) {
    return error instanceof ApiRefusal
        ? error
        : new ApiRefusal(503, "the platform did not answer (" + error.getMessage() + ")");
  }
}
