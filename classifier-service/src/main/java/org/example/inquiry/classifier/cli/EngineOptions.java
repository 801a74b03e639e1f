package org.example.inquiry.classifier.cli;

import java.nio.file.Path;
import org.example.inquiry.classifier.model.CachingEncoder;
import org.example.inquiry.classifier.model.MiniLmEncoder;
import org.example.inquiry.classifier.model.SentenceEncoder;
import org.example.inquiry.classifier.training.EmbeddingCaches;
import picocli.CommandLine.Option;

/** Which engine an offline command trains ({@code --engine}) and where embeddings are cached. */
final class EngineOptions {

  @Option(
      names = "--engine",
      defaultValue = "tfidf+minilm",
      description =
          "tfidf+minilm (the service default: TF-IDF and all-MiniLM-L6-v2 embeddings) or tfidf")
  String engine;

  @Option(
      names = "--cache-dir",
      description =
          "Where embeddings of training texts are cached (default: "
              + EmbeddingCaches.DEFAULT_DIR_DESCRIPTION
              + ")")
  Path cacheDir;

  /**
   * The encoders: {@code encoder} embeds (timed predictions), {@code training} is the cache in
   * front of it; both null for TF-IDF only. Closing saves the cache.
   */
  record Encoders(SentenceEncoder encoder, CachingEncoder training, Path cacheFile)
      implements AutoCloseable {
    @Override
    public void close() {
      if (training != null) {
        training.saveIfChanged(cacheFile);
      }
    }
  }

  Encoders open(Path dataset) {
    switch (engine) {
      case "tfidf":
        return new Encoders(null, null, null);
      case "tfidf+minilm":
        SentenceEncoder encoder = new MiniLmEncoder();
        Path dir = cacheDir == null ? EmbeddingCaches.defaultDir() : cacheDir;
        Path file = EmbeddingCaches.fileFor(dir, encoder, dataset);
        return new Encoders(encoder, new CachingEncoder(encoder).loadIfPresent(file), file);
      default:
        throw new IllegalArgumentException(
            "unknown engine " + engine + ": use tfidf+minilm or tfidf");
    }
  }
}
