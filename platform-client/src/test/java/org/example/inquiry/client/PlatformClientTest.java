package org.example.inquiry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlatformClientTest {

  private static final String ID = "3f1c2a4e-9b7d-4c55-8e21-0a6b5c4d3e2f";

  private RecordingServer server;
  private PlatformClient client;

  @BeforeEach
  void start() {
    server = new RecordingServer();
    client =
        new PlatformClient(
            new PlatformEndpoints(server.uri(), server.uri(), server.uri()),
            Tokens.fromPrivateKey(TestKeys.privatePem()),
            Duration.ofSeconds(5),
            Duration.ofMillis(20));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void localEndpointsShiftTheStackPorts() {
    PlatformEndpoints local = PlatformEndpoints.local("127.0.0.1", 100);

    assertThat(local.intake()).isEqualTo(URI.create("http://127.0.0.1:8180"));
    assertThat(local.resolution()).isEqualTo(URI.create("http://127.0.0.1:8184"));
    assertThat(local.metrics()).isEqualTo(URI.create("http://127.0.0.1:8185"));
  }

  @Test
  void submitsAnInquiryAsAChannelClientWithItsIdempotencyKey() throws Exception {
    server.answer(
        "/api/v1/inquiries", 202, "{\"inquiryId\":\"" + ID + "\",\"status\":\"RECEIVED\"}");

    Reply reply =
        client.submit(
            "portal",
            Map.of(
                "customerId", "C-1001",
                "contact", Map.of("name", "Dana Ortiz", "email", "dana.ortiz@acme.example"),
                "subject", "Invoice copy",
                "body", "Please resend INV-2026-000123.",
                "amount", Map.of("amount", new BigDecimal("22000.00"), "currency", "USD")),
            "run-1-0001");

    assertThat(reply.isOk()).isTrue();
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.text("inquiryId")).isEqualTo(ID);
    assertThat(reply.json().get("status").asString()).isEqualTo("RECEIVED");
    RecordingServer.Recorded request = server.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v1/inquiries");
    assertThat(request.header("Idempotency-Key")).isEqualTo("run-1-0001");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertBearer(request, "channel", "portal");
    JsonNode body = PlatformClient.json().readTree(request.body());
    assertThat(body.get("contact").get("email").asString()).isEqualTo("dana.ortiz@acme.example");
    assertThat(body.get("amount").get("amount").decimalValue())
        .isEqualByComparingTo(new BigDecimal("22000.00"));
  }

  @Test
  void leavesTheIdempotencyKeyOutWhenThereIsNone() {
    client.submit(
        "portal",
        PlatformClient.json().createObjectNode().put("subject", "s").put("body", "b"),
        null);

    assertThat(server.last().header("Idempotency-Key")).isNull();
  }

  @Test
  void deliversRawEmailAsMessageRfc822() {
    byte[] mail =
        "From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    client.submitEmail("mail-gateway", mail);

    RecordingServer.Recorded request = server.last();
    assertThat(request.path()).isEqualTo("/api/v1/channels/email");
    assertThat(request.header("Content-Type")).isEqualTo("message/rfc822");
    assertThat(request.body()).isEqualTo(mail);
    assertBearer(request, "channel", "mail-gateway");
  }

  @Test
  void sendsFollowUpsAndFeedbackAsTheChannel() throws Exception {
    client.followUp("portal", ID, "Dana Ortiz", "dana@acme.example", null, "Here it is.", "f-1");
    RecordingServer.Recorded followUp = server.last();
    client.feedback("portal", ID, 5, "quick", null);
    RecordingServer.Recorded feedback = server.last();

    assertThat(followUp.path()).isEqualTo("/api/v1/inquiries/" + ID + "/follow-ups");
    assertThat(followUp.header("Idempotency-Key")).isEqualTo("f-1");
    assertThat(PlatformClient.json().readTree(followUp.body()).has("subject")).isFalse();
    assertThat(followUp.bodyText()).contains("\"body\":\"Here it is.\"");
    assertThat(feedback.path()).isEqualTo("/api/v1/inquiries/" + ID + "/feedback");
    assertThat(PlatformClient.json().readTree(feedback.body()).get("score").asInt()).isEqualTo(5);
    assertBearer(feedback, "channel", "portal");
  }

  @Test
  void readsCustomersAndImportsTheMasterAsCsv() {
    client.customer("C-1001");
    RecordingServer.Recorded read = server.last();
    client.importCustomers("customerId,legalName\nC-1,X\n");
    RecordingServer.Recorded imported = server.last();

    assertThat(read.method()).isEqualTo("GET");
    assertThat(read.path()).isEqualTo("/api/v1/customers/C-1001");
    assertBearer(read, "agent", PlatformClient.DEFAULT_READER);
    assertThat(imported.path()).isEqualTo("/api/v1/customers/import");
    assertThat(imported.header("Content-Type")).isEqualTo("text/csv");
    assertBearer(imported, "supervisor", PlatformClient.DEFAULT_READER);
  }

  @Test
  void worksACaseAsTheActingPeople() throws Exception {
    server.answer(
        "/api/v1/inquiries/" + ID + "/actions",
        200,
        "{\"outcome\":\"accepted\",\"actionId\":\"a-1\",\"case\":{\"status\":\"PENDING_APPROVAL\"}}");

    client.claim(ID, "carl");
    RecordingServer.Recorded claim = server.last();
    client.reply(ID, "carl", "We are on it.");
    RecordingServer.Recorded reply = server.last();
    Reply proposed =
        client.proposeAction(
            ID, "carl", "CREDIT_NOTE", new BigDecimal("1250.50"), "EUR", "INV-1", "overcharge");
    RecordingServer.Recorded propose = server.last();
    client.approve(ID, "a-1", "ivy", "approver");
    RecordingServer.Recorded approve = server.last();
    client.reject(ID, "a-1", "jon", "approver", "not documented");
    RecordingServer.Recorded reject = server.last();
    client.resolve(ID, "carl", "ADJUSTED", "pricing error", List.of("billing-discrepancy"));
    RecordingServer.Recorded resolve = server.last();

    assertThat(claim.method()).isEqualTo("POST");
    assertThat(claim.path()).isEqualTo("/api/v1/inquiries/" + ID + "/claim");
    assertThat(claim.body()).isEmpty();
    assertBearer(claim, "agent", "carl");
    assertThat(reply.path()).endsWith("/replies");
    assertThat(reply.bodyText()).isEqualTo("{\"text\":\"We are on it.\"}");
    assertThat(proposed.json().get("actionId").asString()).isEqualTo("a-1");
    JsonNode action = PlatformClient.json().readTree(propose.body());
    assertThat(action.get("type").asString()).isEqualTo("CREDIT_NOTE");
    assertThat(action.get("amount").get("amount").decimalValue()).isEqualByComparingTo("1250.50");
    assertThat(action.get("amount").get("currency").asString()).isEqualTo("EUR");
    assertThat(action.get("invoiceReference").asString()).isEqualTo("INV-1");
    assertThat(approve.path()).isEqualTo("/api/v1/inquiries/" + ID + "/actions/a-1/approval");
    assertThat(approve.bodyText()).isEqualTo("{}");
    assertBearer(approve, "approver", "ivy");
    assertThat(reject.path()).endsWith("/actions/a-1/rejection");
    assertThat(reject.bodyText()).contains("not documented");
    assertThat(
            PlatformClient.json().readTree(resolve.body()).get("confirmedTypes").get(0).asString())
        .isEqualTo("billing-discrepancy");
  }

  @Test
  void supervisorsAssignAndReopen() {
    client.assign(ID, "sup.billing", "chloe");
    RecordingServer.Recorded assign = server.last();
    client.reopen(ID, "sup.billing", "supervisor", "customer disagrees");
    RecordingServer.Recorded reopen = server.last();
    client.requestInformation(ID, "carl", "Which invoice?");
    RecordingServer.Recorded info = server.last();
    client.note(ID, "ivy", "approver", "checked");
    RecordingServer.Recorded note = server.last();

    assertThat(assign.path()).endsWith("/assignment");
    assertThat(assign.bodyText()).isEqualTo("{\"assignee\":\"chloe\"}");
    assertBearer(assign, "supervisor", "sup.billing");
    assertThat(reopen.path()).endsWith("/reopening");
    assertThat(info.path()).endsWith("/information-requests");
    assertThat(note.path()).endsWith("/notes");
    assertBearer(note, "approver", "ivy");
  }

  @Test
  void omitsAbsentQueryParameters() {
    client.queue("billing", null);
    RecordingServer.Recorded queue = server.last();
    client.kpis(Instant.parse("2026-11-01T00:00:00Z"), null, "team");
    RecordingServer.Recorded kpis = server.last();
    client.kpis(null, null, null);
    RecordingServer.Recorded plain = server.last();

    assertThat(queue.path()).isEqualTo("/api/v1/queues");
    assertThat(queue.query()).isEqualTo("team=billing");
    assertThat(kpis.path()).isEqualTo("/api/v1/kpis");
    assertThat(kpis.query()).isEqualTo("from=2026-11-01T00%3A00%3A00Z&groupBy=team");
    assertThat(plain.query()).isNull();
  }

  @Test
  void returnsRefusalsAndThrowsOnlyWhenAsked() {
    server.answer(
        "/api/v1/inquiries/" + ID + "/actions/a-1/approval",
        403,
        "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"carl proposed this action and may not approve or reject it (maker-checker)\"}");

    Reply reply = client.approve(ID, "a-1", "carl", "approver");

    assertThat(reply.isOk()).isFalse();
    assertThat(reply.isRefused()).isTrue();
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.header("Content-Type")).contains("application/problem+json");
    assertThatThrownBy(() -> reply.orThrow("approving a-1"))
        .isInstanceOf(PlatformCallException.class)
        .hasMessageContaining("approving a-1 failed")
        .hasMessageContaining("403")
        .hasMessageContaining("maker-checker");
  }

  @Test
  void keepsANonJsonBodyAsText() {
    server.answer("/api/v1/kpis", 502, "Bad gateway");

    Reply reply = client.kpis(null, null, null);

    assertThat(reply.json()).isNull();
    assertThat(reply.body()).isEqualTo("Bad gateway");
    assertThat(reply.detail()).isEqualTo("Bad gateway");
  }

  @Test
  void awaitsACaseUntilTheConditionHolds() {
    String path = "/api/v1/inquiries/" + ID;
    server
        .answer(path, 404, "{\"detail\":\"No inquiry\"}")
        .answer(path, 200, "{\"status\":\"OPEN\"}")
        .answer(path, 200, "{\"status\":\"RESOLVED\"}");

    Optional<JsonNode> resolved =
        client.awaitCase(
            ID, Duration.ofSeconds(5), c -> "RESOLVED".equals(c.get("status").asString()));

    assertThat(resolved).get().extracting(c -> c.get("status").asString()).isEqualTo("RESOLVED");
    assertThat(server.requests()).hasSize(3);
    assertBearer(server.last(), "agent", PlatformClient.DEFAULT_READER);
  }

  @Test
  void aLookThatGetsNoAnswerCountsAsNotYet() {
    String path = "/api/v1/inquiries/" + ID;
    server
        .answerAfter(path, 4000, 404, "{\"detail\":\"No inquiry\"}")
        .answer(path, 200, "{\"status\":\"OPEN\"}");
    long start = System.nanoTime();

    Optional<JsonNode> found = client.awaitCase(ID, Duration.ofSeconds(10), c -> true);

    assertThat(found).isPresent();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void givesUpWaitingAfterTheTimeout() {
    server.answer("/api/v1/inquiries/" + ID, 404, "{\"detail\":\"No inquiry\"}");
    long start = System.nanoTime();

    Optional<JsonNode> found = client.awaitCase(ID, Duration.ofMillis(300), c -> true);

    assertThat(found).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void namesTheServiceThatDoesNotAnswer() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI nobody = URI.create("http://127.0.0.1:" + closedPort);
    PlatformClient offline =
        new PlatformClient(
            new PlatformEndpoints(nobody, server.uri(), server.uri()),
            Tokens.fromPrivateKey(TestKeys.privatePem()));

    assertThatThrownBy(() -> offline.submit("portal", Map.of("subject", "x"), null))
        .isInstanceOf(PlatformUnreachableException.class)
        .hasMessageStartingWith(
            "intake does not answer on " + nobody + " (POST /api/v1/inquiries: ");
  }

  private static void assertBearer(RecordingServer.Recorded request, String role, String user) {
    String authorization = request.header("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    try {
      JWTClaimsSet claims = SignedJWT.parse(authorization.substring(7)).getJWTClaimsSet();
      assertThat(claims.getSubject()).isEqualTo(user);
      assertThat(claims.getStringListClaim("roles")).containsExactly(role);
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }
}
