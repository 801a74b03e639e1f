package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.example.inquiry.testing.LocalJwt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Segregation of duties and document ownership over HTTP on the real pipeline: a protected person
 * stays the same person whatever the case, surrounding white space, compatibility characters or
 * invisible characters of the name in the token; a financial action may only reference the case
 * customer's own ledger documents; and every refusal on the case is listed for an auditor.
 */
@ExtendWith(SharedPipeline.class)
class SegregationOfDutiesIT {

  /** Spellings of one person that must all count as that person. */
  static List<String> variants(String name) {
    return List.of(
        name.toUpperCase(),
        " " + name + " ",
        fullWidth(name),
        name.substring(0, 2) + "\u200b" + name.substring(2),
        "\u00ad" + name.substring(0, 1).toUpperCase() + name.substring(1) + "\u200d");
  }

  private static String inquiryId;
  private static String resolution;
  private static String intake;

  @BeforeAll
  static void submitTheSeedInquiry() {
    PipelineUnderTest pipeline = SharedPipeline.get();
    resolution = pipeline.url("resolution-service");
    intake = pipeline.url("intake-service");
    inquiryId = submitSeedInquiry(pipeline, "SoD " + System.nanoTime());
  }

  /** The README's seed inquiry of customer C-1001 (USD 22,000 under LC-77), once it is a case. */
  static String submitSeedInquiry(PipelineUnderTest pipeline, String tag) {
    String body =
        """
        {"customerId": "C-1001",
         "contact": {"name": "Dana Ortiz", "email": "Dana.Ortiz@Acme.example"},
         "subject": "Delayed shipment under letter of credit LC-77 (%s)",
         "body": "Our order PO-5521 for USD 22,000 under letter of credit LC-77 is delayed; the invoice INV-2026-000123 must be adjusted.",
         "channel": "PORTAL",
         "references": [{"kind": "LETTER_OF_CREDIT", "value": "LC-77"}],
         "amount": {"amount": "22000.00", "currency": "USD"}}
        """
            .formatted(tag);
    Http.Answer submitted =
        Http.postJson(
            pipeline.url("intake-service") + "/api/v1/inquiries",
            LocalJwt.get().token("channel", "portal"),
            body);
    assertThat(submitted.status()).as(submitted.brief()).isEqualTo(202);
    String id = json(submitted.body()).path("inquiryId").asText();
    String agent = LocalJwt.get().token("agent", "alice");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> Http.get(pipeline.url("resolution-service") + "/api/v1/inquiries/" + id, agent),
            answer -> answer.status() == 200);
    return id;
  }

  @Test
  void makerCheckerAndTheExcludedAccountManagerHoldForEverySpellingOfTheirNames() {
    JsonNode opened = json(Http.get(caseUrl(""), token("agent", "olga")).body());
    assertThat(opened.path("excludedPeople").toString()).contains("am.jsmith");

    Http.Answer proposed =
        Http.postJson(
            caseUrl("/actions"),
            token("agent", "olga"),
            """
            {"type": "REBILL", "amount": {"amount": "20000.00", "currency": "USD"},
             "invoiceReference": "INV-2026-000123", "reason": "rebill at the agreed LC price"}
            """);
    assertThat(proposed.status()).as(proposed.brief()).isEqualTo(200);
    JsonNode accepted = json(proposed.body());
    String actionId = accepted.path("actionId").asText();
    assertThat(action(accepted.path("case"), actionId).path("level").asText()).isEqualTo("DUAL");

    List<String> failures = new ArrayList<>();
    for (String person : List.of("olga", "am.jsmith")) {
      for (String spelling : variants(person)) {
        Http.Answer approval =
            Http.send(
                "POST",
                caseUrl("/actions/" + actionId + "/approval"),
                token("approver", spelling),
                null,
                null);
        if (approval.status() != 403 || !approval.isProblem()) {
          failures.add(
              "approval by "
                  + escape(spelling)
                  + " ("
                  + person
                  + "): expected 403 problem+json, got "
                  + approval.brief());
        }
      }
    }
    assertThat(failures).as("spellings of protected people that were not refused").isEmpty();

    Http.Answer first =
        Http.send(
            "POST",
            caseUrl("/actions/" + actionId + "/approval"),
            token("approver", "pat"),
            null,
            null);
    assertThat(first.status()).as(first.brief()).isEqualTo(200);
    for (String spelling : variants("pat")) {
      Http.Answer again =
          Http.send(
              "POST",
              caseUrl("/actions/" + actionId + "/approval"),
              token("approver", spelling),
              null,
              null);
      assertThat(again.status())
          .as("second approval by " + escape(spelling) + " of pat: " + again.brief())
          .isEqualTo(409);
      assertThat(again.isProblem()).isTrue();
    }
    Http.Answer second =
        Http.send(
            "POST",
            caseUrl("/actions/" + actionId + "/approval"),
            token("approver", "quinn"),
            null,
            null);
    assertThat(second.status()).as(second.brief()).isEqualTo(200);
    JsonNode approved = action(json(second.body()).path("case"), actionId);
    assertThat(approved.path("state").asText()).isEqualTo("APPROVED");
    assertThat(approved.path("approvedBy").toString()).contains("pat", "quinn");
  }

  @Test
  void aFinancialActionMayOnlyReferenceTheCaseCustomersOwnLedgerDocuments() {
    for (String document : List.of("INV-2026-000061", " INV-2026-000061 ", "INV-2099-999999")) {
      Http.Answer proposed =
          Http.postJson(
              caseUrl("/actions"),
              token("agent", "alice"),
              """
              {"type": "CREDIT_NOTE", "amount": {"amount": "150.00", "currency": "USD"},
               "invoiceReference": "%s", "reason": "goodwill"}
              """
                  .formatted(document));
      assertThat(proposed.status())
          .as("document '" + document + "': " + proposed.brief())
          .isEqualTo(409);
      assertThat(proposed.isProblem()).isTrue();
      assertThat(proposed.body()).doesNotContain("C-1002");
    }
    Http.Answer own =
        Http.postJson(
            caseUrl("/actions"),
            token("agent", "alice"),
            """
            {"type": "CREDIT_NOTE", "amount": {"amount": "150.00", "currency": "USD"},
             "invoiceReference": "INV-2026-000187", "reason": "goodwill"}
            """);
    assertThat(own.status()).as("own document: " + own.brief()).isEqualTo(200);
  }

  @Test
  void kycVerificationByTheRegistrarUnderAnotherSpellingIsRefused() {
    String customerId = "C-SOD-" + (System.nanoTime() % 1_000_000);
    Http.Answer registered =
        Http.postJson(
            intake + "/api/v1/customers",
            token("agent", "mia"),
            """
            {"customerId": "%s", "legalName": "Spelling Test Ltd", "segment": "SMB",
             "contacts": [{"name": "Ann Lee", "email": "ann.lee@spelling.example"}]}
            """
                .formatted(customerId));
    assertThat(registered.status()).as(registered.brief()).isEqualTo(201);
    String verification = "{\"outcome\": \"VERIFIED\", \"expiresOn\": \"2027-12-31\"}";
    List<String> failures = new ArrayList<>();
    for (String spelling : variants("mia")) {
      Http.Answer answer =
          Http.postJson(
              intake + "/api/v1/customers/" + customerId + "/kyc-verification",
              token("approver", spelling),
              verification);
      if (answer.status() != 403 || !answer.isProblem()) {
        failures.add(
            "verification by "
                + escape(spelling)
                + ": expected 403 problem+json, got "
                + answer.brief());
      }
    }
    assertThat(failures).isEmpty();
    Http.Answer verified =
        Http.postJson(
            intake + "/api/v1/customers/" + customerId + "/kyc-verification",
            token("approver", "nora"),
            verification);
    assertThat(verified.status()).as(verified.brief()).isEqualTo(200);
    assertThat(json(verified.body()).toString()).contains("VERIFIED");
  }

  @Test
  void everyRefusalOnTheCaseIsListedForAnAuditor() {
    Http.Answer wrongRole =
        Http.send("POST", caseUrl("/claim"), token("channel", "portal"), null, null);
    assertThat(wrongRole.status()).as(wrongRole.brief()).isEqualTo(403);
    Http.Answer noToken = Http.postJson(caseUrl("/notes"), null, "{\"text\": \"hello\"}");
    assertThat(noToken.status()).as(noToken.brief()).isEqualTo(401);
    Http.Answer sod =
        Http.postJson(
            caseUrl("/notes"),
            token("agent", "AM.JSMITH"),
            "{\"text\": \"note by the account manager\"}");
    assertThat(sod.status()).as(sod.brief()).isEqualTo(403);

    Http.Answer forbidden = Http.get(caseUrl("/refusals"), token("agent", "alice"));
    assertThat(forbidden.status()).isEqualTo(403);

    JsonNode refusals =
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> json(Http.get(caseUrl("/refusals"), token("auditor", "audrey")).body()),
                list ->
                    list.toString().contains("/claim")
                        && list.toString().contains("unauthenticated")
                        && list.toString().contains("am.jsmith"));
    String listed = refusals.toString();
    assertThat(listed).contains("HTTP 403", "portal", "HTTP 401", "NOTE refused");
    for (JsonNode entry : refusals) {
      assertThat(entry.path("event").asText()).isEqualTo("ATTEMPT_REFUSED");
    }
    System.out.println("Refusals listed for inquiry " + inquiryId + ": " + refusals.size());
  }

  private static String caseUrl(String suffix) {
    return resolution + "/api/v1/inquiries/" + inquiryId + suffix;
  }

  private static String token(String role, String user) {
    return LocalJwt.get().token(role, user);
  }

  private static JsonNode action(JsonNode inquiryCase, String actionId) {
    for (JsonNode action : inquiryCase.path("actions")) {
      if (actionId.equals(action.path("actionId").asText())) {
        return action;
      }
    }
    throw new AssertionError("no action " + actionId + " in " + inquiryCase);
  }

  static String fullWidth(String name) {
    StringBuilder wide = new StringBuilder();
    for (char c : name.toCharArray()) {
      wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uff01') : c);
    }
    return wide.toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append("'").toString();
  }

  static JsonNode json(String body) {
    try {
      return ApiDocs.JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
