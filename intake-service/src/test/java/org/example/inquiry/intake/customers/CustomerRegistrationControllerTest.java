package org.example.inquiry.intake.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.security.PlatformSecurityAutoConfiguration;
import org.example.inquiry.platform.streams.CommandOutcomes;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.example.inquiry.platform.web.WebPlatformAutoConfiguration;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.RiskRating;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.ServiceTestProperties;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Registration and KYC verification in a web slice: validation, the maker-checker refusal and the
 * customer master's answers over HTTP, with the customer master view and the outcome wait mocked.
 */
@WebFluxTest(controllers = CustomerRegistrationController.class)
// A first request under load (a CI machine shared with other builds) takes more than 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@ImportAutoConfiguration({
  PlatformSecurityAutoConfiguration.class,
  WebPlatformAutoConfiguration.class
})
class CustomerRegistrationControllerTest {

  static final String REGISTRATION =
      "{\"customerId\": \"C-2001\", \"legalName\": \"Borealis Foods GmbH\", \"segment\":"
          + " \"MID_MARKET\", \"contacts\": [{\"name\": \"Ana\", \"email\":"
          + " \"ana@borealis.example\"}]}";

  @DynamicPropertySource
  static void tokens(DynamicPropertyRegistry registry) {
    ServiceTestProperties.registerTokens(registry);
  }

  @Autowired WebTestClient web;
  @MockitoBean CustomerDirectory directory;
  @MockitoBean CommandOutcomes<Customer> outcomes;
  @MockitoBean EventPublisher publisher;

  /** The view shows what was published, as the global store's processor would report it. */
  @SuppressWarnings("unchecked")
  void theViewShowsWhatIsPublished() {
    when(outcomes.publishAndAwait(anyString(), anyString(), any(), any(), any(), anyString()))
        .thenAnswer(
            call -> {
              ((Runnable) call.getArgument(2)).run();
              ArgumentCaptor<Customer> published = ArgumentCaptor.forClass(Customer.class);
              verify(publisher)
                  .publish(eq(Topics.CUSTOMERS.name()), anyString(), published.capture());
              Function<Customer, Optional<Object>> outcome = call.getArgument(3);
              return Mono.justOrEmpty(outcome.apply(published.getValue()));
            });
  }

  static Customer registeredBy(String registrar) {
    return Customer.newBuilder()
        .setCustomerId("C-2001")
        .setLegalName("Borealis Foods GmbH")
        .setSegment("MID_MARKET")
        .setContacts(List.of(new Contact("Ana", "ana@borealis.example")))
        .setKycStatus(KycStatus.PENDING)
        .setRiskRating(RiskRating.UNRATED)
        .setUpdatedAt(Instant.parse("2026-11-25T09:00:00Z"))
        .setRegisteredBy(registrar)
        .build();
  }

  WebTestClient.ResponseSpec post(String path, String body, String token) {
    return web.post()
        .uri(path)
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  @Test
  void aRegistrationIs201WithTheCustomerAsTheViewNowShowsIt() {
    when(directory.record("C-2001")).thenReturn(Optional.empty());
    theViewShowsWhatIsPublished();

    post("/api/v1/customers", REGISTRATION, LocalJwt.get().token("agent", "carl"))
        .expectStatus()
        .isCreated()
        .expectHeader()
        .location("/api/v1/customers/C-2001")
        .expectBody()
        .jsonPath("$.kycStatus")
        .isEqualTo("PENDING")
        .jsonPath("$.registeredBy")
        .isEqualTo("carl")
        .jsonPath("$.contactEmails[0]")
        .isEqualTo("ana@borealis.example");
  }

  @Test
  void anExistingCustomerIs409AndNothingIsPublished() {
    Customer existing = registeredBy("carl");
    when(directory.record("C-2001")).thenReturn(Optional.of(existing));

    post("/api/v1/customers", REGISTRATION, LocalJwt.get().token("agent", "carl"))
        .expectStatus()
        .isEqualTo(409);
    verifyNoInteractions(outcomes, publisher);
  }

  @Test
  void theRegistrarMayNotVerifyUnderAnySpellingOfTheName() {
    Customer registered = registeredBy("carl");
    when(directory.record("C-2001")).thenReturn(Optional.of(registered));

    post(
            "/api/v1/customers/C-2001/kyc-verification",
            "{\"outcome\": \"VERIFIED\"}",
            LocalJwt.get().token("approver", "CARL"))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).contains("segregation of duties"));
    verifyNoInteractions(outcomes, publisher);
  }

  @Test
  void anInvalidRegistrationIs400NamingEachField() {
    post(
            "/api/v1/customers",
            "{\"customerId\": \"C 1\", \"legalName\": \"X\", \"segment\": \"GIANT\", \"contacts\":"
                + " []}",
            LocalJwt.get().token("agent", "carl"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(f -> assertThat(f.toString()).contains("customerId", "segment", "contacts"));
    verifyNoInteractions(directory, outcomes, publisher);
  }

  @Test
  void aCustomerMasterViewThatIsNotReadyIs503() {
    when(directory.record("C-2001"))
        .thenThrow(new StoreUnavailableException("The customer master view is not ready yet"));

    post("/api/v1/customers", REGISTRATION, LocalJwt.get().token("agent", "carl"))
        .expectStatus()
        .isEqualTo(503);
  }
}
