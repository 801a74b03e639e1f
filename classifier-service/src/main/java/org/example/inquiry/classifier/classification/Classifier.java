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
 * Combines the rules layer and the trained models into one decision. The type model decides the
 * main type; a type a rule proposes adds evidence to the model's probability for it (it can
 * overrule an unsure model, not a confident one) and rules veto types. The urgency model decides
 * urgency from the text and its context (amount band, dates, rules that fired); urgency rules at or
 * above the override level raise it whatever the model says. An inquiry the classifier is not sure
 * enough of where it belongs (its routing confidence: the probability that its types include the
 * right main type) goes to triage instead of being guessed. Without models the rules decide alone.
 */
public final class Classifier {

  /** Confidence of a type only a rule proposed, when there is no model. */
  static final double RULE_CONFIDENCE = 0.9;

  /**
   * Weight of a rule's evidence for a type the model also scores: the type's confidence becomes
   * {@code 1 - (1 - p) * (1 - RULE_EVIDENCE)}.
   */
  static final double RULE_EVIDENCE = 0.5;

  /**
   * A type a rule proposes becomes a secondary type only when the model gives it at least this
   * probability too; types the model alone proposes need the secondary threshold. 0 (every rule's
   * type is kept, as before): with 0.1, which doubles secondary precision in cross-validation
   * (docs/BENCHMARKS.md), engine 3 drops letter-of-credit from ClassifierIT's short seed text.
   */
  public static final double RULE_SECONDARY_FLOOR = 0.0;

  /**
   * A trained model and its version.
   *
   * @param classifier the trained type engine
   * @param urgency the trained urgency engine, null to set urgency by rules alone
   * @param version engine version plus training-data hash, recorded on every event
   */
  public record Model(TextClassifier classifier, TextClassifier urgency, String version) {

    /** A type model without an urgency model. */
    public Model(TextClassifier classifier, String version) {
      this(classifier, null, version);
    }
  }

  /**
   * One inquiry to classify.
   *
   * @param subject subject line, may be null
   * @param body body text, may be null
   * @param statedAmount the amount the channel stated, may be null
   */
  public record Input(String subject, String body, BigDecimal statedAmount) {}

  private final KeywordRules rules;
  private final Model model;
  private final double triageThreshold;
  private final double secondaryThreshold;
  private final String urgencyOverride;
  private final double ruleSecondaryFloor;

  /**
   * @param rules the rules layer
   * @param model the trained model, or null to decide by rules alone
   * @param triageThreshold a routing confidence below this is not trusted: triage
   * @param secondaryThreshold further model types at or above this probability are added
   * @param urgencyOverride urgency rules raising to this level or above override the urgency model
   * @param ruleSecondaryFloor a type a rule proposes is a secondary type when the model gives it at
   *     least this probability
   */
  public Classifier(
      KeywordRules rules,
      Model model,
      double triageThreshold,
      double secondaryThreshold,
      String urgencyOverride,
      double ruleSecondaryFloor) {
    if (triageThreshold < 0 || triageThreshold > 1 || secondaryThreshold <= 0) {
      throw new IllegalArgumentException("thresholds must be probabilities, secondary above 0");
    }
    if (Urgencies.rank(urgencyOverride) < 0) {
      throw new IllegalArgumentException("unknown urgency " + urgencyOverride);
    }
    this.rules = rules;
    this.model = model;
    this.triageThreshold = triageThreshold;
    this.secondaryThreshold = secondaryThreshold;
    this.urgencyOverride = urgencyOverride;
    this.ruleSecondaryFloor = ruleSecondaryFloor;
  }

  /** A rule's type is a secondary type from {@link #RULE_SECONDARY_FLOOR}. */
  public Classifier(
      KeywordRules rules,
      Model model,
      double triageThreshold,
      double secondaryThreshold,
      String urgencyOverride) {
    this(rules, model, triageThreshold, secondaryThreshold, urgencyOverride, RULE_SECONDARY_FLOOR);
  }

