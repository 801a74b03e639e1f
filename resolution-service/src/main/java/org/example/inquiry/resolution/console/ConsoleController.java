package org.example.inquiry.resolution.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.example.inquiry.resolution.cases.web.QueuePage;
import org.example.inquiry.resolution.config.ResolutionProperties;
import org.example.inquiry.resolution.replies.ReplyTemplates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The web console's pages (docs/CONSOLE.md): sign-in, team queues, the case with its work, the
 * supervisor's KPIs. Every read and every command goes through the platform's HTTP APIs with the
 * signed-in user's token ({@link ConsoleApi}); a command's answer is the case re-rendered in place
 * with the outcome, a refusal with the API's reason.
 */
@Hidden // the console's pages, not part of the API (docs/openapi)
@Controller
@RequestMapping("/console")
class ConsoleController {

  private final ConsoleApi api;
  private final ObjectProvider<LocalSignIn> localSignIn;
  private final ObjectProvider<ReactiveClientRegistrationRepository> oidc;
  private final ServerSecurityContextRepository sessions;
  private final Clock clock = Clock.systemUTC();
  private final List<String> teams;

  ConsoleController(
      ConsoleApi api,
      ObjectProvider<LocalSignIn> localSignIn,
      ObjectProvider<ReactiveClientRegistrationRepository> oidc,
      ServerSecurityContextRepository consoleSessions,
      ResolutionProperties properties) {
    this.teams = properties.teams();
    this.api = api;
    this.localSignIn = localSignIn;
    this.oidc = oidc;
    this.sessions = consoleSessions;
  }

  /** The signed-in user as every page shows them. */
  public record User(String name, Set<String> roles) {
    public String role() {
      return roles.stream().sorted().collect(Collectors.joining(", "));
    }

    public boolean has(String role) {
      return roles.contains(role);
    }

    public boolean supervises() {
      return roles.contains("supervisor") || roles.contains("auditor");
    }
  }

  /** A command's outcome, shown above the case. */
  public record Notice(boolean accepted, String text) {
    public String outcome() {
      return accepted ? "accepted" : "refused";
    }
  }

  record SignInForm(String user, String role) {}

  record MessageForm(String kind, String text) {}

  record ProposalForm(
      String type, String amount, String currency, String invoiceReference, String reason) {}

  record DecisionForm(String reason) {}

  record ResolveForm(String resolutionCode, String rootCause) {}

  record EscalationForm(String reason) {}

  record RerouteForm(String teams, String reason) {}

  // ---- sign-in ---------------------------------------------------------------------------------

  @GetMapping
  Mono<Rendering> home() {
    return Mono.just(Rendering.redirectTo("/console/queue").build());
  }

  @GetMapping("/sign-in")
  Mono<Rendering> signInPage(ServerWebExchange exchange) {
    String message = null;
    if (exchange.getRequest().getQueryParams().containsKey("signed-out")) {
      message = "You are signed out.";
    } else if (exchange.getRequest().getQueryParams().containsKey("expired")) {
      message = "Your sign-in has expired; sign in again.";
    } else if (exchange.getRequest().getQueryParams().containsKey("refused")) {
      message = "The identity provider's token is not accepted by the platform's API.";
    }
    return Mono.just(signIn(message, null, HttpStatus.OK));
  }

  @PostMapping("/sign-in")
  Mono<Rendering> signIn(@ModelAttribute SignInForm form, ServerWebExchange exchange) {
    LocalSignIn local = localSignIn.getIfAvailable();
    if (local == null) {
      return Mono.just(
          signIn(
              null,
              "Local sign-in is off here: sign in with the identity provider.",
              HttpStatus.NOT_FOUND));
    }
    return local
        .signIn(form.user(), form.role())
        .flatMap(
            authentication ->
                exchange
                    .getSession()
                    .flatMap(session -> session.changeSessionId())
                    .then(sessions.save(exchange, new SecurityContextImpl(authentication)))
                    .thenReturn(Rendering.redirectTo("/console/queue").build()))
        .onErrorResume(
            LocalSignIn.Refused.class,
            refused -> Mono.just(signIn(null, refused.getMessage(), HttpStatus.BAD_REQUEST)));
  }

