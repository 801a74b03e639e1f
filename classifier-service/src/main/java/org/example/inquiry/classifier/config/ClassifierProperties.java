package org.example.inquiry.classifier.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.example.inquiry.classifier.classification.KeywordRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The classifier's knobs ({@code classifier.*} in application.yml).
 *
 * @param triageThreshold the model's top type below this probability, with no rule type, sends the
 *     inquiry to triage
 * @param secondaryThreshold further types the model gives at least this probability are added
 * @param corpus Spring resource location of the training corpus; when it does not exist the
 *     classifier decides by rules alone
 * @param largeAmountThreshold a stated or quoted amount at or above this (nominal, any currency)
 *     raises urgency to HIGH
 * @param replaceDefaultRules true to use only {@code rules}; false to add them to the defaults (a
 *     configured rule with a default rule's id replaces it)
 * @param rules extra or replacement rules
 * @param retrain the learning loop's knobs
 */
@Validated
@ConfigurationProperties("classifier")
public record ClassifierProperties(
    @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double triageThreshold,
    @DefaultValue("0.3") @DecimalMin("0.01") @DecimalMax("1") double secondaryThreshold,
    @DefaultValue("classpath:corpus/finance-inquiries.csv") String corpus,
    @DefaultValue("100000") BigDecimal largeAmountThreshold,
    @DefaultValue("false") boolean replaceDefaultRules,
    @DefaultValue List<KeywordRules.Rule> rules,
    @DefaultValue @Valid Retrain retrain) {

  /**
   * The learning loop ({@code classifier.retrain.*}).
   *
   * @param cron Spring cron expression of scheduled retraining; {@code -} (the default) for none
   * @param tolerance how much lower than the model in use a candidate's held-back accuracy and
   *     macro-F1 may be and still be promoted (0: not worse)
   * @param timeout how long reading the history or catching up on the decisions may take (at
   *     start-up the listener waits that long at most for the promoted model)
   */
  public record Retrain(
      @DefaultValue("-") String cron,
      @DefaultValue("0.0") @DecimalMin("0") @DecimalMax("1") double tolerance,
      @DefaultValue("60s") Duration timeout) {}
}