  /** Rules at CRITICAL override the urgency model. */
  public Classifier(
      KeywordRules rules, Model model, double triageThreshold, double secondaryThreshold) {
    this(rules, model, triageThreshold, secondaryThreshold, "CRITICAL");
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

  public double triageThreshold() {
    return triageThreshold;
  }

  /** The same rules and thresholds with another model. */
  public Classifier withModel(Model newModel) {
    return new Classifier(
        rules, newModel, triageThreshold, secondaryThreshold, urgencyOverride, ruleSecondaryFloor);
  }

  /** Classifies one inquiry; empty, blank and very large texts are triaged or classified. */
  public Classification classify(String subject, String body, BigDecimal statedAmount) {
    return classifyAll(List.of(new Input(subject, body, statedAmount))).get(0);
  }

  /**
   * Classifies several inquiries, embedding their texts in one batch; the same decisions as {@link
   * #classify} one by one.
   */
  public List<Classification> classifyAll(List<Input> inputs) {
    List<KeywordRules.Outcome> outcomes = new ArrayList<>(inputs.size());
    List<String> texts = new ArrayList<>(inputs.size());
    List<String> urgencyTexts = new ArrayList<>(inputs.size());
    for (Input in : inputs) {
      KeywordRules.Outcome outcome = rules.evaluate(in.subject(), in.body(), in.statedAmount());
      outcomes.add(outcome);
      String text = InquiryText.of(in.subject(), in.body());
      texts.add(text);
      urgencyTexts.add(
          InquiryText.withContext(text, UrgencyContext.tokens(outcome, in.statedAmount())));
    }
    List<List<LabelScore>> typeScores = model == null ? null : model.classifier().predictAll(texts);
    List<List<LabelScore>> urgencyScores =
        model == null || model.urgency() == null ? null : model.urgency().predictAll(urgencyTexts);
    List<Classification> out = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      out.add(
          decide(
              texts.get(i),
              outcomes.get(i),
              typeScores == null ? null : typeScores.get(i),
              urgencyScores == null ? null : urgencyScores.get(i)));
    }
    return out;
  }

  private Classification decide(
      String text,
      KeywordRules.Outcome outcome,
      List<LabelScore> typeScores,
      List<LabelScore> urgencyScores) {
    String urgency = urgency(outcome, urgencyScores);
    if (text.isBlank()) {
      return triage(outcome, urgency, fallback(), "empty inquiry: subject and body are blank");
    }
    if (typeScores == null) {
      return byRulesAlone(outcome, urgency);
    }
    Map<String, Classification.TypeScore> types = new LinkedHashMap<>();
    List<LabelScore> allowed =
        typeScores.stream().filter(p -> !outcome.vetoed().contains(p.label())).toList();
    if (allowed.isEmpty()) {
      return triage(
          outcome, urgency, fallback(), "every type the model knows was vetoed by a rule");
    }
    Map<String, Double> byModel = new LinkedHashMap<>();
    allowed.forEach(p -> byModel.put(p.label(), p.probability()));
    for (String ruleType : outcome.types()) {
      double p = byModel.getOrDefault(ruleType, 0.0);
      types.put(
          ruleType,
          score(
              ruleType,
              1 - (1 - p) * (1 - RULE_EVIDENCE),
              byModel.containsKey(ruleType) ? "RULE_AND_MODEL" : "RULE"));
    }
    for (LabelScore p : allowed) {
      if (!types.containsKey(p.label())) {
        types.put(p.label(), score(p.label(), p.probability(), "MODEL"));
      }
    }
    List<Classification.TypeScore> sorted = new ArrayList<>(types.values());
    sorted.sort(
        Comparator.comparingDouble(Classification.TypeScore::confidence)
            .reversed()
            .thenComparing(Classification.TypeScore::type));
    Classification.TypeScore main = sorted.get(0);
    List<Classification.TypeScore> kept = new ArrayList<>();
    kept.add(main);
    for (Classification.TypeScore t : sorted.subList(1, sorted.size())) {
      double p = byModel.getOrDefault(t.type(), 0.0);
      boolean ruleProposed = outcome.types().contains(t.type());
      if (p >= secondaryThreshold || (ruleProposed && p >= ruleSecondaryFloor)) {
        kept.add(t);
      }
    }
    double routing = routingConfidence(kept, byModel);
    if (routing < triageThreshold) {
      return new Classification(
          kept,
          urgency,
          true,
          String.format(
              Locale.ROOT,
              "the types %s have a routing confidence of %.2f (best type %s at %.2f), below the"
                  + " triage threshold %.2f",
              kept.stream().map(Classification.TypeScore::type).toList(),
              routing,
              main.type(),
              main.confidence(),
              triageThreshold),
          "TRIAGE",
          outcome.firedRules(),
          outcome.references(),
          routing);
    }
    return new Classification(
        List.copyOf(kept),
        urgency,
        false,
        null,
        decidedBy(kept),
        outcome.firedRules(),
        outcome.references(),
        routing);
  }

