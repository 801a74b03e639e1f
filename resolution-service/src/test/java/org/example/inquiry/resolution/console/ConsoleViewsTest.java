package org.example.inquiry.resolution.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import tools.jackson.databind.json.JsonMapper;

class ConsoleViewsTest {

  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void countdownsSayWhatIsLeftWarnWithinTheHourAndCountBreachesAndLateWork() {
    assertThat(Countdown.of(NOW.plus(Duration.ofHours(26)), NOW))
        .extracting(Countdown::text, Countdown::state)
        .containsExactly("1 d 2 h left", "ok");
    assertThat(Countdown.of(NOW.plus(Duration.ofMinutes(45)), NOW))
        .extracting(Countdown::text, Countdown::state)
        .containsExactly("45 min left", "warn");
    assertThat(Countdown.of(NOW.minus(Duration.ofMinutes(190)), NOW))
        .extracting(Countdown::text, Countdown::state)
        .containsExactly("overdue by 3 h 10 min", "breached");
    assertThat(Countdown.of(NOW, NOW).state()).isEqualTo("breached");
    assertThat(Countdown.of(NOW, NOW, NOW.minusSeconds(5)).state()).isEqualTo("met");
    assertThat(Countdown.of(NOW, NOW, NOW.plusSeconds(600)).text()).isEqualTo("done, 10 min late");
    assertThat(Countdown.of(null, NOW).text()).isEqualTo("no due time");
    assertThat(Countdown.span(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(Countdown.paused(NOW, NOW.minus(Duration.ofHours(3)), NOW))
        .extracting(Countdown::text, Countdown::state, Countdown::due)
        .containsExactly("paused for 3 h, waiting for the customer", "paused", null);
  }

  @Test
  void barsAreScaledToTheLargestValueAndNegativeOnesDrawnEmpty() {
    Map<String, Integer> values = new LinkedHashMap<>();
    values.put("billing", 10);
    values.put("credit", 5);
    values.put("kyc", -3);
    BarChart chart = BarChart.of("Backlog", values, n -> Integer.toString(n.intValue()));
    assertThat(chart.bars()).hasSize(3);
    int full = chart.bars().get(0).length();
    assertThat(full).isEqualTo(BarChart.WIDTH - BarChart.LABEL_WIDTH - 80);
    assertThat(chart.bars().get(1).length()).isEqualTo(full / 2);
    assertThat(chart.bars().get(2).length()).isZero();
    assertThat(chart.bars().get(2).value()).isEqualTo("-3");
    assertThat(chart.bars().get(1).y()).isGreaterThan(chart.bars().get(0).y());
    assertThat(BarChart.of("none", Map.of(), n -> "").empty()).isTrue();
  }

  @Test
  void theBoardReadsTheKpiReportsTilesChartsAndSeries() {
    JsonMapper json = JsonMapper.builder().build();
    var overall =
        json.readTree(
            "{\"groups\":{\"all\":{\"received\":12,\"resolved\":7,\"openBacklog\":5,"
                + "\"firstResponseSeconds\":{\"count\":7,\"p50\":5400},"
                + "\"resolutionSlaAttainment\":0.875,\"actionsApproved\":3}}}");
    var byTeam =
        json.readTree(
            "{\"groups\":{\"billing\":{\"openBacklog\":4,\"resolutionSlaAttainment\":0.5},"
                + "\"credit\":{\"openBacklog\":1,\"resolutionSlaAttainment\":null}}}");
    var daily =
        json.readTree(
            "{\"series\":[{\"start\":\"2026-11-30T00:00:00Z\",\"kpis\":{\"received\":4,\"resolved\":2}},"
                + "{\"start\":\"2026-12-01T00:00:00Z\",\"kpis\":null}]}");
    KpiBoard board = KpiBoard.of(overall, byTeam, daily);
    assertThat(board.value("received")).isEqualTo("12");
    assertThat(board.value("actionsRejected")).isEqualTo("0");
    assertThat(board.value("resolutionSlaAttainment")).isEqualTo("87.5 %");
    assertThat(board.value("responseSlaAttainment")).isEqualTo("–");
    assertThat(board.value("firstResponseMedian")).isEqualTo("1 h 30 min");
    assertThat(board.charts()).extracting(BarChart::title).contains("Open backlog per team");
    assertThat(board.charts().get(0).bars())
        .extracting(BarChart.Bar::label)
        .containsExactly("billing", "credit");
    assertThat(board.charts().get(1).bars())
        .extracting(BarChart.Bar::value)
        .containsExactly("50.0 %");
    assertThat(board.charts().get(2).bars())
        .extracting(BarChart.Bar::label, BarChart.Bar::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Mon 30 Nov", "4"),
            org.assertj.core.groups.Tuple.tuple("Tue 1 Dec", "0"));
  }

  @Test
  void aUserNameMustBeAPersonIdAndASignInRoleAPersonsRole() {
    assertThat(LocalSignIn.user(" Alice ")).isEqualTo("alice");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalSignIn.user("<script>"))
        .isInstanceOf(LocalSignIn.Refused.class)
        .hasMessageContaining("is not a user id");
    assertThat(LocalSignIn.ROLES).doesNotContain("channel", "finance-system");
  }

  @Test
  void theOidcSignInSendsAnS256CodeChallenge() {
    ClientRegistration console =
        ClientRegistration.withRegistrationId(ConsoleProperties.REGISTRATION)
            .clientId("inquiry-console")
            .clientSecret("secret")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid")
            .authorizationUri("https://idp.example/authorize")
            .tokenUri("https://idp.example/token")
            .jwkSetUri("https://idp.example/jwks")
            .userNameAttributeName("sub")
            .build();
    OAuth2AuthorizationRequest request =
        ConsoleSecurityConfig.pkce(new InMemoryReactiveClientRegistrationRepository(console))
            .resolve(
                MockServerWebExchange.from(
                    MockServerHttpRequest.get(
                        "http://127.0.0.1:8084/oauth2/authorization/console")))
            .block();
    assertThat(request).isNotNull();
    assertThat(request.getAuthorizationRequestUri())
        .startsWith("https://idp.example/authorize?")
        .contains("response_type=code", "code_challenge_method=S256", "code_challenge=");
    assertThat(request.getAttributes()).containsKey("code_verifier");
  }
}