  private Rendering signIn(String message, String error, HttpStatus status) {
    return Rendering.view("console/sign-in")
        .modelAttribute("local", localSignIn.getIfAvailable() != null)
        .modelAttribute("oidc", oidc.getIfAvailable() != null)
        .modelAttribute("roles", LocalSignIn.ROLES)
        .modelAttribute("message", message == null ? "" : message)
        .modelAttribute("error", error == null ? "" : error)
        .status(status)
        .build();
  }

  // ---- queues ----------------------------------------------------------------------------------

  @GetMapping("/queue")
  Mono<Rendering> queue(
      @RequestParam Map<String, String> params,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    User user = user(caller);
    Map<String, String> filter = filter(params, user);
    return api.queue(token(caller), filter, 0)
        .map(
            queue ->
                Rendering.view(htmx == null ? "console/queue" : "console/queue :: rows")
                    .modelAttribute("user", user)
                    .modelAttribute("filter", filter)
                    .modelAttribute("queue", queue)
                    .modelAttribute("rows", rows(queue))
                    .build());
  }

  /** The queue filter from the query, "mine" by default for an agent. */
  static Map<String, String> filter(Map<String, String> params, User user) {
    Map<String, String> filter = new LinkedHashMap<>();
    for (String name : List.of("team", "status", "assignee", "escalatedTo", "minPriority")) {
      String value = params.get(name);
      filter.put(name, value == null ? "" : value.strip());
    }
    return filter;
  }

  /** A queue row as the page shows it. */
  public record Row(QueuePage.Item item, Countdown response, Countdown resolution) {}

  private List<Row> rows(QueuePage queue) {
    Instant now = clock.instant();
    return queue.items().stream()
        .map(
            i ->
                new Row(
                    i,
                    Countdown.of(instant(i.responseDueAt()), now, instant(i.firstResponseAt())),
                    i.slaPausedAt() == null
                        ? Countdown.of(instant(i.resolutionDueAt()), now)
                        : Countdown.paused(
                            instant(i.resolutionDueAt()), instant(i.slaPausedAt()), now)))
        .toList();
  }

