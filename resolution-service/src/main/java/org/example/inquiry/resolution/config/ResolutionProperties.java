package org.example.inquiry.resolution.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Resolution's knobs ({@code resolution.*}).
 *
 * @param fxToBase rates to the base currency for cases routed before the router put its rates on
 *     {@code InquiryRouted} (optional; the routed rates are the ones that count)
 * @param slaWarnAt share of an SLA target after which a warning is raised
 * @param slaCheckInterval how often the SLA clocks are checked
 * @param commandTimeout how long an HTTP caller waits for its command's outcome
 * @param policyVersion recorded on approval decisions
 */
@ConfigurationProperties("resolution")
public record ResolutionProperties(
    Map<String, BigDecimal> fxToBase,
    double slaWarnAt,
    Duration slaCheckInterval,
    Duration commandTimeout,
    String policyVersion) {

  public ResolutionProperties {
    fxToBase = fxToBase == null ? Map.of() : fxToBase;
    if (slaWarnAt <= 0 || slaWarnAt >= 1) {
      throw new IllegalArgumentException(
          "resolution.sla-warn-at must be between 0 and 1, not " + slaWarnAt);
    }
    slaCheckInterval = slaCheckInterval == null ? Duration.ofSeconds(10) : slaCheckInterval;
    commandTimeout = commandTimeout == null ? Duration.ofSeconds(15) : commandTimeout;
  }
}
