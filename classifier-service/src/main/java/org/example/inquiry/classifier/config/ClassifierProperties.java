package org.example.inquiry.classifier.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.example.inquiry.classifier.classification.KeywordRules;
import org.example.inquiry.classifier.training.CorpusFiles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The classifier's knobs ({@code classifier.*} in application.yml).
 *
 * @param triageThreshold a routing confidence (the probability that the main type is among the
 *     routed types) below this sends the inquiry to triage
 * @param secondaryThreshold further types the model gives at least this probability are added
 * @param corpus Spring resource location of the template training corpus (CSV)
 * @param writtenCorpus Spring resource pattern of the hand-written training corpus (JSON Lines);
 *     blank for none. When neither corpus exists the classifier decides by rules alone
 * @param embeddings true (default) to use sentence embeddings beside TF-IDF
 * @param encoder the sentence encoder: {@code bge} (default, bge-small-en-v1.5) or {@code minilm}
 *     (all-MiniLM-L6-v2, about half the cost, lower accuracy: docs/BENCHMARKS.md)
 * @param modelCacheDir where trained models and embeddings of training texts are kept, so a restart
 *     loads its model instead of training it; blank for none
 * @param urgencyOverride urgency rules raising to this level or above override the urgency model
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
    @DefaultValue(TRIAGE_THRESHOLD) @DecimalMin("0") @DecimalMax("1") double triageThreshold,
    @DefaultValue(SECONDARY_THRESHOLD) @DecimalMin("0.01") @DecimalMax("1")
        double secondaryThreshold,
    @DefaultValue(CorpusFiles.TEMPLATE) String corpus,
    @DefaultValue(CorpusFiles.WRITTEN) String writtenCorpus,
    @DefaultValue("true") boolean embeddings,
    @DefaultValue("bge") @Pattern(regexp = "bge|minilm") String encoder,
    @DefaultValue("") String modelCacheDir,
    @DefaultValue(URGENCY_OVERRIDE) String urgencyOverride,
    @DefaultValue(LARGE_AMOUNT_THRESHOLD) BigDecimal largeAmountThreshold,
    @DefaultValue("false") boolean replaceDefaultRules,
    @DefaultValue List<KeywordRules.Rule> rules,
    @DefaultValue @Valid Retrain retrain) {

  /** Default triage threshold: a routing confidence below it sends the inquiry to triage. */
  public static final String TRIAGE_THRESHOLD = "0.7";

  public static final String SECONDARY_THRESHOLD = "0.3";
  public static final String URGENCY_OVERRIDE = "CRITICAL";
  public static final String LARGE_AMOUNT_THRESHOLD = "100000";

  /**
   * The defaults, as the service runs without configuration (for the offline commands), with the
   * given model cache directory.
   */
  public static ClassifierProperties defaults(String modelCacheDir) {
    return new ClassifierProperties(
        Double.parseDouble(TRIAGE_THRESHOLD),
        Double.parseDouble(SECONDARY_THRESHOLD),
        CorpusFiles.TEMPLATE,
        CorpusFiles.WRITTEN,
        true,
        "bge",
        modelCacheDir,
        URGENCY_OVERRIDE,
        new BigDecimal(LARGE_AMOUNT_THRESHOLD),
        false,
        List.of(),
        new Retrain("-", 0.0, Duration.ofSeconds(60)));
  }

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
