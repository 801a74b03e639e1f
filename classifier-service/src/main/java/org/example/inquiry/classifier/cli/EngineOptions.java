package org.example.inquiry.classifier.cli;

import java.nio.file.Path;
import org.example.inquiry.classifier.model.CachingEncoder;
import org.example.inquiry.classifier.model.OnnxSentenceEncoder;
import org.example.inquiry.classifier.model.SentenceEncoder;
import org.example.inquiry.classifier.training.EmbeddingCaches;
import picocli.CommandLine.Option;

/** Which engine an offline command trains ({@code --engine}) and where embeddings are cached. */
final class EngineOptions {

  @Option(
      names = "--engine",
      defaultValue = "tfidf+bge",
      description =
          "tfidf+bge (the service default: TF-IDF and bge-small-en-v1.5 embeddings), tfidf+minilm"
              + " (all-MiniLM-L6-v2 instead) or tfidf")
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

  /** The encoder's name ({@code bge}, {@code minilm}), null for TF-IDF only. */
  String encoderName() {
    if (engine.equals("tfidf")) {
      return null;
    }
    if (engine.equals("tfidf+bge") || engine.equals("tfidf+minilm")) {
      return engine.substring("tfidf+".length());
    }
    throw new IllegalArgumentException(
        "unknown engine " + engine + ": use tfidf+bge, tfidf+minilm or tfidf");
  }

  /** The encoder's model, null for TF-IDF only. */
  OnnxSentenceEncoder.Model encoderModel() {
    String name = encoderName();
    return name == null ? null : OnnxSentenceEncoder.Model.named(name);
  }

  Encoders open(Path dataset) {
    OnnxSentenceEncoder.Model model = encoderModel();
    if (model == null) {
      return new Encoders(null, null, null);
    }
    SentenceEncoder encoder = new OnnxSentenceEncoder(model);
    Path dir = cacheDir == null ? EmbeddingCaches.defaultDir() : cacheDir;
    Path file = EmbeddingCaches.fileFor(dir, encoder, dataset);
    return new Encoders(encoder, new CachingEncoder(encoder).loadIfPresent(file), file);
  }
}
