package org.example.inquiry.classifier.classification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.example.inquiry.classifier.model.InquiryText;
import org.example.inquiry.classifier.model.LabelScore;
import org.example.inquiry.classifier.model.TextClassifier;

/**
 * Combines the rules layer and the trained model into one decision: rules set and veto types and
 * raise urgency, the model adds its top type and every type above the secondary threshold, and an
 * inquiry neither recognises confidently goes to triage instead of being guessed.
 */
public final class Classifier {

  /** Confidence of a type only a rule proposed. */
  static final double RULE_CONFIDENCE = 0.9;

  /**
   * A trained model and its version.
   *
   * @param classifier the trained engine
   * @param version engine version plus training-data hash, recorded on every event
   */
  public record Model(TextClassifier classifier, String version) {}

  private final KeywordRules rules;
  private final Model model;
  private final double triageThreshold;
  private final double secondaryThreshold;

  /**
   * @param rules the rules layer
   * @param model the trained model, or null to decide by rules alone
   * @param triageThreshold the model's top type below this probability is not trusted
   * @param secondaryThreshold further model types at or above this probability are added
   */
  public Classifier(
      KeywordRules rules, Model model, double triageThreshold, double secondaryThreshold) {
    if (triageThreshold < 0 || triageThreshold > 1 || secondaryThreshold <= 0) {
      throw new IllegalArgumentException("thresholds must be probabilities, secondary above 0");
    }
    this.rules = rules;
    this.model = model;
    this.triageThreshold = triageThreshold;
    this.secondaryThreshold = secondaryThreshold;
  }

  public String rulesVersion() {
    return rules.version();
  }

  public Optional<String> modelVersion() {
    return Optional.ofNullable(model).map(Model::version);
  }

  /** The trained model, empty when classifying by rules alone. */
  public Optional<Model> model() {
    return Optional.ofNullable(model);
  }

  /** The same rules and thresholds with another model. */
  public Classifier withModel(Model newModel) {
    return new Classifier(rules, newModel, triageThreshold, secondaryThreshold);
  }

  /** Classifies one inquiry; empty, blank and very large texts are triaged or classified. */
  public Classification classify(String subject, String body, BigDecimal statedAmount) {
    KeywordRules.Outcome outcome = rules.evaluate(subject, body, statedAmount);
    String text = InquiryText.of(subject, body);
    if (text.isBlank()) {
      return triage(outcome, fallback(), "empty inquiry: subject and body are blank");
    }
    Map<String, Classification.TypeScore> types = new LinkedHashMap<>();
    outcome.types().forEach(t -> types.put(t, score(t, RULE_CONFIDENCE, "RULE")));
    LabelScore top = null;
    if (model != null) {
      List<LabelScore> predictions =
          model.classifier().predict(text).stream()
              .filter(p -> !outcome.vetoed().contains(p.label()))
              .toList();
      top = predictions.isEmpty() ? null : predictions.get(0);
      for (LabelScore p : predictions) {
        boolean trustedTop = p == top && p.probability() >= triageThreshold;
        if (!trustedTop && p.probability() < secondaryThreshold) {
          continue;
        }
        types.merge(
            p.label(),
            score(p.label(), p.probability(), "MODEL"),
            (rule, byModel) ->
                score(
                    p.label(),
                    1 - (1 - rule.confidence()) * (1 - byModel.confidence()),
                    "RULE_AND_MODEL"));
      }
    }
    if (types.isEmpty()) {
      if (top == null) {
        return triage(
            outcome,
            fallback(),
            model == null
                ? "no rule recognised the inquiry type and no model is loaded"
                : "every type the model knows was vetoed by a rule");
      }
      return triage(
          outcome,
          score(top.label(), top.probability(), "MODEL"),
          String.format(
              Locale.ROOT,
              "no rule recognised the inquiry type and the model's best type %s has confidence"
                  + " %.2f, below the triage threshold %.2f",
              top.label(),
              top.probability(),
              triageThreshold));
    }
    List<Classification.TypeScore> sorted = new ArrayList<>(types.values());
    sorted.sort(
        Comparator.comparingDouble(Classification.TypeScore::confidence)
            .reversed()
            .thenComparing(Classification.TypeScore::type));
    return new Classification(
        sorted,
        outcome.urgency(),
        false,
        null,
        decidedBy(sorted),
        outcome.firedRules(),
        outcome.references());
  }

  private static String decidedBy(List<Classification.TypeScore> types) {
    boolean rule = types.stream().anyMatch(t -> !t.source().equals("MODEL"));
    boolean byModel = types.stream().anyMatch(t -> !t.source().equals("RULE"));
    return rule && byModel ? "RULES_AND_MODEL" : rule ? "RULES" : "MODEL";
  }

  private static Classification triage(
      KeywordRules.Outcome outcome, Classification.TypeScore guess, String reason) {
    return new Classification(
        List.of(guess),
        outcome.urgency(),
        true,
        reason,
        "TRIAGE",
        outcome.firedRules(),
        outcome.references());
  }

  private static Classification.TypeScore fallback() {
    return score("general", 0.0, "RULE");
  }

  private static Classification.TypeScore score(String type, double confidence, String source) {
    return new Classification.TypeScore(type, Math.min(1.0, Math.max(0.0, confidence)), source);
  }
}