  /**
   * How sure the classifier is that the inquiry reaches the right team when routed to these types:
   * the model's probability that its main type is among them (their summed probabilities), or the
   * main type's own confidence (with a rule's evidence) when that is higher. For a single type it
   * is that type's confidence; a multi-type inquiry whose probability is split between its types
   * (the model learns them as 2/3 main, 1/3 other) counts them together.
   */
  static double routingConfidence(
      List<Classification.TypeScore> kept, Map<String, Double> modelProbabilities) {
    double mass = 0;
    for (Classification.TypeScore t : kept) {
      mass += modelProbabilities.getOrDefault(t.type(), 0.0);
    }
    return Math.min(1.0, Math.max(kept.get(0).confidence(), mass));
  }

  private String urgency(KeywordRules.Outcome outcome, List<LabelScore> urgencyScores) {
    if (urgencyScores == null) {
      return outcome.urgency();
    }
    String learned = urgencyScores.get(0).label();
    if (Urgencies.rank(learned) < 0) {
      learned = "NORMAL";
    }
    return Urgencies.rank(outcome.urgency()) >= Urgencies.rank(urgencyOverride)
        ? Urgencies.max(learned, outcome.urgency())
        : learned;
  }

  private Classification byRulesAlone(KeywordRules.Outcome outcome, String urgency) {
    if (outcome.types().isEmpty()) {
      return triage(
          outcome,
          urgency,
          fallback(),
          "no rule recognised the inquiry type and no model is loaded");
    }
    List<Classification.TypeScore> types =
        outcome.types().stream().map(t -> score(t, RULE_CONFIDENCE, "RULE")).toList();
    return new Classification(
        types,
        urgency,
        false,
        null,
        "RULES",
        outcome.firedRules(),
        outcome.references(),
        RULE_CONFIDENCE);
  }

  private static String decidedBy(List<Classification.TypeScore> types) {
    boolean rule = types.stream().anyMatch(t -> !t.source().equals("MODEL"));
    boolean byModel = types.stream().anyMatch(t -> !t.source().equals("RULE"));
    return rule && byModel ? "RULES_AND_MODEL" : rule ? "RULES" : "MODEL";
  }

  private static Classification triage(
      KeywordRules.Outcome outcome, String urgency, Classification.TypeScore guess, String reason) {
    return new Classification(
        List.of(guess),
        urgency,
        true,
        reason,
        "TRIAGE",
        outcome.firedRules(),
        outcome.references(),
        guess.confidence());
  }

  private static Classification.TypeScore fallback() {
    return score("general", 0.0, "RULE");
  }

  private static Classification.TypeScore score(String type, double confidence, String source) {
    return new Classification.TypeScore(type, Math.min(1.0, Math.max(0.0, confidence)), source);
  }
}
