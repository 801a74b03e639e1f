package org.example.inquiry.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.example.inquiry.client.PlatformClient;
import org.example.inquiry.client.Reply;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The web console walked through in real headless Chromium browsers, one per person, against the
 * local stack: a delayed shipment under a letter of credit arrives (like the seed case); the
 * billing agent finds it in the queue, replies and proposes the USD 22,000 rebill; ivy approves,
 * the customer's account manager is refused by segregation of duties with the reason on screen, jon
 * gives the second approval; and the supervisor sees the KPIs move. Each screen is written as a
 * screenshot ({@code target/console-screenshots}) and must leave no error in the browser's console.
 * Skipped where no chromedriver and Chromium are installed, or with {@code -Dconsole.browser=off}.
 */
final class ConsoleWalkthrough {

  private static final Duration PIPELINE = Duration.ofSeconds(90);
  private static final Duration KPI_REFRESH = Duration.ofSeconds(3);
  private static final Set<String> DECIDED = Set.of("APPROVED", "REJECTED");
  private static final String ACCOUNT_MANAGER = "am.jsmith";
  private static final String INVOICE = "INV-2026-000123";

  private final String consoleUrl;
  private final PlatformClient platform;
  private final String run;
  private final List<ConsoleBrowser> browsers = new ArrayList<>();
  private String step = "start";

  /**
   * @param stack the running local stack, whose resolution serves the console
   * @param platform the public API client, for the channel's submission and cross-checks
   * @param run the suite's run id, so the submission is a new inquiry
   */
  ConsoleWalkthrough(LocalStack stack, PlatformClient platform, String run) {
    this.consoleUrl = stack.consoleUrl();
    this.platform = platform;
    this.run = run;
  }

  void run() {
    Optional<String> unavailable = ConsoleBrowser.unavailable();
    assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
    try {
      walk();
    } catch (RuntimeException | Error e) {
      browsers.forEach(b -> b.keepFailure(step));
      throw e;
    } finally {
      RuntimeException failed = null;
      for (ConsoleBrowser browser : browsers) {
        try {
          browser.close();
        } catch (RuntimeException e) {
          failed = failed == null ? e : failed;
        }
      }
      if (failed != null) {
        System.err.println("a console browser did not quit cleanly: " + failed);
      }
    }
  }

