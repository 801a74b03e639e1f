package org.example.inquiry.classifier.classification;

import java.util.List;

/**
 * What the classifier decided about one inquiry.
 *
 * @param types inquiry types with confidences, highest first; never empty
 * @param urgency LOW, NORMAL, HIGH or CRITICAL
 * @param triage true when no type is confident enough and a person must classify
 * @param triageReason why, when triage
 * @param decidedBy RULES, MODEL, RULES_AND_MODEL or TRIAGE
 * @param firedRules ids of the rules that fired
 * @param references invoice numbers, amounts and dates found in the text, for explanation
 * @param routingConfidence how sure the classifier is that routing to {@code types} reaches the
 *     team of the inquiry's main type (the types' probabilities counted together); below the triage
 *     threshold the inquiry goes to triage
 */
public record Classification(
    List<TypeScore> types,
    String urgency,
    boolean triage,
    String triageReason,
    String decidedBy,
    List<String> firedRules,
    List<ExtractedReference> references,
    double routingConfidence) {

  /** One type with its confidence in [0,1] and the layer that proposed it. */
  public record TypeScore(String type, double confidence, String source) {}
}
