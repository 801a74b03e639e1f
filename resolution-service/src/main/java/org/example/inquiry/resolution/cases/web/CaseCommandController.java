package org.example.inquiry.resolution.cases.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.streams.CommandOutcomes;
import org.example.inquiry.platform.validation.MoneyInput;
import org.example.inquiry.platform.validation.ValidMoney;
import org.example.inquiry.resolution.cases.CaseWorkflow;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.config.ResolutionProperties;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.identity.PersonIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Agents', approvers' and supervisors' work on a case. Each request becomes an {@code
 * InquiryCommand} on the inquiry's partition; the case processor that owns it checks it against the
 * current case, and the request answers with the real outcome (200 with the case, or the refusal as
 * 400/403/404/409 problem+json) once the case store has materialised it, on whichever instance.
 */
@RestController
class CaseCommandController {

  private final CaseQueries cases;
  private final CommandOutcomes<InquiryCase> outcomes;
  private final EventPublisher publisher;
  private final CaseWorkflow workflow;
  private final Clock clock = Clock.systemUTC();
  private final ResolutionProperties properties;

  CaseCommandController(
      CaseQueries cases,
      CommandOutcomes<InquiryCase> outcomes,
      EventPublisher publisher,
      CaseWorkflow workflow,
      ResolutionProperties properties) {
    this.properties = properties;
    this.cases = cases;
    this.outcomes = outcomes;
    this.workflow = workflow;
    this.publisher = publisher;
  }

  /** An accepted command: its id, the action it proposed or decided, and the case after it. */
  record CommandAccepted(
      String commandId,
      String outcome,
      @JsonInclude(JsonInclude.Include.NON_NULL) String actionId,
      @JsonProperty("case") CaseView kase) {}

  /** The outcome of a command, with the case that shows it. */
  private record Answer(CaseView.OutcomeView outcome, CaseView kase) {}

  record TextRequest(@NotBlank @Size(max = 20_000) String text) {}

  /**
   * @param team the case's team the assignee works it for (one assignee per team); absent: the case
   *     as a whole
   */
  record AssignRequest(
      @NotBlank @Size(max = 100) String assignee,
      @Size(max = 100) @Pattern(regexp = "[a-z0-9-]+", message = "must be a team name")
          String team) {}

  @ValidMoney
  record AmountDto(
      @NotNull
          @DecimalMin(value = "0.01", message = "must be positive")
          @Digits(integer = 15, fraction = 4)
          BigDecimal amount,
      @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like USD")
          String currency)
      implements MoneyInput {}

  record ActionRequest(
      @NotBlank @Pattern(regexp = ActionType.PATTERN, message = ActionType.MESSAGE) String type,
      @NotNull @Valid AmountDto amount,
      @Size(max = 64) String invoiceReference,
      @NotBlank @Size(max = 2000) String reason) {}

  record DecisionRequest(@Size(max = 2000) String reason) {}

  record ResolveRequest(
      @NotBlank @Size(max = 64) String resolutionCode,
      @Size(max = 500) String rootCause,
      @Size(max = 20) List<@NotBlank @Size(max = 64) String> confirmedTypes) {}

  record ReopenRequest(@NotBlank @Size(max = 2000) String reason) {}

