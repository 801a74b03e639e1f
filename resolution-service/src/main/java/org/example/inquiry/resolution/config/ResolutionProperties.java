package org.example.inquiry.resolution.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.example.inquiry.resolution.cases.Conversation;
import org.example.inquiry.resolution.cases.PostingPolicy;
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
 * @param posting how approved financial effects are booked ({@code resolution.posting.*}); every
 *     key left out takes the default of {@link PostingPolicy#defaults()}
 * @param messageIdDomain the domain of the ids answers to customers are sent with (their email
 *     Message-ID, {@code <id>@<domain>}); the organisation's mail domain in production
 * @param teams the teams of the router's routing configuration: the teams a case can be rerouted to
 */
@ConfigurationProperties("resolution")
public record ResolutionProperties(
    Map<String, BigDecimal> fxToBase,
    double slaWarnAt,
    Duration slaCheckInterval,
    Duration commandTimeout,
    String policyVersion,
    Posting posting,
    String messageIdDomain,
    List<String> teams) {

  public ResolutionProperties {
    fxToBase = fxToBase == null ? Map.of() : fxToBase;
    if (slaWarnAt <= 0 || slaWarnAt >= 1) {
      throw new IllegalArgumentException(
          "resolution.sla-warn-at must be between 0 and 1, not " + slaWarnAt);
    }
    slaCheckInterval = slaCheckInterval == null ? Duration.ofSeconds(10) : slaCheckInterval;
    commandTimeout = commandTimeout == null ? Duration.ofSeconds(15) : commandTimeout;
    posting = posting == null ? new Posting(null, null, null, null, null, null, null) : posting;
    messageIdDomain =
        messageIdDomain == null || messageIdDomain.isBlank()
            ? Conversation.DEFAULT_MESSAGE_ID_DOMAIN
            : messageIdDomain;
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  /**
   * {@code resolution.posting.*}: each key optional.
   *
   * @param legalEntities company code by customer region
   * @param defaultLegalEntity company code of the other customers
   * @param baseCurrency currency of {@code grossInBase}
   * @param taxRate tax on the net amount of credit notes and rebills (0.19 is 19%)
   * @param taxCode the tax code booked with it
   * @param accounts general-ledger account by role: receivable, revenue, tax, bad-debt, cash
   * @param acknowledgementTimeout how long finance may take to acknowledge an approved effect
   */
  public record Posting(
      Map<String, String> legalEntities,
      String defaultLegalEntity,
      String baseCurrency,
      BigDecimal taxRate,
      String taxCode,
      Map<String, String> accounts,
      Duration acknowledgementTimeout) {

    /**
     * The posting policy: these keys over the defaults (checked, so a bad value stops start-up).
     */
    public PostingPolicy policy() {
      PostingPolicy d = PostingPolicy.defaults();
      Map<String, String> a = accounts == null ? Map.of() : accounts;
      return new PostingPolicy(
          legalEntities == null ? d.legalEntities() : legalEntities,
          defaultLegalEntity == null ? d.defaultLegalEntity() : defaultLegalEntity,
          baseCurrency == null ? d.baseCurrency() : baseCurrency,
          taxRate == null ? d.taxRate() : taxRate,
          taxCode == null ? d.taxCode() : taxCode,
          new PostingPolicy.Accounts(
              a.getOrDefault("receivable", d.accounts().receivable()),
              a.getOrDefault("revenue", d.accounts().revenue()),
              a.getOrDefault("tax", d.accounts().tax()),
              a.getOrDefault("bad-debt", d.accounts().badDebt()),
              a.getOrDefault("cash", d.accounts().cash())),
          acknowledgementTimeout == null ? d.acknowledgementTimeout() : acknowledgementTimeout);
    }
  }
}
