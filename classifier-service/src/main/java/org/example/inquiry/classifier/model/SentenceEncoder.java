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

  /**
   * One embedding per text, in order, each computed as if alone (in parallel where able): a text's
   * embedding never depends on the other texts. Training and caches use this.
   */
  float[][] encode(List<String> texts);

  /**
   * One embedding per text, in order, computed the cheapest way for a batch (batched inference
   * where the encoder has it); may differ from {@link #encode} by the encoder's numeric noise.
   */
  default float[][] encodeBatch(List<String> texts) {
    return encode(texts);
  }
}
