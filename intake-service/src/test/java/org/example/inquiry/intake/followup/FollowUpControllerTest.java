package org.example.inquiry.intake.followup;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import org.example.inquiry.platform.security.PlatformSecurityAutoConfiguration;
import org.example.inquiry.platform.web.WebPlatformAutoConfiguration;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.ServiceTestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Follow-ups and feedback in a web slice: validation and the refusals as 404 and 409. */
@WebFluxTest(controllers = FollowUpController.class)
// A first request under load (a CI machine shared with other builds) takes more than 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@ImportAutoConfiguration({
  PlatformSecurityAutoConfiguration.class,
  WebPlatformAutoConfiguration.class
})
class FollowUpControllerTest {

  @DynamicPropertySource
  static void tokens(DynamicPropertyRegistry registry) {
    ServiceTestProperties.registerTokens(registry);
  }

  @Autowired WebTestClient web;
  @MockitoBean FollowUps followUps;

  WebTestClient.ResponseSpec post(String path, String body) {
    return web.post()
        .uri(path)
        .headers(h -> h.setBearerAuth(LocalJwt.get().token("channel", "portal")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  @Test
  void aFollowUpIs202WithItsStatus() {
    when(followUps.followUp(
            eq("inq-1"),
            eq(Channel.PORTAL),
            isNull(),
            anyString(),
            any(),
            any(),
            anyString(),
            any()))
        .thenReturn(FollowUps.Result.PUBLISHED);

    post("/api/v1/inquiries/inq-1/follow-ups", "{\"body\": \"any news?\"}")
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("FOLLOW_UP");
  }

  @Test
  void aFollowUpOnAnUnknownInquiryIs404() {
    when(followUps.followUp(
            anyString(), any(), any(), anyString(), any(), any(), anyString(), any()))
        .thenThrow(
            new FollowUps.Refused(
                FollowUps.Refusal.UNKNOWN_INQUIRY, "No inquiry nope was registered"));

    post("/api/v1/inquiries/nope/follow-ups", "{\"body\": \"any news?\"}")
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No inquiry nope was registered");
  }

  @Test
  void feedbackBeforeResolutionIs409() {
    doThrow(new FollowUps.Refused(FollowUps.Refusal.NOT_RESOLVED, "not resolved yet"))
        .when(followUps)
        .rate(anyString(), anyInt(), any(), any(), anyString(), any());

    post("/api/v1/inquiries/inq-1/feedback", "{\"score\": 5}").expectStatus().isEqualTo(409);
  }

  @Test
  void aScoreOutsideOneToFiveIs400NamingTheField() {
    post("/api/v1/inquiries/inq-1/feedback", "{\"score\": 6}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("score");
  }
}
