package org.example.inquiry.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public HTTP API as an outside user meets it: customers' channels on intake,
 * agents' and approvers' work on resolution, KPIs on metrics. Every call signs a bearer token for
 * the acting user and role ({@link Tokens}) and returns a {@link Reply} whatever the status; only a
 * service that does not answer at all throws ({@link PlatformUnreachableException}).
 */
public final class PlatformClient {

  /** Who reads cases, queues, customers and KPIs when no person is named. */
  public static final String DEFAULT_READER = "platform-client";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PlatformEndpoints endpoints;
  private final Tokens tokens;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Duration pollInterval;
  private final Duration pollRequestTimeout;

  public PlatformClient(PlatformEndpoints endpoints, Tokens tokens) {
    this(endpoints, tokens, Duration.ofSeconds(30), Duration.ofMillis(250));
  }

  /**
   * @param requestTimeout per request; above resolution's command timeout (15 s), because a command
   *     answers only once its outcome is visible
   * @param pollInterval between two looks in {@link #awaitCase}
   */
  public PlatformClient(
      PlatformEndpoints endpoints, Tokens tokens, Duration requestTimeout, Duration pollInterval) {
    this.endpoints = endpoints;
    this.tokens = tokens;
    this.requestTimeout = requestTimeout;
    this.pollInterval = pollInterval;
    this.pollRequestTimeout = Duration.ofSeconds(2);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public PlatformEndpoints endpoints() {
    return endpoints;
  }

  /** The shared JSON mapper (Jackson 3), e.g. to build request bodies as trees. */
  public static JsonMapper json() {
    return JSON;
  }

  // ---- intake --------------------------------------------------------------------------------

  /**
   * {@code POST /api/v1/inquiries} as channel client {@code channelUser}; 202 with {@code
   * inquiryId} and {@code status} RECEIVED, or DUPLICATE for a repeated {@code idempotencyKey}.
   *
   * @param body the request: customerId, contact {name, email}, subject, body, channel, references
   *     [{kind, value}], amount {amount, currency}, attachments
   * @param idempotencyKey sent as {@code Idempotency-Key} unless null
   */
  public Reply submit(String channelUser, Map<String, ?> body, String idempotencyKey) {
    JsonNode tree = JSON.valueToTree(body);
    return submit(channelUser, tree, idempotencyKey);
  }

  /** {@link #submit(String, Map, String)} with the body as a JSON tree. */
  public Reply submit(String channelUser, JsonNode body, String idempotencyKey) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    return send(
        Service.INTAKE,
        "POST",
        "/api/v1/inquiries",
        "channel",
        channelUser,
        headers,
        jsonBody(body));
  }

  /**
   * {@code POST /api/v1/channels/email}: a raw RFC 822 message as an inbound-mail gateway delivers
   * it; the Message-ID is its idempotency key, a reply to a known inquiry becomes a follow-up.
   */
  public Reply submitEmail(String channelUser, byte[] rfc822) {
    return send(
        Service.INTAKE,
        "POST",
        "/api/v1/channels/email",
        "channel",
        channelUser,
        Map.of(),
        new Body("message/rfc822", rfc822));
  }

  /**
   * {@code POST /api/v1/inquiries/{id}/follow-ups}: the customer's further message (body required;
   * the others may be null).
   */
  public Reply followUp(
      String channelUser,
      String inquiryId,
      String contactName,
      String contactEmail,
      String subject,
      String text,
      String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    putIfPresent(body, "contactName", contactName);
    putIfPresent(body, "contactEmail", contactEmail);
    putIfPresent(body, "subject", subject);
    body.put("body", text);
    return send(
        Service.INTAKE,
        "POST",
        "/api/v1/inquiries/" + segment(inquiryId) + "/follow-ups",
        "channel",
        channelUser,
        idempotencyHeader(idempotencyKey),
        jsonBody(body));
  }

  /** {@code POST /api/v1/inquiries/{id}/feedback}: the customer's rating 1-5 and a comment. */
  public Reply feedback(
      String channelUser, String inquiryId, int score, String comment, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("score", score);
    putIfPresent(body, "comment", comment);
    return send(
        Service.INTAKE,
        "POST",
        "/api/v1/inquiries/" + segment(inquiryId) + "/feedback",
        "channel",
        channelUser,
        idempotencyHeader(idempotencyKey),
        jsonBody(body));
  }

