package org.example.inquiry.classifier.learning;

import java.util.Optional;
import org.example.inquiry.classifier.training.FinanceCorpus;

/**
 * The training corpus as loaded at start-up, or none.
 *
 * @param finance the corpus, null when there is none
 * @param location where it was loaded from, for messages
 */
public record TrainingCorpus(FinanceCorpus finance, String location) {

  public Optional<FinanceCorpus> corpus() {
    return Optional.ofNullable(finance);
  }
}
