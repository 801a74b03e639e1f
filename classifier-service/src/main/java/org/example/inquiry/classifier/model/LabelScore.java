package org.example.inquiry.classifier.model;

/**
 * A label with the model's probability for it.
 *
 * @param label the label (an inquiry type code or an intent)
 * @param probability probability in [0,1]; the probabilities of one prediction sum to 1
 */
public record LabelScore(String label, double probability) {}