  /** {@code GET /api/v1/customers/{id}}: the customer master view, read as an agent. */
  public Reply customer(String customerId) {
    return send(
        Service.INTAKE,
        "GET",
        "/api/v1/customers/" + segment(customerId),
        "agent",
        DEFAULT_READER,
        Map.of(),
        null);
  }

  /** {@code POST /api/v1/customers/import} (text/csv) as a supervisor: all or nothing. */
  public Reply importCustomers(String csv) {
    return send(
        Service.INTAKE,
        "POST",
        "/api/v1/customers/import",
        "supervisor",
        DEFAULT_READER,
        Map.of(),
        new Body("text/csv", csv.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * {@code PUT /api/v1/customers/{id}/credit-limit} as a finance system ({@code finance-system}
   * role): sets the limit an approved credit-limit change posted; {@code oldAmount} (nullable) is
   * the limit it was approved against.
   */
  public Reply setCreditLimit(
      String system,
      String customerId,
      String effectId,
      BigDecimal newAmount,
      BigDecimal oldAmount,
      String currency) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("effectId", effectId);
    body.put("newLimit", Map.of("amount", newAmount, "currency", currency));
    if (oldAmount != null) {
      body.put("oldLimit", Map.of("amount", oldAmount, "currency", currency));
    }
    return send(
        Service.INTAKE,
        "PUT",
        "/api/v1/customers/" + segment(customerId) + "/credit-limit",
        "finance-system",
        system,
        Map.of(),
        jsonBody(JSON.valueToTree(body)));
  }

  // ---- resolution ----------------------------------------------------------------------------

  /**
   * {@code POST /api/v1/open-items/import} (text/csv) as a finance system feeding its postings to
   * the platform's copy of the ledger: all or nothing.
   */
  public Reply feedLedger(String system, String csv) {
    return send(
        Service.RESOLUTION,
        "POST",
        "/api/v1/open-items/import",
        "finance-system",
        system,
        Map.of(),
        new Body("text/csv", csv.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code GET /api/v1/inquiries/{id}} on resolution: the case with its timeline (as an agent). */
  public Reply inquiryCase(String inquiryId) {
    return inquiryCase(inquiryId, DEFAULT_READER, "agent");
  }

  /** The case as {@code actor} in {@code role} (agent, approver, supervisor or auditor). */
  public Reply inquiryCase(String inquiryId, String actor, String role) {
    return inquiryCase(inquiryId, actor, role, requestTimeout);
  }

  private Reply inquiryCase(String inquiryId, String actor, String role, Duration timeout) {
    return send(
        Service.RESOLUTION,
        "GET",
        "/api/v1/inquiries/" + segment(inquiryId),
        role,
        actor,
        Map.of(),
        null,
        timeout);
  }

  /** A file attached to a case, as resolution served it. */
  public record Download(int status, String contentType, String disposition, byte[] content) {}

  /**
   * {@code GET /api/v1/inquiries/{id}/attachments/{sha256}} on resolution as {@code actor} in
   * {@code role}: the content of a file the case lists (its {@code attachments[].download}).
   */
  public Download attachment(String inquiryId, String sha256, String actor, String role) {
    URI base = endpoints.resolution();
    URI uri =
        URI.create(
            base.toString().replaceAll("/+$", "")
                + "/api/v1/inquiries/"
                + segment(inquiryId)
                + "/attachments/"
                + segment(sha256));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + tokens.token(role, actor))
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Download(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Content-Disposition").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new PlatformUnreachableException("resolution", base, "GET " + uri.getPath(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformUnreachableException(
          "resolution", base, "GET " + uri.getPath(), new IOException("interrupted", e));
    }
  }

  /**
   * {@code GET /api/v1/queues?team=&minPriority=}: open cases, most urgent first (nulls omitted).
   */
  public Reply queue(String team, Integer minPriority) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("team", team);
    query.put("minPriority", minPriority);
    return read(Service.RESOLUTION, "/api/v1/queues", query);
  }

  /** {@code POST .../claim}: {@code agent} takes the case. */
  public Reply claim(String inquiryId, String agent) {
    return command(inquiryId, "claim", "agent", agent, null);
  }

  /** {@code POST .../assignment}: {@code supervisor} assigns the case to {@code assignee}. */
  public Reply assign(String inquiryId, String supervisor, String assignee) {
    return command(inquiryId, "assignment", "supervisor", supervisor, Map.of("assignee", assignee));
  }

  /** {@code POST .../replies}: a reply to the customer; the first is the first response. */
  public Reply reply(String inquiryId, String agent, String text) {
    return command(inquiryId, "replies", "agent", agent, Map.of("text", text));
  }

  /** {@code POST .../information-requests}: ask the customer; the case waits for them. */
  public Reply requestInformation(String inquiryId, String agent, String text) {
    return command(inquiryId, "information-requests", "agent", agent, Map.of("text", text));
  }

  /** {@code POST .../notes}: an internal note by {@code actor} in {@code role}. */
  public Reply note(String inquiryId, String actor, String role, String text) {
    return command(inquiryId, "notes", role, actor, Map.of("text", text));
  }

  /**
   * {@code POST .../actions}: propose a financial action; the routed approval ladder decides who
   * must approve it. The action id is {@code reply.json().get("actionId")}.
   *
   * @param type the name of an action type ({@code schemas}' {@code ActionType}: CREDIT_NOTE,
   *     REBILL, ...)
   */
  public Reply proposeAction(
      String inquiryId,
      String agent,
      String type,
      BigDecimal amount,
      String currency,
      String invoiceReference,
      String reason) {
    Map<String, Object> money = new LinkedHashMap<>();
    money.put("amount", amount);
    money.put("currency", currency);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("amount", money);
    putIfPresent(body, "invoiceReference", invoiceReference);
    body.put("reason", reason);
    return command(inquiryId, "actions", "agent", agent, body);
  }

  /** {@code POST .../actions/{actionId}/approval} by {@code approver} in {@code role}. */
  public Reply approve(String inquiryId, String actionId, String approver, String role) {
    return command(
        inquiryId, "actions/" + segment(actionId) + "/approval", role, approver, Map.of());
  }

  /** {@code POST .../actions/{actionId}/rejection} with a reason. */
  public Reply reject(
      String inquiryId, String actionId, String approver, String role, String reason) {
    return command(
        inquiryId,
        "actions/" + segment(actionId) + "/rejection",
        role,
        approver,
        Map.of("reason", reason));
  }

  /**
   * {@code POST .../resolution}: resolve with a code, root cause (nullable) and the confirmed types
   * (null or empty keeps the classified ones).
   */
  public Reply resolve(
      String inquiryId,
      String agent,
      String resolutionCode,
      String rootCause,
      List<String> confirmedTypes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resolutionCode", resolutionCode);
    putIfPresent(body, "rootCause", rootCause);
    putIfPresent(body, "confirmedTypes", confirmedTypes);
    return command(inquiryId, "resolution", "agent", agent, body);
  }

  /** {@code POST .../reopening} by {@code actor} (agent or supervisor), with a reason. */
  public Reply reopen(String inquiryId, String actor, String role, String reason) {
    return command(inquiryId, "reopening", role, actor, Map.of("reason", reason));
  }

  /**
   * Polls the case until {@code condition} holds, at most {@code timeout}. A case resolution does
   * not know yet (404), a transient 5xx, or a look that gets no answer within 2 s counts as "not
   * yet" (resolution has been seen to hold a 404 open instead of answering it); 400/401/403 throw
   * at once. Empty on timeout.
   */
  public Optional<JsonNode> awaitCase(
      String inquiryId, Duration timeout, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long remaining = deadline - System.nanoTime();
      Duration look =
          Duration.ofNanos(
              Math.max(50_000_000L, Math.min(pollRequestTimeout.toNanos(), remaining)));
      Reply reply = null;
      try {
        reply = inquiryCase(inquiryId, DEFAULT_READER, "agent", look);
      } catch (PlatformUnreachableException e) {
        if (!(e.getCause() instanceof HttpTimeoutException)) {
          throw e;
        }
      }
      if (reply != null && reply.isOk() && reply.json() != null && condition.test(reply.json())) {
        return Optional.of(reply.json());
      }
      if (reply != null
          && (reply.status() == 401 || reply.status() == 403 || reply.status() == 400)) {
        reply.orThrow("reading case " + inquiryId);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      try {
        Thread.sleep(Math.min(pollInterval.toMillis(), Math.max(1, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  // ---- customer master and unknown senders -----------------------------------------------------

  /**
   * {@code POST /api/v1/customers} (intake) by {@code actor} in {@code role} (agent or supervisor):
   * registers one customer, KYC PENDING; 201, or 409 when the id exists.
   *
   * @param customer customerId, legalName, segment, region, contacts [{name, email}], emailDomains,
   *     accountManager, creditLimit {amount, currency}, riskRating
   */
  public Reply registerCustomer(String actor, String role, Map<String, ?> customer) {
    return send(
        Service.INTAKE,
        "POST",
        "/api/v1/customers",
        role,
        actor,
        Map.of(),
        jsonBody(JSON.valueToTree(customer)));
  }

  /**
   * {@code POST /api/v1/customers/{id}/kyc-verification} by {@code actor} in {@code role} (approver
   * or supervisor, never the registrar): outcome VERIFIED or FAILED.
   */
  public Reply verifyCustomer(String customerId, String actor, String role, String outcome) {
    return send(
        Service.INTAKE,
        "POST",
        "/api/v1/customers/" + segment(customerId) + "/kyc-verification",
        role,
        actor,
        Map.of(),
        jsonBody(JSON.valueToTree(Map.of("outcome", outcome))));
  }

  /** {@code POST /api/v1/inquiries/{id}/customer} (resolution): links an unknown sender's case. */
  public Reply linkCustomer(String inquiryId, String agent, String customerId) {
    return command(inquiryId, "customer", "agent", agent, Map.of("customerId", customerId));
  }

  // ---- metrics -------------------------------------------------------------------------------

  /** {@code GET /api/v1/kpis?from=&to=&groupBy=} (nulls omitted: the last 30 days, no grouping). */
  public Reply kpis(Instant from, Instant to, String groupBy) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("from", from);
    query.put("to", to);
    query.put("groupBy", groupBy);
    return read(Service.METRICS, "/api/v1/kpis", query);
  }

  /** A GET as the default reader (an agent), with the non-null query parameters. */
  private Reply read(Service service, String path, Map<String, Object> query) {
    return send(service, "GET", path + query(query), "agent", DEFAULT_READER, Map.of(), null);
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private enum Service {
    INTAKE,
    RESOLUTION,
    METRICS
  }

  private record Body(String contentType, byte[] bytes) {}

  private Reply command(
      String inquiryId, String path, String role, String actor, Map<String, ?> body) {
    return send(
        Service.RESOLUTION,
        "POST",
        "/api/v1/inquiries/" + segment(inquiryId) + "/" + path,
        role,
        actor,
        Map.of(),
        body == null ? null : jsonBody(JSON.valueToTree(body)));
  }

  private Reply send(
      Service service,
      String method,
      String pathAndQuery,
      String role,
      String user,
      Map<String, String> headers,
      Body body) {
    return send(service, method, pathAndQuery, role, user, headers, body, requestTimeout);
  }

  private Reply send(
      Service service,
      String method,
      String pathAndQuery,
      String role,
      String user,
      Map<String, String> headers,
      Body body,
      Duration timeout) {
    URI base = base(service);
    URI uri = URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + tokens.token(role, user))
            .header("Accept", "application/json, application/problem+json");
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", body.contentType())
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PlatformUnreachableException(
          service.name().toLowerCase(Locale.ROOT), base, method + " " + uri.getPath(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformUnreachableException(
          service.name().toLowerCase(Locale.ROOT),
          base,
          method + " " + uri.getPath(),
          new IOException("interrupted", e));
    }
    Map<String, List<String>> responseHeaders = new TreeMap<>();
    response
        .headers()
        .map()
        .forEach((name, values) -> responseHeaders.put(name.toLowerCase(Locale.ROOT), values));
    String text = response.body();
    return new Reply(
        method,
        uri,
        response.statusCode(),
        Map.copyOf(responseHeaders),
        parse(text),
        text == null ? "" : text);
  }

  private URI base(Service service) {
    return switch (service) {
      case INTAKE -> endpoints.intake();
      case RESOLUTION -> endpoints.resolution();
      case METRICS -> endpoints.metrics();
    };
  }

  private static JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return null;
    }
    try {
      return JSON.readTree(trimmed);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static Body jsonBody(Object body) {
    byte[] bytes =
        body instanceof JsonNode node ? JSON.writeValueAsBytes(node) : JSON.writeValueAsBytes(body);
    return new Body("application/json", bytes);
  }

  private static Map<String, String> idempotencyHeader(String key) {
    return key == null ? Map.of() : Map.of("Idempotency-Key", key);
  }

  private static void putIfPresent(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }

  private static String query(Map<String, Object> params) {
    StringBuilder query = new StringBuilder();
    params.forEach(
        (name, value) -> {
          if (value != null) {
            query.append(query.length() == 0 ? '?' : '&');
            query
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  private static String segment(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an id is required");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
