package org.example.inquiry.classifier.model;

import java.util.List;

/**
 * Turns texts into dense, L2-normalised sentence embeddings; the second feature family of the
 * engine beside TF-IDF. Implementations are thread-safe.
 */
public interface SentenceEncoder {

  /** Names the encoder and its input handling; part of every model version that uses it. */
  String version();

  /** Length of every embedding. */
  int dimension();

  /** One embedding per text, in order; a batch is encoded in one call (in parallel where able). */
  float[][] encode(List<String> texts);
}
