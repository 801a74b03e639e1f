package org.example.inquiry.classifier.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.example.inquiry.classifier.model.CachingEncoder;

/**
 * Builds the packaged model at build time ({@code process-classes}): trains the default model from
 * the corpus on the classpath exactly as the service would, and writes it with the embeddings of
 * the corpus texts to {@code <classes>/model/}, so the service and the {@code classify} command
 * load it in about a second instead of training at start. Arguments: the classes directory and a
 * cache directory for embeddings between builds.
 */
public final class ModelArtifact {

  private ModelArtifact() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ModelArtifact <classes-dir> <embedding-cache-dir>");
      System.exit(2);
    }
    Path classes = Path.of(args[0]);
    Path cache = Path.of(args[1]);
    FinanceCorpus corpus = CorpusFiles.loadDefault();
    if (corpus == null) {
      System.out.println("No corpus on the classpath: no model artifact");
      return;
    }
    long start = System.nanoTime();
    Engine engine = Engine.withEmbeddings(cache);
    String version = CorpusTraining.version(corpus, engine.options(), engine.trainingEncoder());
    Path folder = classes.resolve(Engine.ARTIFACT_FOLDER);
    if (version.equals(Engine.versionOf(folder.resolve(Engine.MODEL_FILE)))
        && Files.isRegularFile(folder.resolve(Engine.EMBEDDINGS_FILE))) {
      System.out.println("Model artifact " + version + " is up to date");
      return;
    }
    CorpusTraining.TrainedModel trained =
        CorpusTraining.train(corpus, engine.options(), engine.trainingEncoder());
    Engine.write(trained.model(), folder.resolve(Engine.MODEL_FILE));
    // Only the corpus's embeddings go into the artifact, for retraining in the learning loop.
    CachingEncoder corpusOnly = new CachingEncoder(engine.trainingEncoder());
    List<String> texts = new ArrayList<>();
    corpus.rows().forEach(r -> texts.add(r.example().text()));
    corpusOnly.encode(texts);
    corpusOnly.saveIfChanged(folder.resolve(Engine.EMBEDDINGS_FILE));
    engine.save(trained.model()); // keeps the embeddings for the next build
    System.out.printf(
        "Model artifact %s (%s, %d type examples, %d embeddings) in %d ms; test split: %s%n",
        trained.version(),
        corpus.describe(),
        trained.trainSize(),
        corpusOnly.size(),
        (System.nanoTime() - start) / 1_000_000,
        trained.test() == null ? "none" : trained.test().summary());
  }
}
