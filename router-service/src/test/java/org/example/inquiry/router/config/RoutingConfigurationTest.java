package org.example.inquiry.router.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.example.inquiry.router.routing.RoutingPolicy;
import org.junit.jupiter.api.Test;

class RoutingConfigurationTest {

  @Test
  void theShippedConfigurationIsValid() {
    RouterProperties shipped = RouterConfigFixture.shipped();

    assertThat(RoutingConfiguration.validate(shipped)).isEmpty();
    assertThat(RoutingConfiguration.build(shipped)).isNotNull();
  }

  @Test
  void anInvalidRuleSetIsRefusedWithEveryProblemListed() {
    RouterProperties shipped = RouterConfigFixture.shipped();
    List<RoutingPolicy.Rule> rules = new ArrayList<>(shipped.rules());
    rules.add(
        new RoutingPolicy.Rule(
            "broken", null, List.of("astrology"), null, null, null, null, List.of("marketing")));
    Map<String, Double> weights = new HashMap<>(shipped.priorityWeights());
    weights.put("urgency", 90.0);
    Map<String, List<RouterProperties.Tier>> approval = new HashMap<>(shipped.approval());
    approval.put(
        "REFUND",
        List.of(
            new RouterProperties.Tier(new BigDecimal("100"), "DUAL", "approver"),
            new RouterProperties.Tier(BigDecimal.ONE, "TRIPLE", null)));
    RouterProperties broken =
        new RouterProperties(
            shipped.policyVersion(),
            "nobody",
            shipped.taxonomy(),
            rules,
            shipped.teams(),
            shipped.calendars(),
            shipped.sla(),
            weights,
            shipped.baseCurrency(),
            shipped.fxToBase(),
            approval,
            shipped.conflicts());

    assertThatThrownBy(() -> RoutingConfiguration.build(broken))
        .isInstanceOf(RoutingConfiguration.InvalidRoutingConfigurationException.class)
        .hasMessageContaining("triage-team 'nobody'")
        .hasMessageContaining("unknown type 'astrology'")
        .hasMessageContaining("unknown team 'marketing'")
        .hasMessageContaining("must add up to 100")
        .hasMessageContaining("unknown level 'TRIPLE'")
        .hasMessageContaining("ascending");
  }
}