  private static Instant instant(String text) {
    try {
      return text == null || text.isBlank() ? null : Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ---- the case --------------------------------------------------------------------------------

  @GetMapping("/cases/{id}")
  Mono<Rendering> caseView(@PathVariable String id, Authentication caller) {
    return page(id, caller, null, "console/case");
  }

  /** The case's body alone: live updates reload it. */
  @GetMapping("/cases/{id}/body")
  Mono<Rendering> caseBody(@PathVariable String id, Authentication caller) {
    return page(id, caller, null, "console/case-parts :: caseBody");
  }

  /**
   * A file attached to the case, fetched from the API with the user's token and passed on as the
   * API serves it: a download, never rendered.
   */
  @GetMapping("/cases/{id}/attachments/{sha256}")
  Mono<ResponseEntity<byte[]>> attachment(
      @PathVariable String id, @PathVariable String sha256, Authentication caller) {
    return api.attachment(token(caller), id, sha256)
        .map(
            file ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header(HttpHeaders.CONTENT_DISPOSITION, file.disposition())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .cacheControl(CacheControl.noStore().cachePrivate())
                    .body(file.content()));
  }

  @PostMapping("/cases/{id}/claim")
  Mono<Rendering> claim(
      @PathVariable String id,
      @RequestParam(required = false) String team,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    if (team != null && !team.isBlank() && !team.matches("[a-z0-9-]{1,100}")) {
      return refuse(id, caller, htmx, "'" + team + "' is not a team name");
    }
    String path = team == null || team.isBlank() ? "claim" : "claim?team=" + team;
    return act(id, caller, htmx, api.command(token(caller), id, path, null));
  }

  @PostMapping("/cases/{id}/messages")
  Mono<Rendering> message(
      @PathVariable String id,
      @ModelAttribute MessageForm form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    String path =
        switch (form.kind() == null ? "" : form.kind()) {
          case "REPLY" -> "replies";
          case "INFORMATION_REQUEST" -> "information-requests";
          case "NOTE" -> "notes";
          default -> null;
        };
    if (path == null) {
      return refuse(
          id, caller, htmx, "pick what to send: a reply, an information request or a note");
    }
    return act(
        id, caller, htmx, api.command(token(caller), id, path, Map.of("text", text(form.text()))));
  }

  @PostMapping("/cases/{id}/actions")
  Mono<Rendering> propose(
      @PathVariable String id,
      @ModelAttribute ProposalForm form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(text(form.amount()).replace(",", ""));
    } catch (NumberFormatException e) {
      return refuse(id, caller, htmx, "the amount must be a number like 22000.00");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", text(form.type()));
    body.put(
        "amount",
        Map.of(
            "amount",
            amount,
            "currency",
            text(form.currency()).toUpperCase(java.util.Locale.ROOT)));
    if (!text(form.invoiceReference()).isBlank()) {
      body.put("invoiceReference", text(form.invoiceReference()));
    }
    body.put("reason", text(form.reason()));
    return act(id, caller, htmx, api.command(token(caller), id, "actions", body));
  }

  @PostMapping("/cases/{id}/actions/{actionId}/approval")
  Mono<Rendering> approve(
      @PathVariable String id,
      @PathVariable String actionId,
      @ModelAttribute DecisionForm form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    Map<String, Object> body =
        text(form.reason()).isBlank() ? Map.of() : Map.of("reason", text(form.reason()));
    return act(
        id,
        caller,
        htmx,
        api.command(token(caller), id, "actions/" + actionId + "/approval", body));
  }

  @PostMapping("/cases/{id}/actions/{actionId}/rejection")
  Mono<Rendering> reject(
      @PathVariable String id,
      @PathVariable String actionId,
      @ModelAttribute DecisionForm form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    return act(
        id,
        caller,
        htmx,
        api.command(
            token(caller),
            id,
            "actions/" + actionId + "/rejection",
            Map.of("reason", text(form.reason()))));
  }

  @PostMapping("/cases/{id}/resolution")
  Mono<Rendering> resolve(
      @PathVariable String id,
      @ModelAttribute ResolveForm form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resolutionCode", text(form.resolutionCode()));
    if (!text(form.rootCause()).isBlank()) {
      body.put("rootCause", text(form.rootCause()));
    }
    return act(id, caller, htmx, api.command(token(caller), id, "resolution", body));
  }

  @PostMapping("/cases/{id}/rerouting")
  Mono<Rendering> reroute(
      @PathVariable String id,
      @ModelAttribute RerouteForm form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    List<String> teams =
        java.util.Arrays.stream(text(form.teams()).split("[,\\s]+"))
            .filter(t -> !t.isBlank())
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("teams", teams);
    body.put("reason", text(form.reason()));
    return act(id, caller, htmx, api.command(token(caller), id, "rerouting", body));
  }

  @PostMapping("/cases/{id}/escalation")
  Mono<Rendering> escalate(
      @PathVariable String id,
      @ModelAttribute EscalationForm form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication caller) {
    return act(
        id,
        caller,
        htmx,
        api.command(token(caller), id, "escalation", Map.of("reason", text(form.reason()))));
  }

  private Mono<Rendering> act(
      String id, Authentication caller, String htmx, Mono<ConsoleApi.Outcome> command) {
    return command.flatMap(
        outcome ->
            page(
                id,
                caller,
                new Notice(
                    outcome.accepted(), outcome.accepted() ? done(outcome) : outcome.message()),
                htmx == null ? "console/case" : "console/case-parts :: answer"));
  }

  private static String done(ConsoleApi.Outcome outcome) {
    String what =
        outcome.message() == null
            ? ""
            : outcome.message().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return what.isBlank() || "accepted".equals(what) ? "Done." : "Done: " + what + ".";
  }

  private Mono<Rendering> refuse(String id, Authentication caller, String htmx, String reason) {
    return page(
        id,
        caller,
        new Notice(false, reason),
        htmx == null ? "console/case" : "console/case-parts :: answer");
  }

  private Mono<Rendering> page(String id, Authentication caller, Notice notice, String view) {
    User user = user(caller);
    String token = token(caller);
    Mono<List<ReplyTemplates.Draft>> drafts =
        user.has("agent") || user.has("supervisor")
            ? api.drafts(token, id, "en").onErrorReturn(List.of())
            : Mono.just(List.of());
    return api.caseView(token, id)
        .zipWith(drafts)
        .map(
            found ->
                Rendering.view(view)
                    .modelAttribute("user", user)
                    .modelAttribute(
                        "screen",
                        CaseScreen.of(found.getT1(), user.name(), user.roles(), clock.instant()))
                    .modelAttribute("drafts", found.getT2())
                    .modelAttribute("actionTypes", CaseScreen.ACTION_TYPES)
                    .modelAttribute("teams", teams)
                    .modelAttribute("notice", notice)
                    .build());
  }

  // ---- supervisor ------------------------------------------------------------------------------

  @GetMapping("/supervisor")
  Mono<Rendering> supervisor(Authentication caller) {
    User user = user(caller);
    if (!user.supervises()) {
      return Mono.just(
          Rendering.view("console/refused")
              .modelAttribute("user", user)
              .modelAttribute("reason", "The supervisor view is for supervisors and auditors.")
              .status(HttpStatus.FORBIDDEN)
              .build());
    }
    String token = token(caller);
    Instant now = clock.instant();
    Instant from = now.truncatedTo(ChronoUnit.DAYS).minus(13, ChronoUnit.DAYS);
    Mono<KpiBoard> board =
        Mono.zip(
                api.kpis(token, Map.of()),
                api.kpis(token, Map.of("groupBy", "team")),
                api.kpis(token, Map.of("from", from.toString(), "period", "day")))
            .map(r -> KpiBoard.of(r.getT1(), r.getT2(), r.getT3()));
    Mono<QueuePage> breached = api.queue(token, Map.of("dueBefore", now.toString()), 0);
    return Mono.zip(board, breached)
        .map(
            found ->
                Rendering.view("console/supervisor")
                    .modelAttribute("user", user)
                    .modelAttribute("board", found.getT1())
                    .modelAttribute("breached", rows(found.getT2()))
                    .modelAttribute("breachedTotal", found.getT2().total())
                    .modelAttribute("kpiError", "")
                    .build())
        .onErrorResume(
            ConsoleApi.ApiRefusal.class,
            refusal ->
                refusal.signedOut()
                    ? Mono.error(refusal)
                    : Mono.just(
                        Rendering.view("console/supervisor")
                            .modelAttribute("user", user)
                            .modelAttribute("board", null)
                            .modelAttribute("breached", List.of())
                            .modelAttribute("breachedTotal", 0)
                            .modelAttribute(
                                "kpiError", "KPIs are not available: " + refusal.getMessage())
                            .build()));
  }

  // ---- errors ----------------------------------------------------------------------------------

  /** The API refused a read (not found, forbidden) or is unreachable: a page that says so. */
  @ExceptionHandler(ConsoleApi.ApiRefusal.class)
  Mono<Rendering> refused(ConsoleApi.ApiRefusal refusal, Authentication caller) {
    if (refusal.signedOut()) {
      return Mono.just(Rendering.redirectTo(ConsoleSecurityConfig.SIGN_IN + "?expired").build());
    }
    HttpStatus status = HttpStatus.resolve(refusal.status());
    return Mono.just(
        Rendering.view("console/refused")
            .modelAttribute("user", caller == null ? null : user(caller))
            .modelAttribute("reason", refusal.getMessage())
            .status(
                status == null || status.is5xxServerError()
                    ? HttpStatus.SERVICE_UNAVAILABLE
                    : status)
            .build());
  }

  @ExceptionHandler(SignInExpired.class)
  Mono<Rendering> expired() {
    return Mono.just(Rendering.redirectTo(ConsoleSecurityConfig.SIGN_IN + "?expired").build());
  }

  /** The session's token has expired. */
  static final class SignInExpired extends RuntimeException {
    SignInExpired() {
      super("the sign-in has expired");
    }
  }

  static User user(Authentication caller) {
    return new User(
        caller.getName(),
        caller.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_"))
            .map(a -> a.substring("ROLE_".length()))
            .collect(Collectors.toUnmodifiableSet()));
  }

  private String token(Authentication caller) {
    if (!(caller instanceof JwtAuthenticationToken jwt)) {
      throw new SignInExpired();
    }
    Instant expires = jwt.getToken().getExpiresAt();
    if (expires != null && !expires.isAfter(clock.instant())) {
      throw new SignInExpired();
    }
    return jwt.getToken().getTokenValue();
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  static URI uri(String path) {
    return URI.create(path);
  }
}
