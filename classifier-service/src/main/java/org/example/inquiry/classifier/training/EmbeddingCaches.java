package org.example.inquiry.classifier.training;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.example.inquiry.classifier.model.SentenceEncoder;

/** Where the offline commands and the service keep embeddings of training texts between runs. */
public final class EmbeddingCaches {

  /** How the default directory is described in help texts. */
  public static final String DEFAULT_DIR_DESCRIPTION =
      "$INQUIRY_CLASSIFIER_CACHE or ~/.cache/inquiry-classifier";

  private EmbeddingCaches() {}

  /** {@code $INQUIRY_CLASSIFIER_CACHE}, else {@code ~/.cache/inquiry-classifier}. */
  public static Path defaultDir() {
    String env = System.getenv("INQUIRY_CLASSIFIER_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "inquiry-classifier");
  }

  /** One cache file per encoder version and data set (named after its path). */
  public static Path fileFor(Path dir, SentenceEncoder encoder, Path dataset) {
    String name =
        CorpusTraining.sha256(
                dataset.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
            .substring(0, 12);
    return dir.resolve("embeddings-" + encoder.version() + "-" + name + ".bin");
  }
}
