package org.example.inquiry.resolution.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.security.PlatformSecurityAutoConfiguration;
import org.example.inquiry.platform.streams.CommandOutcomes;
import org.example.inquiry.platform.streams.OutcomeNotVisibleException;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.example.inquiry.platform.web.WebPlatformAutoConfiguration;
import org.example.inquiry.resolution.cases.CaseCommand;
import org.example.inquiry.resolution.cases.CaseWorkflow;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.Money;
import org.example.inquiry.resolution.cases.processing.CaseMapper;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.ServiceTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The command API in a web slice, with the platform's security and error handling and the case
 * processor replaced by the real workflow: how requests are validated, and how each outcome (a
 * refusal, an unknown case, a store not ready, an outcome not visible) becomes an HTTP answer.
 */
@WebFluxTest(controllers = CaseCommandController.class)
// A first request under load (a CI machine shared with other builds) takes more than 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@ImportAutoConfiguration({
  PlatformSecurityAutoConfiguration.class,
  WebPlatformAutoConfiguration.class
})
class CaseCommandControllerTest {

  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  static final CaseWorkflow WORKFLOW = new CaseWorkflow(Map.of(), 0.75);

  @DynamicPropertySource
  static void tokens(DynamicPropertyRegistry registry) {
    ServiceTestProperties.registerTokens(registry);
  }

  @TestConfiguration
  static class Workflow {
    @Bean
    CaseWorkflow caseWorkflow() {
      return WORKFLOW;
    }

    @Bean
    org.example.inquiry.resolution.config.ResolutionProperties resolutionProperties() {
      return new org.example.inquiry.resolution.config.ResolutionProperties(
          java.util.Map.of(),
          0.75,
          null,
          null,
          "test",
          null,
          null,
          java.util.List.of("billing", "collections"));
    }
  }

  @Autowired WebTestClient web;
  @MockitoBean CaseQueries cases;
  @MockitoBean CommandOutcomes<InquiryCase> outcomes;
  @MockitoBean EventPublisher publisher;

  InquiryCase opened;

  @BeforeEach
  void anOpenCase() {
    InquiryRouted routed = Events.aRoutedInquiry("slice-1", T0);
    routed.setExcludedPeople(List.of("am.jsmith"));
    opened = WORKFLOW.routed(null, CaseMapper.fromRouted(routed), T0).next();
    when(cases.find(anyString(), anyString()))
        .thenReturn(Mono.just(Optional.of(CaseView.of(opened))));
    when(cases.view(any())).thenAnswer(call -> CaseView.of((InquiryCase) call.getArgument(0)));
  }

  /** The case processor, as far as the controller can tell: the workflow applied to the case. */
  @SuppressWarnings("unchecked")
  void processedAs(Function<CaseCommand.Issued, CaseCommand> command) {
    when(outcomes.publishAndAwait(anyString(), anyString(), any(), any(), any(), anyString()))
        .thenAnswer(
            call -> {
              String commandId = call.getArgument(1);
              var issued = new CaseCommand.Issued(commandId, "caller", Set.of("agent"), T0);
              InquiryCase after = WORKFLOW.handle(opened, command.apply(issued)).next();
              Function<InquiryCase, Optional<Object>> outcome = call.getArgument(3);
              return Mono.justOrEmpty(outcome.apply(after));
            });
  }