  private void walk() {
    // (a) the supervisor looks at the KPIs before
    step = "supervisor-before";
    ConsoleBrowser supervisor = signIn("sam", "supervisor");
    supervisor.click(By.id("nav-supervisor"));
    long receivedBefore = kpi(supervisor, "received");
    long approvedBefore = kpi(supervisor, "actionsApproved");
    supervisor.screenshot("01-supervisor-before");
    supervisor.assertNoConsoleErrors("the supervisor view");

    // (b) the customer's portal submits a new letter-of-credit inquiry like the seed case
    step = "submit";
    String id = submitLetterOfCreditInquiry();
    JsonNode routed = awaitRouted(id);
    assertThat(strings(routed.path("excludedPeople")))
        .as("the account manager is excluded from C-1001's inquiries")
        .contains(ACCOUNT_MANAGER);
    String agent = teamAssignee(routed, "billing", "ben");

    // (c) the billing agent finds it, replies and proposes the rebill
    step = "agent";
    ConsoleBrowser desk = signIn(agent, "agent");
    desk.open("/queue?assignee=" + agent);
    String href =
        desk.waitFor(
            "case " + id + " in " + agent + "'s queue",
            PIPELINE,
            Duration.ofSeconds(2),
            d -> {
              List<WebElement> rows = d.findElements(By.cssSelector(queueRow(id)));
              if (rows.isEmpty()) {
                d.navigate().refresh();
                return null;
              }
              WebElement row = rows.get(0);
              assertThat(row.findElements(By.cssSelector(".sla-countdown")))
                  .as("the row's SLA countdown")
                  .isNotEmpty();
              assertThat(row.findElements(By.cssSelector(".priority-reasons")))
                  .as("why the case is this urgent")
                  .isNotEmpty();
              return row.findElement(By.cssSelector("a.case-link")).getDomAttribute("href");
            });
    assertThat(href).endsWith("/console/cases/" + id);
    desk.screenshot("02-queue");
    desk.assertNoConsoleErrors("the queue");

    desk.click(By.cssSelector(queueRow(id) + " a.case-link"));
    desk.await(By.cssSelector(caseSection(id)));
    desk.await(By.cssSelector("#conversation .message[data-kind='INQUIRY'] .message-body"));
    desk.screenshot("03-case");
    desk.assertNoConsoleErrors("the case");

    if (!desk.driver().findElements(By.id("claim")).isEmpty()) {
      String what = agent + " claims the case";
      ConsoleBrowser.assertOutcome(desk.act(By.id("claim"), what), "accepted", what);
    }

    String reply =
        "We are revising the delivery date and will re-issue "
            + INVOICE
            + " to match LC-77 (console walkthrough "
            + run
            + ").";
    desk.choose(By.id("message-kind"), "REPLY");
    desk.type(By.id("message-text"), reply);
    ConsoleBrowser.assertOutcome(
        desk.act(By.id("message-submit"), "the reply"), "accepted", "the reply");
    desk.waitFor(
        "the reply as a REPLY message in #conversation",
        d ->
            d
                    .findElements(
                        By.cssSelector("#conversation .message[data-kind='REPLY'] .message-body"))
                    .stream()
                    .anyMatch(body -> body.getText().contains(reply))
                ? Boolean.TRUE
                : null);

    Set<String> actionsBefore = actionIds(desk);
    desk.choose(By.id("action-type"), "REBILL");
    desk.type(By.id("action-amount"), "22000.00");
    desk.type(By.id("action-currency"), "USD");
    desk.type(By.id("action-invoice"), INVOICE);
    desk.type(By.id("action-reason"), "re-issue the invoice with the revised delivery date");
    ConsoleBrowser.assertOutcome(
        desk.act(By.id("propose-submit"), "the REBILL proposal"),
        "accepted",
        "the REBILL proposal");
    String actionId =
        desk.waitFor(
            "the proposed REBILL in #actions",
            d ->
                actionIds(desk).stream()
                    .filter(a -> !actionsBefore.contains(a))
                    .findFirst()
                    .orElse(null));
    assertThat(state(desk, actionId)).as("the new REBILL waits for approval").isNotIn(DECIDED);
    assertThat(action(caseOf(id), actionId).path("level").asString())
        .as("USD 22,000 needs two approvers")
        .isEqualTo("DUAL");
    desk.screenshot("04-reply-and-proposal");
    desk.assertNoConsoleErrors("the reply and the proposal");
    desk.close();

    // (d) the first approval
    step = "approval-ivy";
    ConsoleBrowser ivy = signIn("ivy", "approver");
    ConsoleBrowser.Notice first = approve(ivy, id, actionId, "ivy approves the REBILL");
    ConsoleBrowser.assertOutcome(first, "accepted", "ivy approves the REBILL");
    assertThat(state(ivy, actionId)).as("one of two approvals").isNotIn(DECIDED);
    ivy.assertNoConsoleErrors("ivy's approval");
    ivy.close();

    // (e) the account manager may not approve: segregation of duties, said on screen
    step = "approval-am";
    ConsoleBrowser accountManager = signIn(ACCOUNT_MANAGER, "approver");
    ConsoleBrowser.Notice refused =
        approve(accountManager, id, actionId, "the account manager approves");
    ConsoleBrowser.assertOutcome(refused, "refused", "the account manager approves");
    assertThat(refused.text()).containsIgnoringCase("segregation of duties");
    assertThat(state(accountManager, actionId)).as("still one of two").isNotIn(DECIDED);
    accountManager.screenshot("05-sod-refusal");
    accountManager.assertNoConsoleErrors("the refused approval");
    accountManager.close();

    // (f) the second approval
    step = "approval-jon";
    ConsoleBrowser jon = signIn("jon", "approver");
    ConsoleBrowser.Notice second = approve(jon, id, actionId, "jon gives the second approval");
    ConsoleBrowser.assertOutcome(second, "accepted", "jon gives the second approval");
    jon.waitFor(
        "the REBILL to show APPROVED",
        d -> "APPROVED".equals(state(jon, actionId)) ? Boolean.TRUE : null);
    jon.screenshot("06-approved");
    jon.assertNoConsoleErrors("the approved action");
    jon.close();
    JsonNode approved = action(caseOf(id), actionId);
    assertThat(approved.path("state").asString()).isEqualTo("APPROVED");
    assertThat(strings(approved.path("approvedBy"))).containsExactly("ivy", "jon");

    // the agent resolves it: the approved rebill becomes the resolution's adjustment
    step = "resolve";
    ConsoleBrowser closing = signIn(agent, "agent");
    closing.open("/cases/" + id);
    closing.await(By.cssSelector(caseSection(id)));
    // first it goes to billing (lead) and treasury: the router works the routing out again
    closing.type(By.id("reroute-teams"), "billing, treasury");
    closing.type(By.id("reroute-reason"), "the LC is settled; billing re-issues the invoice");
    ConsoleBrowser.assertOutcome(
        closing.act(By.id("reroute-submit"), "the reroute"), "accepted", "the reroute");
    closing.waitFor(
        "the router's new routing (billing, treasury) on the case",
        PIPELINE,
        Duration.ofSeconds(2),
        d -> {
          if ("billing,treasury"
              .equals(closing.attribute(By.cssSelector(caseSection(id)), "data-teams"))) {
            return Boolean.TRUE;
          }
          d.navigate().refresh();
          return null;
        });
    JsonNode rerouted = caseOf(id);
    assertThat(rerouted.path("routingReason").asString()).startsWith("rerouted by " + agent);
    closing.type(By.id("resolution-code"), "ADJUSTED");
    closing.type(By.id("root-cause"), "carrier delay");
    ConsoleBrowser.assertOutcome(
        closing.act(By.id("resolve-submit"), "the resolution"), "accepted", "the resolution");
    closing.waitFor(
        "the case to show RESOLVED",
        d ->
            "RESOLVED".equals(closing.attribute(By.cssSelector(caseSection(id)), "data-status"))
                ? Boolean.TRUE
                : null);
    closing.assertNoConsoleErrors("the resolved case");
    closing.close();

    // (g) the supervisor sees the KPIs move: one more received, resolved, and its approved action
    // (metrics counts an inquiry's approved actions once it is resolved)
    step = "supervisor-after";
    long[] seen = {receivedBefore, approvedBefore};
    try {
      supervisor.waitFor(
          "received and actionsApproved to grow",
          PIPELINE,
          KPI_REFRESH,
          d -> {
            d.navigate().refresh();
            seen[0] = kpi(supervisor, "received");
            seen[1] = kpi(supervisor, "actionsApproved");
            return seen[0] > receivedBefore && seen[1] > approvedBefore ? Boolean.TRUE : null;
          });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the supervisor view did not show the KPIs move in "
              + PIPELINE.toSeconds()
              + " s: received "
              + receivedBefore
              + " -> "
              + seen[0]
              + ", actionsApproved "
              + approvedBefore
              + " -> "
              + seen[1],
          e);
    }
    assertThat(supervisor.driver().findElements(By.cssSelector("svg.chart")))
        .as("the supervisor view's charts")
        .isNotEmpty();
    supervisor.screenshot("07-supervisor-after");
    supervisor.assertNoConsoleErrors("the supervisor view after the walkthrough");
  }

  // ---- the people's moves --------------------------------------------------------------------

  private ConsoleBrowser signIn(String user, String role) {
    ConsoleBrowser browser = ConsoleBrowser.signIn(consoleUrl, user, role);
    browsers.add(browser);
    return browser;
  }

  /** Opens the case and clicks the action's approve button; returns what the notice says. */
  private static ConsoleBrowser.Notice approve(
      ConsoleBrowser approver, String id, String actionId, String what) {
    approver.open("/cases/" + id);
    approver.await(By.cssSelector(caseSection(id)));
    By button = By.cssSelector(actionSelector(actionId) + " button.approve");
    approver.waitFor(
        "the approve button of action "
            + actionId
            + " (shown to every approver; the platform decides who may)",
        d -> d.findElements(button).isEmpty() ? null : Boolean.TRUE);
    return approver.act(button, what);
  }

  private String submitLetterOfCreditInquiry() {
    Map<String, Object> inquiry =
        Map.of(
            "customerId",
            "C-1001",
            "contact",
            Map.of("name", "Dana Ortiz", "email", "dana.ortiz@acme.example"),
            "subject",
            "Delayed shipment under letter of credit LC-77 - invoice must be adjusted",
            "body",
            "Hello, our order PO-5521 for USD 22,000.00 is paid under letter of credit LC-77."
                + " The shipment is delayed by two weeks, so the invoice "
                + INVOICE
                + " no longer matches the delivery schedule and the LC presentation. Please"
                + " revise the delivery date and adjust the billing accordingly. Dana Ortiz, Acme",
            "channel",
            "PORTAL",
            "references",
            List.of(
                Map.of("kind", "LETTER_OF_CREDIT", "value", "LC-77"),
                Map.of("kind", "ORDER", "value", "PO-5521"),
                Map.of("kind", "INVOICE", "value", INVOICE)),
            "amount",
            Map.of("amount", "22000.00", "currency", "USD"));
    Reply reply =
        platform.submit("portal", inquiry, "scenario-console-" + run + "-" + UUID.randomUUID());
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    assertThat(reply.text("status")).as("a new inquiry").isEqualTo("RECEIVED");
    return reply.text("inquiryId");
  }

  private JsonNode awaitRouted(String id) {
    return platform
        .awaitCase(
            id,
            PIPELINE,
            c ->
                "OPEN".equals(text(c, "status"))
                    && c.path("teams").findValuesAsString("team").contains("billing"))
        .orElseThrow(
            () ->
                new AssertionError(
                    "case "
                        + id
                        + " was not routed to billing in "
                        + PIPELINE
                        + "; it is: "
                        + platform.inquiryCase(id).body()));
  }

  // ---- what the pages show -------------------------------------------------------------------

  private static long kpi(ConsoleBrowser browser, String name) {
    String shown = browser.text(By.cssSelector("#kpis .kpi[data-kpi='" + name + "'] .value"));
    String digits = shown.replaceAll("[^0-9]", "");
    assertThat(digits).as("the KPI " + name + " shows a count: '" + shown + "'").isNotEmpty();
    return Long.parseLong(digits);
  }

  private static String state(ConsoleBrowser browser, String actionId) {
    return browser.attribute(By.cssSelector(actionSelector(actionId)), "data-state");
  }

  /** The ids of the actions on the case page, read again if the page re-rendered meanwhile. */
  private static Set<String> actionIds(ConsoleBrowser browser) {
    return browser.waitFor(
        "the actions on the case",
        d ->
            d.findElements(By.cssSelector("#actions .action[data-action-id]")).stream()
                .map(a -> a.getDomAttribute("data-action-id"))
                .collect(Collectors.toSet()));
  }

  private static String queueRow(String id) {
    return "table#queue tr.queue-item[data-inquiry-id='" + id + "']";
  }

  private static String caseSection(String id) {
    return "section#case[data-inquiry-id='" + id + "']";
  }

  private static String actionSelector(String actionId) {
    return "#actions .action[data-action-id='" + actionId + "']";
  }

  // ---- what the API says ---------------------------------------------------------------------

  private JsonNode caseOf(String id) {
    Reply reply = platform.inquiryCase(id);
    assertThat(reply.isOk()).as("read case " + id + ": " + reply).isTrue();
    return reply.json();
  }

  private static JsonNode action(JsonNode inquiryCase, String actionId) {
    for (JsonNode a : inquiryCase.path("actions")) {
      if (actionId.equals(text(a, "actionId"))) {
        return a;
      }
    }
    throw new AssertionError("the console's action " + actionId + " is not in " + inquiryCase);
  }

  private static String teamAssignee(JsonNode c, String team, String otherwise) {
    for (JsonNode t : c.path("teams")) {
      if (team.equals(text(t, "team")) && text(t, "assignee") != null) {
        return text(t, "assignee");
      }
    }
    return otherwise;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asString();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }
}
