package org.example.inquiry.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.intake.email.EmailParserTest;
import org.example.inquiry.intake.registration.InquiryRegistration;
import org.example.inquiry.schemas.AttachmentContent;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryFollowedUp;
import org.example.inquiry.schemas.InquiryRated;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquirySubmitted;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.attachments.AttachmentParts;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.ServiceTestProperties;
import org.example.inquiry.testing.TopicReader;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every intake channel against a real broker and registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class IntakeIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();
  static final TopicReader topics = new TopicReader(kafka);
  static final String CUSTOMERS_CSV =
      """
      customerId,legalName,segment,region,contactNames,contactEmails,emailDomains,kycStatus,kycExpiresOn,accountManager,creditLimit,creditLimitCurrency,lifetimeValue,lifetimeValueCurrency,acquisitionCostPaybackMonths,riskRating
      C-1001,Acme Industrial Supplies Ltd,ENTERPRISE,NA,Dana Ortiz;Lee Park,dana.ortiz@acme.example;lee.park@acme.example,acme.example,VERIFIED,2027-06-30,am.jsmith,500000.00,USD,2400000.00,USD,9,LOW
      C-1002,Borealis Foods GmbH,MID_MARKET,EMEA,Ana Weber,ap@borealis-foods.example,borealis-foods.example,EXPIRED,2026-03-31,am.kto,,,,,,MEDIUM
      """;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
    // The registration line is DEBUG; it is on here so the log checks below see it.
    registry.add(
        "logging.level.org.example.inquiry.intake.registration.InquiryIntake", () -> "DEBUG");
  }

  @BeforeAll
  static void topicsOwnedByOtherServices() {
    kafka.createTopics(Topics.INQUIRIES_RESOLVED, Topics.OPEN_ITEMS);
  }

  @Autowired WebTestClient web;

  static String channel() {
    return LocalJwt.get().token("channel", "portal");
  }

  @BeforeEach
  void customerMasterLoadedAndIntakeReady() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                web.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .is2xxSuccessful());
    web.post()
        .uri("/api/v1/customers/import")
        .headers(h -> h.setBearerAuth(LocalJwt.get().token("supervisor", "sam")))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(CUSTOMERS_CSV)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.imported")
        .isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                submit(json("C-1001", "probe@acme.example", "probe"), null).contains("inquiryId"));
  }

  private String submit(String body, String key) {
    return web.post()
        .uri("/api/v1/inquiries")
        .headers(
            h -> {
              h.setBearerAuth(channel());
              if (key != null) {
                h.set("Idempotency-Key", key);
              }
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .returnResult(String.class)
        .getResponseBody()
        .blockFirst();
  }

  static String json(String customerId, String email, String subject) {
    return """
        {"customerId": %s, "contact": {"name": "Dana Ortiz", "email": "%s"},
         "subject": "%s", "body": "Invoice INV-2026-000123 shows the wrong amount.",
         "channel": "PORTAL", "references": [{"kind": "INVOICE", "value": "INV-2026-000123"}],
         "amount": {"amount": "22000.00", "currency": "USD"},
         "attachments": [{"fileName": "po.pdf", "contentType": "application/pdf", "sizeBytes": 1234}]}
        """
        .formatted(customerId == null ? "null" : "\"" + customerId + "\"", email, subject);
  }

  static InquiryReceived received(String inquiryId) {
    return topics.firstValue(Topics.INQUIRIES_RECEIVED.name(), inquiryId, Duration.ofSeconds(20));
  }

  static long countReceived(String inquiryId) {
    return topics.<InquiryReceived>readAll(Topics.INQUIRIES_RECEIVED.name()).stream()
        .filter(r -> r.key().equals(inquiryId))
        .count();
  }

  static String idOf(String response) {
    return response.replaceAll(".*\"inquiryId\":\"([^\"]+)\".*", "$1");
  }

  @Nested
  class PortalAndApi {

    @Test
    void aSubmissionIsLinkedCheckedAndPublishedOnce(CapturedOutput output) {
      String key = "portal-" + UUID.randomUUID();
      String first = submit(json("C-1001", "Dana.Ortiz@acme.example", "Wrong amount"), key);
      String repeat = submit(json("C-1001", "Dana.Ortiz@acme.example", "Wrong amount"), key);

      String inquiryId = idOf(first);
      assertThat(idOf(repeat)).isEqualTo(inquiryId);
      assertThat(repeat).contains("DUPLICATE");
      InquiryReceived event = received(inquiryId);
      assertThat(event.getLinkage()).isEqualTo("BY_ID");
      assertThat(event.getKycStatus()).isEqualTo(KycStatus.VERIFIED);
      assertThat(event.getSenderIsRegisteredContact()).isEqualTo(CheckOutcome.PASSED);
      assertThat(event.getAccountManager()).isEqualTo("am.jsmith");
      assertThat(event.getSegment()).isEqualTo("ENTERPRISE");
      assertThat(event.getAttachments())
          .singleElement()
          .satisfies(a -> assertThat(a.getFileName()).isEqualTo("po.pdf"));
      assertThat(event.getAmount().getAmount()).isEqualByComparingTo("22000");
      assertThat(countReceived(inquiryId)).isEqualTo(1);
      assertThat(output.getAll())
          .contains(inquiryId)
          .doesNotContain("dana.ortiz@acme.example", "shows the wrong amount");
    }

    @Test
    void anUnknownCustomerIsAcceptedUnlinkedAndAnExpiredKycIsRecorded() {
      InquiryReceived unknown =
          received(idOf(submit(json("C-0000", "who@nowhere.example", "Hello"), null)));
      assertThat(unknown.getLinkage()).isEqualTo("UNLINKED");
      assertThat(unknown.getStatedCustomerId()).isEqualTo("C-0000");
      assertThat(unknown.getCustomerId()).isNull();

      InquiryReceived expired =
          received(idOf(submit(json(null, "ap@borealis-foods.example", "Terms"), null)));
      assertThat(expired.getLinkage()).isEqualTo("BY_CONTACT_EMAIL");
      assertThat(expired.getCustomerId()).isEqualTo("C-1002");
      assertThat(expired.getKycStatus()).isEqualTo(KycStatus.EXPIRED);
    }

    @Test
    void badRequestsGetProblemJsonAndPublishNothing() {
      long before = topics.readAll(Topics.INQUIRIES_RECEIVED.name()).size();

      post(MediaType.APPLICATION_JSON, "{not json", channel())
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
      post(
              MediaType.APPLICATION_JSON,
              "{\"subject\": \" \", \"amount\": {\"amount\": \"-1\", \"currency\": \"usd\"}}",
              channel())
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors[*].field")
          .value(
              fields ->
                  assertThat(fields.toString())
                      .contains("contact", "subject", "body", "amount.amount", "amount.currency"));
      post(MediaType.TEXT_PLAIN, "hello", channel())
          .expectStatus()
          .isEqualTo(415)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
      post(
              MediaType.APPLICATION_JSON,
              "{\"body\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}",
              channel())
          .expectStatus()
          .isEqualTo(413);
      post(
              MediaType.APPLICATION_JSON,
              json(null, "a@b.example", "s"),
              LocalJwt.get().token("agent", "alice"))
          .expectStatus()
          .isForbidden();
      post(MediaType.APPLICATION_JSON, json(null, "a@b.example", "s"), null)
          .expectStatus()
          .isUnauthorized();

      assertThat(topics.readAll(Topics.INQUIRIES_RECEIVED.name())).hasSize((int) before);
    }

    private WebTestClient.ResponseSpec post(MediaType type, String body, String token) {
      return web.post()
          .uri("/api/v1/inquiries")
          .headers(
              h -> {
                if (token != null) {
                  h.setBearerAuth(token);
                }
              })
          .contentType(type)
          .bodyValue(body)
          .exchange();
    }
  }

  @Nested
  class Email {

    private String deliver(byte[] raw) {
      return web.post()
          .uri("/api/v1/channels/email")
          .headers(h -> h.setBearerAuth(channel()))
          .contentType(MediaType.parseMediaType("message/rfc822"))
          .bodyValue(raw)
          .exchange()
          .expectStatus()
          .isAccepted()
          .returnResult(String.class)
          .getResponseBody()
          .blockFirst();
    }

    @Test
    void plainHtmlAndAttachmentMessagesBecomeInquiriesOnceEach() {
      InquiryReceived plain = received(idOf(deliver(EmailParserTest.sample("plain.eml"))));
      assertThat(plain.getChannel()).isEqualTo(Channel.EMAIL);
      assertThat(plain.getChannelMessageId()).isEqualTo("plain-0001@mail.acme.example");
      assertThat(plain.getCustomerId()).isEqualTo("C-1001");
      assertThat(plain.getLinkage()).isEqualTo("BY_CONTACT_EMAIL");

      InquiryReceived html = received(idOf(deliver(EmailParserTest.sample("html-only.eml"))));
      assertThat(html.getBody()).contains("Did you receive our payment").doesNotContain("<p>");

      String again = deliver(EmailParserTest.sample("html-only.eml"));
      assertThat(again).contains("DUPLICATE").contains(html.getInquiryId());
      assertThat(countReceived(html.getInquiryId())).isEqualTo(1);
    }

    @Test
    void aReplyToAKnownInquiryIsAFollowUpNotANewInquiry() {
      String original = idOf(deliver(EmailParserTest.sample("with-attachments.eml")));
      assertThat(received(original).getAttachments()).hasSize(2);
      await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(200)).until(() -> true);

      String reply = deliver(EmailParserTest.sample("reply.eml"));

      assertThat(reply).contains("FOLLOW_UP").contains(original);
      InquiryFollowedUp followUp =
          topics.firstValue(Topics.INQUIRIES_FOLLOWED_UP.name(), original, Duration.ofSeconds(20));
      assertThat(followUp.getChannelMessageId()).isEqualTo("lc-0002@mail.acme.example");
      assertThat(followUp.getBody()).contains("still on hold");
      assertThat(countReceived(original)).isEqualTo(1);
    }

    /** A message with the file attached twice (once as a forwarded copy), base64 in lines. */
    private byte[] withFile(String messageId, String inReplyTo, byte[] file) {
      String encoded = java.util.Base64.getMimeEncoder(76, "\r\n".getBytes()).encodeToString(file);
      String part =
          "--b\r\nContent-Type: application/pdf; name=\"statement.pdf\"\r\n"
              + "Content-Disposition: attachment; filename=\"statement.pdf\"\r\n"
              + "Content-Transfer-Encoding: base64\r\n\r\n"
              + encoded
              + "\r\n";
      String message =
          "From: Dana Ortiz <dana.ortiz@acme.example>\r\n"
              + "To: ar@finance.example\r\n"
              + "Subject: Our statement, attached\r\n"
              + "Message-ID: <"
              + messageId
              + ">\r\n"
              + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\r\n")
              + "MIME-Version: 1.0\r\n"
              + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
              + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
              + "Please see the attached statement; the balance looks wrong.\r\n"
              + part
              + part.replace("statement.pdf", "statement-copy.pdf")
              + "--b--\r\n";
      return message.getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] storedFile(String sha256) throws Exception {
      List<AttachmentContent> parts =
          topics.<AttachmentContent>readCommitted(Topics.ATTACHMENT_CONTENTS.name()).stream()
              .filter(r -> r.key().startsWith(sha256 + ":"))
              .map(r -> r.value())
              .sorted(java.util.Comparator.comparing(AttachmentContent::getPart))
              .toList();
      return AttachmentParts.join(sha256, parts);
    }

    @Test
    void attachedFilesAreStoredWithTheInquiryAndItsFollowUpsOnceEach() throws Exception {
      // 600 KB: three parts on attachment-contents, in the inquiry's transaction.
      byte[] file = new byte[600_000];
      new java.util.Random(7).nextBytes(file);
      String sha = AttachmentParts.sha256(file);
      String messageId = "files-" + UUID.randomUUID() + "@mail.acme.example";

      InquiryReceived inquiry = received(idOf(deliver(withFile(messageId, null, file))));

      assertThat(inquiry.getAttachments())
          .extracting(a -> a.getFileName() + " " + a.getSizeBytes() + " " + a.getSha256())
          .containsExactly("statement.pdf 600000 " + sha, "statement-copy.pdf 600000 " + sha);
      assertThat(storedFile(sha)).as("the file, whole, from its stored parts").isEqualTo(file);
      long parts =
          topics.readCommitted(Topics.ATTACHMENT_CONTENTS.name()).stream()
              .filter(r -> r.key().startsWith(sha + ":"))
              .count();
      assertThat(parts).as("attached twice, stored once").isEqualTo(3);

      // A repeat of the message stores nothing again; a reply's new file is stored with it.
      assertThat(deliver(withFile(messageId, null, file))).contains("DUPLICATE");
      byte[] second = "a short second file".getBytes(StandardCharsets.UTF_8);
      String reply =
          deliver(withFile("files-reply-" + UUID.randomUUID() + "@x.example", messageId, second));
      assertThat(reply).contains("FOLLOW_UP").contains(inquiry.getInquiryId());
      assertThat(storedFile(AttachmentParts.sha256(second))).isEqualTo(second);
      assertThat(
              topics.readCommitted(Topics.ATTACHMENT_CONTENTS.name()).stream()
                  .filter(r -> r.key().startsWith(sha + ":"))
                  .count())
          .isEqualTo(parts);
    }

    @Test
    void unparseableMimeIs400ProblemJson() {
      web.post()
          .uri("/api/v1/channels/email")
          .headers(h -> h.setBearerAuth(channel()))
          .contentType(MediaType.parseMediaType("message/rfc822"))
          .bodyValue(EmailParserTest.sample("garbage.eml"))
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Nested
  class KafkaAdapters {

    private void publish(InquirySubmitted submitted) {
      new TopicWriter(kafka)
          .send(Topics.INQUIRIES_SUBMITTED.name(), submitted.getSubmissionId(), submitted);
    }

    private InquirySubmitted submission(String id, String email) {
      return InquirySubmitted.newBuilder()
          .setSubmissionId(id)
          .setOccurredAt(Instant.now())
          .setAdapter("crm")
          .setChannel(Channel.ADAPTER)
          .setContact(new Contact("Lee Park", email))
          .setSubject("Credit limit increase")
          .setBody("We would like to raise our credit limit to USD 750,000.")
          .setAmount(new Money(new BigDecimal("750000.0000"), "USD"))
          .build();
    }

    @Test
    void aValidSubmissionIsRegisteredOnceAndAnInvalidOneIsDeadLetteredWithTheReason() {
      String id = "crm-" + UUID.randomUUID();
      publish(submission(id, "lee.park@acme.example"));
      publish(submission(id, "lee.park@acme.example"));
      publish(submission("crm-bad-" + UUID.randomUUID(), "not-an-address"));

      String inquiryId = InquiryRegistration.inquiryIdFor("adapter:crm", id);
      InquiryReceived event = received(inquiryId);
      assertThat(event.getSubmittedBy()).isEqualTo("crm");
      assertThat(event.getCustomerId()).isEqualTo("C-1001");
      var dead =
          topics.readRawUntil(
              Topics.INQUIRIES_SUBMITTED.name() + "-dlt",
              rs -> !rs.isEmpty(),
              Duration.ofSeconds(30));
      assertThat(dead).isNotEmpty();
      assertThat(
              new String(
                  dead.get(0).headers().lastHeader("inquiry-dlt-reason").value(),
                  StandardCharsets.UTF_8))
          .contains("contact.email must be a valid address");
      await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofSeconds(2)).until(() -> true);
      assertThat(countReceived(inquiryId)).isEqualTo(1);
    }
  }

  @Nested
  class LedgerCheck {

    @Test
    void quotedInvoicesAreCheckedAgainstTheCustomerTheLedgerRecords() {
      TopicWriter ledger = new TopicWriter(kafka);
      ledger.send(Topics.OPEN_ITEMS.name(), "INV-LC-1", openItem("INV-LC-1", "C-1001"));
      ledger.send(Topics.OPEN_ITEMS.name(), "INV-LC-2", openItem("INV-LC-2", "C-1002"));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> checkFor("INV-LC-1").getReferencesBelongToCustomer() == CheckOutcome.PASSED);
      assertThat(checkFor("INV-LC-2").getReferencesBelongToCustomer())
          .as("another customer's invoice")
          .isEqualTo(CheckOutcome.FAILED);
      assertThat(checkFor("INV-LC-404").getReferencesBelongToCustomer())
          .as("an invoice the ledger does not know")
          .isEqualTo(CheckOutcome.UNKNOWN);
    }

    private InquiryReceived checkFor(String invoice) {
      String body =
          json("C-1001", "dana.ortiz@acme.example", "Invoice question")
              .replace("INV-2026-000123", invoice);
      return received(idOf(submit(body, null)));
    }

    private OpenItem openItem(String number, String customerId) {
      Money amount = new Money(new BigDecimal("100.0000"), "USD");
      return OpenItem.newBuilder()
          .setDocumentNumber(number)
          .setDocumentType("INVOICE")
          .setCustomerId(customerId)
          .setIssueDate(LocalDate.parse("2026-11-01"))
          .setAmount(amount)
          .setOpenAmount(amount)
          .setStatus("OPEN")
          .setUpdatedAt(Instant.now())
          .build();
    }
  }

  @Nested
  class CustomerRegistration {

    final String registration =
        """
        {"customerId": "C-7%s", "legalName": "Fjordline Ceramics AS", "segment": "SMB",
         "region": "EMEA", "contacts": [{"name": "Ola Fjeld", "email": "ola@fjordline.example"}],
         "emailDomains": ["fjordline.example"], "accountManager": "am.berg"}
        """;

    @Test
    void aRegisteredCustomerIsPendingUntilSomeoneElseVerifiesIt() {
      String id = "C-7" + (System.nanoTime() % 100000);
      String body = registration.replace("C-7%s", id);

      call("/api/v1/customers", body, "agent", "mia")
          .expectStatus()
          .isCreated()
          .expectHeader()
          .valueEquals("Location", "/api/v1/customers/" + id)
          .expectBody()
          .jsonPath("$.kycStatus")
          .isEqualTo("PENDING")
          .jsonPath("$.registeredBy")
          .isEqualTo("mia");
      call("/api/v1/customers", body, "agent", "tom").expectStatus().isEqualTo(409);
      call(
              "/api/v1/customers/" + id + "/kyc-verification",
              "{\"outcome\": \"VERIFIED\"}",
              "supervisor",
              "mia")
          .expectStatus()
          .isForbidden()
          .expectHeader()
          .contentType("application/problem+json");
      call(
              "/api/v1/customers/" + id + "/kyc-verification",
              "{\"outcome\": \"VERIFIED\"}",
              "agent",
              "tom")
          .expectStatus()
          .isForbidden();
      call(
              "/api/v1/customers/" + id + "/kyc-verification",
              "{\"outcome\": \"VERIFIED\"}",
              "approver",
              "kim")
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.kycStatus")
          .isEqualTo("VERIFIED")
          .jsonPath("$.kycVerifiedBy")
          .isEqualTo("kim");

      // the sender is now linked at intake: a registered contact of a verified customer
      String inquiryId = idOf(submit(json(null, "ola@fjordline.example", "Terms"), null));
      InquiryReceived linked = received(inquiryId);
      assertThat(linked.getCustomerId()).isEqualTo(id);
      assertThat(linked.getKycStatus()).isEqualTo(KycStatus.VERIFIED);
    }

    @Test
    void anInvalidRegistrationListsEveryProblemAndAnUnknownCustomerIs404() {
      call(
              "/api/v1/customers",
              "{\"customerId\": \"bad id\", \"segment\": \"HUGE\", \"contacts\": []}",
              "agent",
              "mia")
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors[*].field")
          .value(
              fields ->
                  assertThat(fields.toString())
                      .contains("customerId", "legalName", "segment", "contacts"));
      call(
              "/api/v1/customers/C-NOPE/kyc-verification",
              "{\"outcome\": \"VERIFIED\"}",
              "approver",
              "kim")
          .expectStatus()
          .isNotFound();
    }

    private WebTestClient.ResponseSpec call(String uri, String body, String role, String user) {
      return web.post()
          .uri(uri)
          .headers(h -> h.setBearerAuth(LocalJwt.get().token(role, user)))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange();
    }
  }

  @Nested
  class Feedback {

    @Test
    void feedbackIsRefusedBeforeResolutionAndRecordedAfter() {
      String inquiryId =
          idOf(submit(json("C-1001", "dana.ortiz@acme.example", "Copy please"), null));
      received(inquiryId);
      await().atMost(Duration.ofSeconds(10)).until(() -> rate(inquiryId, 5) != 503);
      assertThat(rate(inquiryId, 5)).isEqualTo(409);
      assertThat(rate("no-such-inquiry", 5)).isEqualTo(404);
      assertThat(rate(inquiryId, 9)).isEqualTo(400);

      resolve(inquiryId);
      await().atMost(Duration.ofSeconds(20)).until(() -> rate(inquiryId, 4) == 202);

      InquiryRated rating =
          topics.firstValue(Topics.INQUIRIES_RATED.name(), inquiryId, Duration.ofSeconds(20));
      assertThat(rating.getScore()).isEqualTo(4);
    }

    private int rate(String inquiryId, int score) {
      return web.post()
          .uri("/api/v1/inquiries/{id}/feedback", inquiryId)
          .headers(h -> h.setBearerAuth(channel()))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"score\": " + score + ", \"comment\": \"quick\"}")
          .exchange()
          .returnResult(String.class)
          .getStatus()
          .value();
    }

    private void resolve(String inquiryId) {
      InquiryResolved resolved =
          InquiryResolved.newBuilder()
              .setEventId(UUID.randomUUID().toString())
              .setInquiryId(inquiryId)
              .setOccurredAt(Instant.now())
              .setContext(
                  InquiryContext.newBuilder()
                      .setReceivedAt(Instant.now())
                      .setChannel(Channel.PORTAL)
                      .setKycStatus(KycStatus.VERIFIED)
                      .setSenderIsRegisteredContact(CheckOutcome.PASSED)
                      .build())
              .setResolvedBy("alice")
              .setResolutionCode("ANSWERED")
              .setFirstContactResolution(true)
              .build();
      new TopicWriter(kafka).send(Topics.INQUIRIES_RESOLVED.name(), inquiryId, resolved);
    }
  }
}