  WebTestClient.ResponseSpec post(String path, String body, String token) {
    var request = web.post().uri(path).headers(h -> h.setBearerAuth(token));
    return body == null
        ? request.exchange()
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  static String token(String user, String role) {
    return LocalJwt.get().token(role, user);
  }

  @Test
  void anAcceptedCommandAnswersWithTheCaseAfterIt() {
    processedAs(issued -> new CaseCommand.Claim(issued));

    post("/api/v1/inquiries/slice-1/claim", null, token("alice", "agent"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.outcome")
        .isEqualTo("accepted")
        .jsonPath("$.actionId")
        .doesNotExist()
        .jsonPath("$.case.status")
        .isEqualTo("IN_PROGRESS")
        .jsonPath("$.case.context.references[0]")
        .isEqualTo("LETTER_OF_CREDIT:LC-77")
        .jsonPath("$.case.context.amount")
        .isEqualTo(22000.0);
  }

  @Test
  void aForbiddenRefusalIs403ProblemJsonWithTheReason() {
    processedAs(
        issued ->
            new CaseCommand.Claim(
                new CaseCommand.Issued(issued.commandId(), "am.jsmith", Set.of("agent"), T0)));

    post("/api/v1/inquiries/slice-1/claim", null, token("am.jsmith", "agent"))
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).contains("segregation of duties"));
  }

  @Test
  void aConflictRefusalIs409() {
    processedAs(issued -> new CaseCommand.Reopen(issued, "customer disagrees"));

    post(
            "/api/v1/inquiries/slice-1/reopening",
            "{\"reason\": \"customer disagrees\"}",
            token("alice", "agent"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("the inquiry is not resolved");
  }

  @Test
  void anUnknownInquiryIs404AndNothingIsPublished() {
    when(cases.find(anyString(), anyString())).thenReturn(Mono.just(Optional.empty()));

    post("/api/v1/inquiries/nope/claim", null, token("alice", "agent"))
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No inquiry nope is known to resolution");
    verifyNoInteractions(outcomes, publisher);
  }

  @Test
  void anInvalidProposalIs400NamingEachFieldAndNothingIsPublished() {
    post(
            "/api/v1/inquiries/slice-1/actions",
            "{\"type\": \"BRIBE\", \"amount\": {\"amount\": \"-5\", \"currency\": \"USD\"},"
                + " \"reason\": \"x\"}",
            token("ben", "agent"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(fields -> assertThat(fields.toString()).contains("type", "amount.amount"));
    verifyNoInteractions(outcomes, publisher);
  }

  @Test
  void aCurrencyOutsideTheRoutedRatesIs400BeforeAnythingIsPublished() {
    post(
            "/api/v1/inquiries/slice-1/actions",
            "{\"type\": \"REFUND\", \"amount\": {\"amount\": \"5\", \"currency\": \"JPY\"},"
                + " \"reason\": \"x\"}",
            token("ben", "agent"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("currency JPY is not supported; one of [EUR, USD]");
    verifyNoInteractions(outcomes, publisher);
  }

  @Test
  void aRoleOutsideTheEndpointsRolesIs403BeforeTheCaseIsRead() {
    post("/api/v1/inquiries/slice-1/claim", null, token("portal", "channel"))
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(outcomes, publisher);
  }

  @Test
  void anOutcomeThatDoesNotMaterialiseIs504() {
    when(outcomes.publishAndAwait(anyString(), anyString(), any(), any(), any(), anyString()))
        .thenReturn(Mono.error(new OutcomeNotVisibleException("not visible yet")));

    post("/api/v1/inquiries/slice-1/claim", null, token("alice", "agent"))
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aCaseStoreThatIsNotReadyIs503() {
    when(cases.find(anyString(), anyString()))
        .thenReturn(Mono.error(new StoreUnavailableException("The case store is not ready")));

    post("/api/v1/inquiries/slice-1/claim", null, token("alice", "agent"))
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aProposalAnswersWithItsActionId() {
    processedAs(
        issued ->
            new CaseCommand.ProposeAction(
                issued,
                null,
                ActionType.REFUND,
                new Money(new BigDecimal("5.0000"), "USD"),
                null,
                "x"));

    post(
            "/api/v1/inquiries/slice-1/actions",
            "{\"type\": \"REFUND\", \"amount\": {\"amount\": \"5\", \"currency\": \"USD\"},"
                + " \"reason\": \"x\"}",
            token("ben", "agent"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.actionId")
        .isNotEmpty()
        .jsonPath("$.case.actions[0].amount")
        .isEqualTo(5.0)
        .jsonPath("$.case.actions[0].currency")
        .isEqualTo("USD");
  }
}