  /**
   * @param types the inquiry's types, main type first
   */
  record ReclassifyRequest(
      @NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 50) String> types,
      @NotBlank @Size(max = 2000) String reason) {}

  /**
   * @param team whose supervisor; absent: the lead team's
   */
  record EscalationRequest(
      @NotBlank @Size(max = 2000) String reason,
      @Size(max = 100) @Pattern(regexp = "[a-z0-9-]+", message = "must be a team name")
          String team) {}

  /**
   * @param teams the teams to route to, the lead team first
   */
  record RerouteRequest(
      @NotEmpty @Size(max = 5)
          List<
                  @NotBlank @Size(max = 100)
                  @Pattern(regexp = "[a-z0-9-]+", message = "must be a team name") String>
              teams,
      @NotBlank @Size(max = 2000) String reason) {}

  record ReversalRequest(@NotBlank @Size(max = 2000) String reason) {}

  record LinkCustomerRequest(
      @NotBlank
          @Size(max = 64)
          @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a customer master id")
          String customerId) {}

  @Operation(
      summary =
          "Claim the inquiry, or with ?team= one team's part of a multi-team inquiry (one assignee"
              + " per team)")
  @PostMapping(path = "/api/v1/inquiries/{id}/claim", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<CommandAccepted> claim(
      @PathVariable String id,
      @RequestParam(required = false)
          @Size(max = 100)
          @Pattern(regexp = "[a-z0-9-]+", message = "must be a team name")
          String team,
      Authentication caller) {
    return send(id, caller, command(id, caller, "CLAIM").setTeam(team));
  }

  @Operation(summary = "Assign the inquiry to an agent")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/assignment",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('supervisor')")
  Mono<CommandAccepted> assign(
      @PathVariable String id, @Valid @RequestBody AssignRequest body, Authentication caller) {
    return send(
        id,
        caller,
        command(id, caller, "ASSIGN")
            .setAssignee(PersonIds.canonicalOrFolded(body.assignee()))
            .setTeam(body.team()));
  }

  @Operation(summary = "Reply to the customer (the first reply is the first response)")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/replies",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('agent')")
  Mono<CommandAccepted> reply(
      @PathVariable String id, @Valid @RequestBody TextRequest body, Authentication caller) {
    return send(id, caller, command(id, caller, "REPLY").setText(body.text()));
  }

  @Operation(summary = "Ask the customer for information")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/information-requests",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('agent')")
  Mono<CommandAccepted> requestInfo(
      @PathVariable String id, @Valid @RequestBody TextRequest body, Authentication caller) {
    return send(id, caller, command(id, caller, "REQUEST_INFO").setText(body.text()));
  }

  @Operation(summary = "Add an internal note")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/notes",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor')")
  Mono<CommandAccepted> note(
      @PathVariable String id, @Valid @RequestBody TextRequest body, Authentication caller) {
    return send(id, caller, command(id, caller, "NOTE").setText(body.text()));
  }

  @Operation(
      summary =
          "Propose a financial action; the routed approval policy decides who must approve it."
              + " The amount is gross; for CREDIT_LIMIT_CHANGE it is the new limit, and the"
              + " approval tier follows the increase over the customer master's limit")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/actions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('agent')")
  Mono<CommandAccepted> propose(
      @PathVariable String id, @Valid @RequestBody ActionRequest body, Authentication caller) {
    String currency = body.amount().currency();
    return send(
        id,
        caller,
        command(id, caller, "PROPOSE_ACTION")
            .setActionType(body.type())
            .setAmount(
                new Money(body.amount().amount().setScale(4, RoundingMode.UNNECESSARY), currency))
            .setInvoiceReference(body.invoiceReference())
            .setReason(body.reason()),
        found -> {
          var rates = workflow.ratesFor(found.fxToBase());
          if (!rates.containsKey(currency)) {
            throw new ResponseStatusException(
                HttpStatus.BAD_REQUEST,
                "currency "
                    + currency
                    + " is not supported; one of "
                    + new TreeSet<>(rates.keySet()));
          }
        });
  }

  @Operation(
      summary =
          "Propose the reversal of an approved ledger action (credit note, rebill, refund,"
              + " write-off): the whole amount, under the same approval ladder; once approved it"
              + " is published as an effect that reverses the original")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/actions/{actionId}/reversal",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('agent')")
  Mono<CommandAccepted> reverse(
      @PathVariable String id,
      @PathVariable String actionId,
      @Valid @RequestBody ReversalRequest body,
      Authentication caller) {
    return send(
        id,
        caller,
        command(id, caller, "PROPOSE_ACTION").setReverses(actionId).setReason(body.reason()));
  }

  @Operation(summary = "Approve a proposed action")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/actions/{actionId}/approval",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('approver','supervisor')")
  Mono<CommandAccepted> approve(
      @PathVariable String id,
      @PathVariable String actionId,
      @Valid @RequestBody(required = false) DecisionRequest body,
      Authentication caller) {
    return send(
        id,
        caller,
        command(id, caller, "APPROVE")
            .setActionId(actionId)
            .setReason(body == null ? null : body.reason()));
  }

  @Operation(summary = "Reject a proposed action, with a reason")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/actions/{actionId}/rejection",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('approver','supervisor')")
  Mono<CommandAccepted> reject(
      @PathVariable String id,
      @PathVariable String actionId,
      @Valid @RequestBody DecisionRequest body,
      Authentication caller) {
    return send(
        id, caller, command(id, caller, "REJECT").setActionId(actionId).setReason(body.reason()));
  }

  @Operation(summary = "Resolve the inquiry; approved actions become its financial adjustments")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/resolution",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('agent')")
  Mono<CommandAccepted> resolve(
      @PathVariable String id, @Valid @RequestBody ResolveRequest body, Authentication caller) {
    return send(
        id,
        caller,
        command(id, caller, "RESOLVE")
            .setResolutionCode(body.resolutionCode())
            .setRootCause(body.rootCause())
            .setConfirmedTypes(body.confirmedTypes() == null ? List.of() : body.confirmedTypes()));
  }

  @Operation(
      summary =
          "Correct the inquiry's types (main type first), with why: resolving confirms them, so"
              + " the classifier learns the correction; the teams stay as routed")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/classification",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<CommandAccepted> reclassify(
      @PathVariable String id, @Valid @RequestBody ReclassifyRequest body, Authentication caller) {
    return send(
        id,
        caller,
        command(id, caller, "RECLASSIFY").setConfirmedTypes(body.types()).setReason(body.reason()));
  }

  @Operation(
      summary =
          "Escalate the inquiry into a supervisor's queue (the lead team's, or a named team's), with"
              + " why")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/escalation",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<CommandAccepted> escalate(
      @PathVariable String id, @Valid @RequestBody EscalationRequest body, Authentication caller) {
    return send(
        id, caller, command(id, caller, "ESCALATE").setReason(body.reason()).setTeam(body.team()));
  }

  @Operation(
      summary =
          "Route the inquiry to other teams (the lead team first), with why: the router works out"
              + " the routing again for them (priority, SLA due times, assignees, approval ladder)"
              + " and the case takes it when it comes; the answer shows the request on the"
              + " timeline")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/rerouting",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<CommandAccepted> reroute(
      @PathVariable String id, @Valid @RequestBody RerouteRequest body, Authentication caller) {
    List<String> unknown =
        body.teams().stream().filter(t -> !properties.teams().contains(t)).toList();
    if (!unknown.isEmpty()) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.BAD_REQUEST,
              "unknown teams " + unknown + "; the teams are " + properties.teams()));
    }
    return send(
        id, caller, command(id, caller, "REROUTE").setTeams(body.teams()).setReason(body.reason()));
  }

  @Operation(summary = "Reopen a resolved inquiry")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/reopening",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<CommandAccepted> reopen(
      @PathVariable String id, @Valid @RequestBody ReopenRequest body, Authentication caller) {
    return send(id, caller, command(id, caller, "REOPEN").setReason(body.reason()));
  }

  @Operation(
      summary =
          "Link an inquiry from an unknown sender to a customer of the customer master (after the"
              + " customer is registered); financial actions need the customer KYC-verified")
  @PostMapping(
      path = "/api/v1/inquiries/{id}/customer",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<CommandAccepted> linkCustomer(
      @PathVariable String id,
      @Valid @RequestBody LinkCustomerRequest body,
      Authentication caller) {
    return send(id, caller, command(id, caller, "LINK_CUSTOMER").setCustomerId(body.customerId()));
  }

  private InquiryCommand.Builder command(String inquiryId, Authentication caller, String type) {
    return InquiryCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setInquiryId(inquiryId)
        .setIssuedAt(clock.instant())
        .setActor(caller.getName())
        .setRoles(
            caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .toList())
        .setType(type);
  }

  private static String authorization(Authentication caller) {
    return "Bearer " + ((JwtAuthenticationToken) caller).getToken().getTokenValue();
  }

  private Mono<CommandAccepted> send(
      String inquiryId, Authentication caller, InquiryCommand.Builder builder) {
    return send(inquiryId, caller, builder, found -> {});
  }

  /**
   * Writes the command once the case exists and {@code precheck} (which throws to refuse, e.g. a
   * 400 for input only the case can judge) accepts it, then waits for its outcome.
   */
  private Mono<CommandAccepted> send(
      String inquiryId,
      Authentication caller,
      InquiryCommand.Builder builder,
      Consumer<CaseView> precheck) {
    InquiryCommand command = builder.build();
    String commandId = command.getCommandId();
    String authorization = authorization(caller);
    return cases
        .find(inquiryId, authorization)
        .flatMap(found -> Mono.justOrEmpty(found))
        .switchIfEmpty(Mono.error(() -> CaseQueryController.notFound(inquiryId)))
        .doOnNext(precheck)
        .flatMap(
            found ->
                outcomes.publishAndAwait(
                    inquiryId,
                    commandId,
                    () -> publisher.publish(Topics.INQUIRY_COMMANDS.name(), inquiryId, command),
                    kase ->
                        Optional.ofNullable(kase.outcomes().get(commandId))
                            .map(o -> new Answer(CaseView.outcome(o), cases.view(kase))),
                    () ->
                        cases
                            .find(inquiryId, authorization)
                            .map(
                                view ->
                                    view.flatMap(
                                        v ->
                                            Optional.ofNullable(v.outcomes().get(commandId))
                                                .map(o -> new Answer(o, v)))),
                    "Command "
                        + commandId
                        + " was accepted for processing but its outcome is not visible yet;"
                        + " check the case timeline"))
        .map(
            answer -> {
              if (!answer.outcome().accepted()) {
                throw new ResponseStatusException(
                    HttpStatus.valueOf(answer.outcome().status()), answer.outcome().reason());
              }
              return new CommandAccepted(
                  commandId, "accepted", answer.outcome().actionId(), answer.kase());
            });
  }
}
