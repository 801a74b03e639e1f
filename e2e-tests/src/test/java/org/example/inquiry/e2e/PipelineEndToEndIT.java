package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.example.inquiry.testing.LocalJwt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An inquiry POSTed to intake travels received, classified and routed into resolution's case view,
 * and metrics counts it: five real service processes on a real (embedded) broker.
 */
@ExtendWith(SharedPipeline.class)
class PipelineEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static PipelineUnderTest pipeline;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    pipeline = SharedPipeline.get();
  }

  @Test
  void anInquiryTravelsFromIntakeToTheCaseViewAndIsCounted() throws Exception {
    String channel = LocalJwt.get().token("channel", "portal");
    String agent = LocalJwt.get().token("agent", "alice");
    String body =
        """
        {"customerId": "C-1001",
         "contact": {"name": "Dana Ortiz", "email": "Dana.Ortiz@Acme.example"},
         "subject": "Delayed shipment under letter of credit LC-77",
         "body": "Our order PO-5521 for USD 22,000 under letter of credit LC-77 is delayed; the invoice must be adjusted.",
         "channel": "PORTAL",
         "references": [{"kind": "LETTER_OF_CREDIT", "value": "LC-77"}],
         "amount": {"amount": "22000.00", "currency": "USD"}}
        """;

    HttpResponse<String> submitted =
        post(pipeline.url("intake-service") + "/api/v1/inquiries", body, channel);

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String inquiryId = JSON.readTree(submitted.body()).path("inquiryId").asText();
    assertThat(submitted.headers().firstValue("Location"))
        .hasValue("/api/v1/inquiries/" + inquiryId);

    JsonNode inquiryCase =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    get(
                        pipeline.url("resolution-service") + "/api/v1/inquiries/" + inquiryId,
                        agent),
                response -> response.statusCode() == 200)
            .body()
            .transform(PipelineEndToEndIT::json);
    assertThat(inquiryCase.path("status").asText()).isEqualTo("OPEN");
    assertThat(inquiryCase.path("context").path("customerId").asText()).isEqualTo("C-1001");
    assertThat(inquiryCase.path("types").toString())
        .contains("letter-of-credit", "logistics-billing");
    assertThat(inquiryCase.path("teams").toString()).contains("operations", "billing");
    assertThat(inquiryCase.path("context").path("amount").decimalValue())
        .isEqualByComparingTo("22000");
    assertThat(inquiryCase.path("timeline").findValuesAsText("event"))
        .containsExactly("RECEIVED", "ROUTED");

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              HttpResponse<String> kpis =
                  get(pipeline.url("metrics-service") + "/api/v1/kpis", agent);
              assertThat(kpis.statusCode()).isEqualTo(200);
              JsonNode stages = json(kpis.body()).path("stageEvents");
              assertThat(stages.path("received").asLong()).isGreaterThanOrEqualTo(1);
              assertThat(stages.path("routed").asLong()).isGreaterThanOrEqualTo(1);
            });
  }

  @Test
  void requestsWithoutTokenWrongRoleOrBadBodyAreRefusedWithProblemJson() throws Exception {
    String intake = pipeline.url("intake-service") + "/api/v1/inquiries";
    String valid =
        "{\"contact\": {\"email\": \"a@b.example\"}, \"subject\": \"s\", \"body\": \"b\"}";

    HttpResponse<String> noToken = post(intake, valid, null);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    HttpResponse<String> wrongRole = post(intake, valid, LocalJwt.get().token("agent", "alice"));
    assertThat(wrongRole.statusCode()).isEqualTo(403);
    assertThat(json(wrongRole.body()).path("status").asInt()).isEqualTo(403);

    HttpResponse<String> notJson =
        post(intake, "this is not json", LocalJwt.get().token("channel", "portal"));
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    HttpResponse<String> missing =
        post(intake, "{\"subject\": \"\"}", LocalJwt.get().token("channel", "portal"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing.body()).path("errors").findValuesAsText("field"))
        .contains("contact", "subject", "body");

    HttpResponse<String> unknownCase =
        get(
            pipeline.url("resolution-service") + "/api/v1/inquiries/nope",
            LocalJwt.get().token("agent", "alice"));
    assertThat(unknownCase.statusCode()).isEqualTo(404);
    assertThat(unknownCase.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
  }

  private HttpResponse<String> post(String url, String body, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
