package org.example.inquiry.classifier.learning;

import java.util.Optional;

/**
 * The training corpus file as loaded at start-up, or none.
 *
 * @param csv the corpus CSV bytes, null when there is no corpus
 * @param location where it was loaded from, for messages
 */
public record TrainingCorpus(byte[] csv, String location) {

  public Optional<byte[]> bytes() {
    return Optional.ofNullable(csv);
  }
}
