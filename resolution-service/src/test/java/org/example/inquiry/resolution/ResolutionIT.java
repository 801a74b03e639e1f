package org.example.inquiry.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.example.inquiry.resolution.console.ConsoleSession;
import org.example.inquiry.resolution.contracts.ContractTermsCsv;
import org.example.inquiry.resolution.openitems.OpenItemCsv;
import org.example.inquiry.schemas.ApprovalRequirement;
import org.example.inquiry.schemas.Attachment;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.EffectTotals;
import org.example.inquiry.schemas.InquiryApproved;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenReceivable;
import org.example.inquiry.schemas.OutboundMessage;
import org.example.inquiry.schemas.PaymentHistory;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.RerouteRequested;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.attachments.AttachmentParts;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.ServiceTestProperties;
import org.example.inquiry.testing.TopicReader;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command path through the real broker: HTTP -> command topic -> case processor -> outcome. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ResolutionIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
    registry.add("inquiry.console.sign-in-key", () -> LocalJwt.get().privateKeyLocation());
  }

  @BeforeAll
  static void upstreamTopics() {
    kafka.createTopics(
        Topics.INQUIRIES_ROUTED,
        Topics.INQUIRIES_FOLLOWED_UP,
        Topics.CUSTOMERS,
        Topics.OPEN_ITEMS,
        Topics.CUSTOMER_FINANCIAL_PROFILES,
        Topics.INQUIRIES_RECEIVED,
        Topics.MESSAGE_DELIVERIES,
        Topics.ATTACHMENT_CONTENTS);
    // The seed invoice the proposals adjust is C-1001's in the ledger before the service starts,
    // so the global ledger store has it when the first proposal is checked.
    var ledger =
        OpenItemCsv.read(
            new StringReader(
                String.join(",", OpenItemCsv.HEADER)
                    + "\nINV-2026-000123,INVOICE,C-1001,2026-10-20,2026-11-19,22000.00,USD,22000.00,OVERDUE,PO-5521,\n"),
            Instant.now());
    assertThat(ledger.problems()).isEmpty();
    TopicWriter writer = new TopicWriter(kafka);
    ledger
        .rows()
        .forEach(item -> writer.send(Topics.OPEN_ITEMS.name(), item.getDocumentNumber(), item));
  }

  @Test
  void aSimplePaymentStatusRequestIsAnsweredFromTheLedgerAndResolvedAtFirstContact() {
    web.post()
        .uri("/api/v1/open-items/import")
        .headers(h -> h.setBearerAuth(token("sam", "supervisor")))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(
            String.join(",", OpenItemCsv.HEADER)
                + "\nINV-2026-000098,INVOICE,C-1001,2026-09-15,2026-10-15,4800.00,USD,0.00,PAID,PO-5480,\n")
        .exchange()
        .expectStatus()
        .isOk();
    String inquiryId = "res-auto-" + UUID.randomUUID();
    InquiryRouted routed = Events.aRoutedInquiry(inquiryId, Instant.now());
    routed.setTypes(List.of("payment-status"));
    routed
        .getContext()
        .setReferences(List.of(new Reference(ReferenceKind.INVOICE, "INV-2026-000098")));
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
    publish(routed);

    JsonNode answered =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> caseOf(inquiryId), c -> "RESOLVED".equals(c.path("status").asString()));
    assertThat(answered.path("resolution").path("code").asString()).isEqualTo("AUTO_ANSWERED");
    assertThat(answered.path("timeline").findValuesAsString("detail").toString())
        .contains("INV-2026-000098: 4800 USD, status PAID");
    InquiryResolved resolved =
        new TopicReader(kafka)
            .<InquiryResolved>firstValue(
                Topics.INQUIRIES_RESOLVED.name(), inquiryId, Duration.ofSeconds(30));
    assertThat(resolved.getFirstContactResolution()).isTrue();
    assertThat(resolved.getResolvedBy()).isEqualTo("auto-responder");
  }

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  @Test
  void eachTeamHasItsAssigneeTheAgentCorrectsTheTypesAndAnEscalationReachesTheSupervisor() {
    String inquiryId = route("res-team-" + UUID.randomUUID());
    caseOf(inquiryId);
    post(
            "/api/v1/inquiries/" + inquiryId + "/assignment",
            "{\"assignee\": \"bea\", \"team\": \"billing\"}",
            token("sam", "supervisor"))
        .expectStatus()
        .isOk();
    post("/api/v1/inquiries/" + inquiryId + "/claim?team=treasury", null, token("tom", "agent"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(
            d -> assertThat(d.toString()).contains("team 'treasury' does not work this inquiry"));
    post(
            "/api/v1/inquiries/" + inquiryId + "/escalation",
            "{\"reason\": \"customer threatens legal action\"}",
            token("ben", "agent"))
        .expectStatus()
        .isOk();
    post("/api/v1/inquiries/" + inquiryId + "/escalation", "{}", token("ben", "agent"))
        .expectStatus()
        .isBadRequest();

    post(
            "/api/v1/inquiries/" + inquiryId + "/classification",
            "{\"types\": [\"dispute\", \"billing-discrepancy\"], \"reason\": \"quantities disputed\"}",
            token("ben", "agent"))
        .expectStatus()
        .isOk();
    post(
            "/api/v1/inquiries/" + inquiryId + "/classification",
            "{\"types\": [\"Dispute!\"], \"reason\": \"x\"}",
            token("ben", "agent"))
        .expectStatus()
        .isBadRequest();
    post(
            "/api/v1/inquiries/" + inquiryId + "/classification",
            "{\"types\": [\"dispute\"], \"reason\": \"x\"}",
            token("aud", "auditor"))
        .expectStatus()
        .isForbidden();

    JsonNode c = caseOf(inquiryId);
    assertThat(c.path("types").get(0).asString()).isEqualTo("dispute");
    assertThat(c.path("teams").get(1).path("assignee").asString()).isEqualTo("bea");
    assertThat(c.path("escalation").path("supervisor").asString()).isEqualTo("sup.operations");
    assertThat(queue("assignee=bea")).contains(inquiryId);
    assertThat(queue("escalatedTo=sup.operations")).contains(inquiryId);
    assertThat(queue("escalatedTo=sup.billing")).doesNotContain(inquiryId);
  }

  String queue(String filter) {
    return web.get()
        .uri("/api/v1/queues?size=200&" + filter)
        .headers(h -> h.setBearerAuth(token("sam", "supervisor")))
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(String.class)
        .getResponseBody()
        .blockFirst();
  }

  @Test
  void theConversationIsOnTheCaseDraftsComeFromTheTemplatesAndTheReplyGoesOutForItsChannel() {
    String inquiryId = "res-conv-" + UUID.randomUUID();
    InquiryReceived received = Events.aReceivedInquiry(inquiryId);
    received.setChannel(Channel.EMAIL);
    received.setChannelMessageId("CAF-" + inquiryId + "@mail.acme.example");
    new TopicWriter(kafka).send(Topics.INQUIRIES_RECEIVED.name(), inquiryId, received);
    route(inquiryId);
    JsonNode opened =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> caseOf(inquiryId), c -> c.path("conversation").size() == 1);
    JsonNode inquiry = opened.path("conversation").get(0);
    assertThat(inquiry.path("kind").asString()).isEqualTo("INQUIRY");
    assertThat(inquiry.path("body").asString()).contains("PO-5521");
    assertThat(inquiry.path("customerFacing").asBoolean()).isTrue();

    JsonNode drafts =
        JSON.readTree(
            web.get()
                .uri("/api/v1/inquiries/{id}/reply-drafts?language=de", inquiryId)
                .headers(h -> h.setBearerAuth(token("ben", "agent")))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .blockFirst());
    assertThat(drafts.size()).isGreaterThanOrEqualTo(4);
    assertThat(drafts.get(0).path("type").asString()).isEqualTo("logistics-billing");
    assertThat(drafts.get(0).path("language").asString()).isEqualTo("de");
    assertThat(drafts.get(0).path("body").asString()).contains("Dana Ortiz").contains("ben");
    web.get()
        .uri("/api/v1/inquiries/{id}/reply-drafts?language=xx", inquiryId)
        .headers(h -> h.setBearerAuth(token("ben", "agent")))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    web.get()
        .uri("/api/v1/inquiries/{id}/reply-drafts", inquiryId)
        .headers(h -> h.setBearerAuth(token("aud", "auditor")))
        .exchange()
        .expectStatus()
        .isForbidden();

    String text = drafts.get(0).path("body").asString() + "\n\nPS: the new date is 12 December.";
    post(
            "/api/v1/inquiries/" + inquiryId + "/replies",
            JSON.writeValueAsString(java.util.Map.of("text", text)),
            token("ben", "agent"))
        .expectStatus()
        .isOk();
    OutboundMessage out =
        new TopicReader(kafka)
            .<OutboundMessage>firstValue(
                Topics.OUTBOUND_MESSAGES.name(), inquiryId, Duration.ofSeconds(30));
    assertThat(out.getChannel()).isEqualTo(Channel.EMAIL);
    assertThat(out.getTo().getEmail()).isEqualTo("dana@acme.example");
    assertThat(out.getInReplyTo()).isEqualTo("CAF-" + inquiryId + "@mail.acme.example");
    assertThat(out.getSubject()).endsWith("[INQ-" + inquiryId + "]");
    assertThat(out.getBody()).isEqualTo(text);
    JsonNode replied = caseOf(inquiryId);
    JsonNode answer = replied.path("conversation").get(1);
    assertThat(answer.path("kind").asString()).isEqualTo("REPLY");
    assertThat(answer.path("author").asString()).isEqualTo("ben");
    assertThat(answer.path("delivery").path("status").asString()).isEqualTo("PENDING");
  }

  @Test
  void anAttachedFileIsADownloadForWhoeverMaySeeTheCaseAndNothingElse() {
    String inquiryId = "res-file-" + UUID.randomUUID();
    // A customer's HTML, 300 KB (two parts): served as a download, never as a page of ours.
    StringBuilder html = new StringBuilder("<html><script>alert('x')</script>");
    while (html.length() < 300_000) {
      html.append("<p>line ").append(html.length()).append("</p>");
    }
    byte[] file = html.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String sha = AttachmentParts.sha256(file);
    String notDelivered = AttachmentParts.sha256(new byte[] {1, 2, 3});
    TopicWriter writer = new TopicWriter(kafka);
    AttachmentParts.split(file, "text/html", Instant.now())
        .forEach(
            part ->
                writer.send(
                    Topics.ATTACHMENT_CONTENTS.name(),
                    AttachmentParts.key(sha, part.getPart()),
                    part));
    InquiryReceived received = Events.aReceivedInquiry(inquiryId);
    received.setChannel(Channel.EMAIL);
    received.setAttachments(
        List.of(
            // a name with CR LF, as a decoded filename* can carry: never a broken header
            new Attachment(
                "Zahlungsbestätigung <1>\r\n.html", "text/html", (long) file.length, sha),
            new Attachment("scan.tif", "image/tiff", 3L, notDelivered),
            new Attachment("po.pdf", "application/pdf", 1234L, null)));
    writer.send(Topics.INQUIRIES_RECEIVED.name(), inquiryId, received);
    route(inquiryId);

    String path = "/api/v1/inquiries/" + inquiryId + "/attachments/";
    JsonNode kase =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> caseOf(inquiryId),
                c -> !c.path("attachments").path(0).path("download").isNull());
    JsonNode files = kase.path("attachments");
    assertThat(files.size()).isEqualTo(3);
    assertThat(files.get(0).path("download").asString()).isEqualTo(path + sha);
    assertThat(files.get(0).path("messageId").asString())
        .isEqualTo(kase.path("conversation").get(0).path("messageId").asString());
    assertThat(files.get(1).path("download").isNull()).as("content never delivered").isTrue();
    assertThat(files.get(2).path("download").isNull()).as("metadata only").isTrue();

    WebTestClient large =
        web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    var served =
        large
            .get()
            .uri(path + sha)
            .headers(h -> h.setBearerAuth(token("aud", "auditor")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader()
            .valueEquals("Content-Security-Policy", "default-src 'none'; sandbox")
            .expectHeader()
            .value(
                "Content-Disposition",
                d ->
                    assertThat(d)
                        .startsWith("attachment;")
                        .contains("filename*=UTF-8''Zahlungsbest%C3%A4tigung%20%3C1%3E__.html")
                        .doesNotContain("\r", "\n"))
            .expectHeader()
            .value("Cache-Control", c -> assertThat(c).contains("no-store"))
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(served).isEqualTo(file);

    // Only the roles that see the case; only files the case lists; clear reasons otherwise.
    web.get()
        .uri(path + sha)
        .headers(h -> h.setBearerAuth(token("portal", "channel")))
        .exchange()
        .expectStatus()
        .isForbidden();
    for (var refused :
        Map.of(
                path + notDelivered, "is not stored",
                path + AttachmentParts.sha256(new byte[] {9}), "has no attachment",
                path + "statement.pdf", "SHA-256",
                path + sha.toUpperCase(), "SHA-256",
                "/api/v1/inquiries/res-file-none/attachments/" + sha, "No inquiry")
            .entrySet()) {
      var answer =
          web.get()
              .uri(refused.getKey())
              .headers(h -> h.setBearerAuth(token("alice", "agent")))
              .exchange()
              .expectHeader()
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody(String.class)
              .returnResult();
      assertThat(answer.getStatus().value()).as(refused.getKey()).isIn(400, 404);
      assertThat(answer.getResponseBody()).as(refused.getKey()).contains(refused.getValue());
    }

    // A portal message that names the same hash opens nothing: only email delivers content.
    String portalCase = "res-file-portal-" + UUID.randomUUID();
    InquiryReceived portal = Events.aReceivedInquiry(portalCase);
    portal.setChannel(Channel.PORTAL);
    portal.setAttachments(List.of(new Attachment("copy.html", "text/html", 10L, sha)));
    writer.send(Topics.INQUIRIES_RECEIVED.name(), portalCase, portal);
    route(portalCase);
    JsonNode portalView =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> caseOf(portalCase), c -> c.path("attachments").size() == 1);
    assertThat(portalView.path("attachments").get(0).path("download").isNull()).isTrue();
    web.get()
        .uri("/api/v1/inquiries/" + portalCase + "/attachments/" + sha)
        .headers(h -> h.setBearerAuth(token("alice", "agent")))
        .exchange()
        .expectStatus()
        .isNotFound();

    // The console links the stored file and passes it on as the API serves it.
    ConsoleSession console = ConsoleSession.signIn(large, "alice", "agent");
    assertThat(console.get("/console/cases/" + inquiryId).getResponseBody())
        .contains("href=\"/console/cases/" + inquiryId + "/attachments/" + sha + "\"")
        .contains("content not delivered by its channel");
    var download = console.get("/console/cases/" + inquiryId + "/attachments/" + sha);
    assertThat(download.getStatus().value()).isEqualTo(200);
    assertThat(download.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    assertThat(download.getResponseHeaders().getFirst("Content-Disposition"))
        .startsWith("attachment;");
    assertThat(download.getResponseHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; sandbox");
    assertThat(download.getResponseBody()).isEqualTo(html.toString());
  }

  @Test
  void theCaseShowsTheCustomersPaymentBehaviourAndContractTerms() {
    String header = String.join(",", ContractTermsCsv.HEADER);
    String lc77 =
        "\nC-1001,CT-1001-2,NET30,30,,,,2026-09-01,2099-03-31,LC-77,Harbourline Trade Bank,,"
            + "22000.00,USD,2099-12-15,,21,5.00,commercial invoice;bill of lading\n";
    importContracts(header + lc77, token("alice", "agent")).expectStatus().isForbidden();
    importContracts(
            header + "\nC-1001,CT-X,NET30,thirty,,,,2026-09-01,,,,,,,,,,,\n",
            token("sam", "supervisor"))
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    importContracts(header + lc77, token("sam", "supervisor")).expectStatus().isOk();
    new TopicWriter(kafka)
        .send(
            Topics.CUSTOMER_FINANCIAL_PROFILES.name(),
            "C-1001",
            CustomerFinancialProfile.newBuilder()
                .setCustomerId("C-1001")
                .setUpdatedAt(Instant.now())
                .setBaseCurrency("USD")
                .setOpenReceivables(
                    List.of(
                        new OpenReceivable(
                            "INV-2026-000123",
                            LocalDate.now().minusDays(6),
                            new BigDecimal("22000.0000"),
                            LocalDate.now().minusDays(2))))
                .setPayments(new PaymentHistory(2, 60L, 4L, 2, 1, 0, 1))
                .setEffects(
                    new EffectTotals(
                        1, new BigDecimal("-1000.0000"), BigDecimal.ZERO.setScale(4), null))
                .build());

    String inquiryId = route("res-finances-" + UUID.randomUUID());
    JsonNode finances =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> caseOf(inquiryId).path("customerFinances"),
                f -> f.path("contracts").size() == 1 && f.path("payment").isObject());

    assertThat(finances.path("customerId").asString()).isEqualTo("C-1001");
    JsonNode payment = finances.path("payment");
    assertThat(payment.path("overdueInvoices").asInt()).isEqualTo(1);
    assertThat(payment.path("oldestDaysOverdue").asInt()).isEqualTo(6);
    assertThat(payment.path("brokenPromises").asInt())
        .as("one settled late, one open")
        .isEqualTo(2);
    assertThat(payment.path("averageDaysToPay").asDouble()).isEqualTo(30.0);
    assertThat(finances.path("lifetimeValueAdjustmentInBase").decimalValue())
        .isEqualByComparingTo("-1000");
    JsonNode contract = finances.path("contracts").get(0);
    assertThat(contract.path("letterOfCredit").path("number").asString()).isEqualTo("LC-77");
    assertThat(contract.path("referencedByCase").asBoolean()).isTrue();
    assertThat(contract.path("current").asBoolean()).isTrue();
  }

  WebTestClient.ResponseSpec importContracts(String csv, String token) {
    return web.post()
        .uri("/api/v1/contract-terms/import")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(csv)
        .exchange();
  }

  static String token(String user, String... roles) {
    return LocalJwt.get().token(List.of(roles), user, Duration.ofHours(1));
  }

  static String route(String inquiryId) {
    return route(inquiryId, routed -> {});
  }

  static String route(String inquiryId, java.util.function.Consumer<InquiryRouted> more) {
    InquiryRouted routed = Events.aRoutedInquiry(inquiryId, Instant.now());
    // Received just before it was routed, so its SLA clocks are hours from a warning (the seed's
    // fixed receipt date would have them warn on the first check and add to the timeline).
    routed.getContext().setReceivedAt(routed.getOccurredAt().minusSeconds(1));
    routed.setApprovalRequirements(
        List.of(
            tier("REBILL", "0", "SINGLE", "approver"),
            tier("REBILL", "10000", "DUAL", "approver"),
            tier("REFUND", "0", "SINGLE", "approver")));
    routed.setExcludedPeople(List.of("am.jsmith"));
    more.accept(routed);
    publish(routed);
    return inquiryId;
  }

  static void publish(InquiryRouted routed) {
    new TopicWriter(kafka).send(Topics.INQUIRIES_ROUTED.name(), routed.getInquiryId(), routed);
  }

  static ApprovalRequirement tier(String action, String above, String level, String role) {
    return new ApprovalRequirement(
        action, new Money(new BigDecimal(above).setScale(4), "USD"), level, role);
  }

  WebTestClient.ResponseSpec post(String path, String body, String token) {
    var request = web.post().uri(path).headers(h -> h.setBearerAuth(token));
    if (body != null) {
      return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
    return request.exchange();
  }

  JsonNode caseOf(String inquiryId) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                web.get()
                    .uri("/api/v1/inquiries/{id}", inquiryId)
                    .headers(h -> h.setBearerAuth(token("alice", "agent")))
                    .exchange()
                    .returnResult(String.class),
            r -> r.getStatus().value() == 200)
        .getResponseBody()
        .map(JSON::readTree)
        .blockFirst();
  }

  String propose(String inquiryId, String type, String amount) {
    String body =
        post(
                "/api/v1/inquiries/" + inquiryId + "/actions",
                "{\"type\": \""
                    + type
                    + "\", \"amount\": {\"amount\": \""
                    + amount
                    + "\", \"currency\": \"USD\"}, \"invoiceReference\": \"INV-2026-000123\", \"reason\": \"shipment two weeks late\"}",
                token("ben", "agent", "approver"))
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseBody()
            .blockFirst();
    return JSON.readTree(body).path("actionId").asString();
  }

  @Test
  void theSeedAdjustmentIsApprovedByTwoOthersTheMakersApprovalRefusedAndPublishedOnResolution() {
    String inquiryId = route("res-seed-" + UUID.randomUUID());
    caseOf(inquiryId);
    String actionId = propose(inquiryId, "REBILL", "22000.00");

    post(
            "/api/v1/inquiries/" + inquiryId + "/actions/" + actionId + "/approval",
            "{}",
            token("ben", "agent", "approver"))
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).contains("maker-checker"));
    post(
            "/api/v1/inquiries/" + inquiryId + "/resolution",
            "{\"resolutionCode\": \"ADJUSTED\"}",
            token("ben", "agent"))
        .expectStatus()
        .isEqualTo(409);
    post(
            "/api/v1/inquiries/" + inquiryId + "/actions/" + actionId + "/approval",
            "{\"reason\": \"BL checked\"}",
            token("ivy", "approver"))
        .expectStatus()
        .isOk();
    post(
            "/api/v1/inquiries/" + inquiryId + "/actions/" + actionId + "/approval",
            "{}",
            token("jon", "approver"))
        .expectStatus()
        .isOk();
    post(
            "/api/v1/inquiries/" + inquiryId + "/replies",
            "{\"text\": \"Your invoice is being rebilled.\"}",
            token("ben", "agent"))
        .expectStatus()
        .isOk();
    post(
            "/api/v1/inquiries/" + inquiryId + "/resolution",
            "{\"resolutionCode\": \"ADJUSTED\", \"rootCause\": \"carrier delay\", \"confirmedTypes\": [\"logistics-billing\", \"billing-discrepancy\"]}",
            token("ben", "agent"))
        .expectStatus()
        .isOk();

    JsonNode resolvedCase = caseOf(inquiryId);
    assertThat(resolvedCase.path("status").asString()).isEqualTo("RESOLVED");
    assertThat(resolvedCase.path("timeline").findValuesAsString("event"))
        .contains("ACTION_PROPOSED", "ATTEMPT_REFUSED", "APPROVED", "FIRST_RESPONDED", "RESOLVED");
    TopicReader topics = new TopicReader(kafka);
    InquiryResolved resolved =
        topics.<InquiryResolved>firstValue(
            Topics.INQUIRIES_RESOLVED.name(), inquiryId, Duration.ofSeconds(30));
    assertThat(resolved.getAdjustments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getType()).isEqualTo("REBILL");
              assertThat(a.getAmount().getAmount()).isEqualByComparingTo("22000");
              assertThat(a.getApprovedBy()).containsExactly("ivy", "jon");
              assertThat(a.getInvoiceReferences()).containsExactly("INV-2026-000123");
            });
    assertThat(resolved.getFirstContactResolution()).isTrue();
    assertThat(resolved.getConfirmedTypes())
        .containsExactly("logistics-billing", "billing-discrepancy");
    var decisions =
        topics.<InquiryApproved>readAll(Topics.INQUIRIES_APPROVED.name()).stream()
            .filter(r -> r.key().equals(inquiryId))
            .toList();
    assertThat(decisions).extracting(r -> r.value().getApprover()).containsExactly("ivy", "jon");
    assertThat(decisions.get(1).value().getFinalDecision()).isTrue();
  }

  @Test
  void twoApproversRacingForASingleApprovalGiveExactlyOneWinner() {
    String inquiryId = route("res-race-" + UUID.randomUUID());
    caseOf(inquiryId);
    String actionId = propose(inquiryId, "REFUND", "900.00");

    var first =
        CompletableFuture.supplyAsync(
            () ->
                post(
                        "/api/v1/inquiries/" + inquiryId + "/actions/" + actionId + "/approval",
                        "{}",
                        token("ivy", "approver"))
                    .returnResult(String.class)
                    .getStatus()
                    .value());
    var second =
        CompletableFuture.supplyAsync(
            () ->
                post(
                        "/api/v1/inquiries/" + inquiryId + "/actions/" + actionId + "/approval",
                        "{}",
                        token("jon", "approver"))
                    .returnResult(String.class)
                    .getStatus()
                    .value());

    assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 409);
    JsonNode c = caseOf(inquiryId);
    assertThat(c.path("actions").get(0).path("approvedBy")).hasSize(1);
  }

  @Test
  void badRequestsAreRefusedAndLeaveTheCaseUnchanged() {
    String inquiryId = route("res-bad-" + UUID.randomUUID());
    int before = caseOf(inquiryId).path("timeline").size();

    post("/api/v1/inquiries/nope/claim", null, token("alice", "agent")).expectStatus().isNotFound();
    post("/api/v1/inquiries/" + inquiryId + "/claim", null, token("portal", "channel"))
        .expectStatus()
        .isForbidden();
    post(
            "/api/v1/inquiries/" + inquiryId + "/actions",
            "{\"type\": \"REBILL\", \"amount\": {\"amount\": \"-5\", \"currency\": \"USD\"}, \"reason\": \"x\"}",
            token("ben", "agent"))
        .expectStatus()
        .isBadRequest();
    post(
            "/api/v1/inquiries/" + inquiryId + "/actions",
            "{\"type\": \"REBILL\", \"amount\": {\"amount\": \"5\", \"currency\": \"usd\"}, \"reason\": \"x\"}",
            token("ben", "agent"))
        .expectStatus()
        .isBadRequest();
    post(
            "/api/v1/inquiries/" + inquiryId + "/actions",
            "{\"type\": \"REBILL\", \"amount\": {\"amount\": \"5\", \"currency\": \"XAU\"}, \"reason\": \"x\"}",
            token("ben", "agent"))
        .expectStatus()
        .isBadRequest();
    post(
            "/api/v1/inquiries/" + inquiryId + "/actions",
            "{\"type\": \"BRIBE\", \"amount\": {\"amount\": \"5\", \"currency\": \"USD\"}, \"reason\": \"x\"}",
            token("ben", "agent"))
        .expectStatus()
        .isBadRequest();

    // Only the audit of the refused request reaches the case: the 403 for a wrong role.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(caseOf(inquiryId).path("timeline").size()).isEqualTo(before + 1));
    JsonNode audited = caseOf(inquiryId).path("timeline").get(before);
    assertThat(audited.path("event").asText()).isEqualTo("ATTEMPT_REFUSED");
    assertThat(audited.path("actor").asText()).isEqualTo("portal");
    assertThat(audited.path("detail").asText())
        .startsWith("HTTP 403 POST /api/v1/inquiries/" + inquiryId + "/claim refused");
    web.get()
        .uri("/api/v1/inquiries/" + inquiryId + "/refusals")
        .headers(h -> h.setBearerAuth(token("sox", "auditor")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(1);
    web.get()
        .uri("/api/v1/inquiries/" + inquiryId + "/refusals")
        .headers(h -> h.setBearerAuth(token("ben", "agent")))
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(caseOf(inquiryId).path("actions")).isEmpty();
  }

  @Test
  void theConsoleWorksTheCaseWithTheUsersTokenAndShowsRefusalsInline() throws Exception {
    String inquiryId =
        route(
            "res-console-" + UUID.randomUUID(),
            routed ->
                routed
                    .getContext()
                    .setReferences(
                        List.of(
                            new Reference(ReferenceKind.LETTER_OF_CREDIT, "LC-77"),
                            new Reference(ReferenceKind.INVOICE, "INV-2026-000123"))));
    caseOf(inquiryId);
    String casePage = "/console/cases/" + inquiryId;

    // not signed in: the sign-in page; a role a person cannot sign in with is refused on it
    web.get()
        .uri("/console/queue")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/console/sign-in");
    var refusedSignIn =
        ConsoleSession.anonymous(web)
            .post("/console/sign-in", Map.of("user", "alice", "role", "finance-system"), false);
    assertThat(refusedSignIn.getStatus().value()).isEqualTo(400);
    assertThat(refusedSignIn.getResponseBody())
        .contains("id=\"sign-in-error\"", "pick one of the roles");

    ConsoleSession alice = ConsoleSession.signIn(web, "alice", "agent");
    var queue = alice.get("/console/queue");
    assertThat(queue.getStatus().value()).isEqualTo(200);
    assertThat(queue.getResponseHeaders().getFirst("Content-Security-Policy"))
        .contains("script-src 'self'");
    assertThat(queue.getResponseBody())
        .contains(
            "data-inquiry-id=\"" + inquiryId + "\"", "class=\"sla-countdown", "alice (agent)");
    var page = alice.get(casePage);
    assertThat(page.getStatus().value()).isEqualTo(200);
    assertThat(page.getResponseBody())
        .contains(
            "data-status=\"OPEN\"",
            "id=\"propose-form\"",
            "id=\"message-form\"",
            "INV-2026-000123", // the ledger document the inquiry names
            "sse-connect=\"/console/cases/" + inquiryId + "/updates\"");

    // live updates: a change to the case reaches the page as a server-sent event
    var changed =
        alice.events(port, casePage + "/updates").filter(inquiryId::equals).next().toFuture();
    var noted =
        alice.post(casePage + "/messages", Map.of("kind", "NOTE", "text", "called the bank"), true);
    assertThat(noted.getResponseBody())
        .contains("data-outcome=\"accepted\"", "hx-swap-oob=\"true\"", "called the bank");
    assertThat(changed.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(inquiryId);

    // the agent proposes the rebill in the page; a forged form without the CSRF token is refused
    var proposed =
        alice.post(
            casePage + "/actions",
            Map.of(
                "type", "REBILL",
                "amount", "22,000.00",
                "currency", "USD",
                "invoiceReference", "INV-2026-000123",
                "reason", "shipment two weeks late"),
            true);
    assertThat(proposed.getResponseBody())
        .contains("data-outcome=\"accepted\"", "class=\"action\"");
    assertThat(
            alice
                .forge(casePage + "/messages", Map.of("kind", "NOTE", "text", "forged"))
                .getStatus()
                .value())
        .isEqualTo(403);
    var oversized =
        alice.post(
            casePage + "/messages", Map.of("kind", "NOTE", "text", "x".repeat(400_000)), true);
    assertThat(oversized.getStatus().value())
        .as("a form larger than the service reads")
        .isEqualTo(413);
    var badAmount =
        alice.post(
            casePage + "/actions",
            Map.of("type", "REBILL", "amount", "lots", "currency", "USD", "reason", "x"),
            true);
    assertThat(badAmount.getResponseBody())
        .contains("data-outcome=\"refused\"", "the amount must be a number");
    String actionId = caseOf(inquiryId).path("actions").get(0).path("actionId").asString();
    String approval = casePage + "/actions/" + actionId + "/approval";

    // the account manager is refused by segregation of duties, with the reason on the page
    ConsoleSession accountManager = ConsoleSession.signIn(web, "am.jsmith", "approver");
    accountManager.get(casePage);
    var sod = accountManager.post(approval, Map.of(), true);
    assertThat(sod.getStatus().value()).isEqualTo(200);
    assertThat(sod.getResponseBody()).contains("data-outcome=\"refused\"", "segregation of duties");
    ConsoleSession ivy = ConsoleSession.signIn(web, "ivy", "approver");
    ivy.get(casePage);
    assertThat(ivy.post(approval, Map.of(), true).getResponseBody())
        .contains("data-outcome=\"accepted\"");

    // what cannot be shown is a page that says why, never an error
    assertThat(alice.get("/console/cases/no-such-inquiry").getStatus().value()).isEqualTo(404);
    assertThat(alice.get("/console/supervisor").getStatus().value()).isEqualTo(403);
    ConsoleSession sam = ConsoleSession.signIn(web, "sam", "supervisor");
    var board = sam.get("/console/supervisor");
    assertThat(board.getStatus().value()).isEqualTo(200); // metrics-service is not running here
    assertThat(board.getResponseBody()).contains("KPIs are not available");

    // signed out, the session is gone
    assertThat(alice.post("/console/sign-out", Map.of(), false).getStatus().is3xxRedirection())
        .isTrue();
    assertThat(alice.get("/console/queue").getStatus().is3xxRedirection()).isTrue();
  }

  @Test
  void aRerouteIsAskedOfTheRouterAndTheCaseTakesTheNewRoutingWhenItComes() {
    String inquiryId = route("res-reroute-" + UUID.randomUUID());
    caseOf(inquiryId);
    String path = "/api/v1/inquiries/" + inquiryId + "/rerouting";

    post(path, "{\"teams\": [\"billing\", \"legal\"], \"reason\": \"x\"}", token("ben", "agent"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).contains("unknown teams [legal]"));
    post(path, "{\"teams\": [\"billing\"], \"reason\": \"x\"}", token("ivy", "approver"))
        .expectStatus()
        .isForbidden();
    post(
            path,
            "{\"teams\": [\"billing\", \"collections\"], \"reason\": \"the customer disputes it\"}",
            token("ben", "agent"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.case.timeline[-1:].event")
        .value(e -> assertThat(e.toString()).contains("REROUTE_REQUESTED"));

    RerouteRequested asked =
        new TopicReader(kafka)
            .<RerouteRequested>firstValue(
                Topics.REROUTES_REQUESTED.name(), inquiryId, Duration.ofSeconds(30));
    assertThat(asked.getTeams()).containsExactly("billing", "collections");
    assertThat(asked.getRequestedBy()).isEqualTo("ben");
    assertThat(asked.getReason()).isEqualTo("the customer disputes it");
    assertThat(asked.getContext().getCustomerId()).isEqualTo("C-1001");

    // the router's answer (as router-service publishes it) moves the case
    InquiryRouted answer = Events.aRoutedInquiry(inquiryId, Instant.now());
    answer.setTeams(
        List.of(
            new TeamAssignment("billing", true, "ben", "sup.billing", "rerouted by ben"),
            new TeamAssignment("collections", false, null, "sup.collections", "rerouted by ben")));
    answer.setReason("rerouted by ben: the customer disputes it");
    answer.setRoutingRuleId("reroute");
    publish(answer);
    JsonNode moved =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> caseOf(inquiryId),
                c -> c.path("teams").findValuesAsString("team").contains("collections"));
    assertThat(moved.path("assignee").asString()).isEqualTo("ben");
    assertThat(moved.path("routingReason").asString())
        .isEqualTo("rerouted by ben: the customer disputes it");
  }
}
