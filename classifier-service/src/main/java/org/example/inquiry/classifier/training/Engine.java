package org.example.inquiry.classifier.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.model.CachingEncoder;
import org.example.inquiry.classifier.model.OnnxSentenceEncoder;
import org.example.inquiry.classifier.model.RecentEncoder;
import org.example.inquiry.classifier.model.SentenceEncoder;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;

/**
 * The classifier's engine as the service and the offline commands run it: the sentence encoder
 * (all-MiniLM-L6-v2, unless embeddings are off), the training options, and where trained models and
 * embeddings of training texts are kept so that a restart loads a model instead of training one. A
 * model is looked up by its version (engine, corpus hash, history digest) first in the artifact
 * built at package time ({@code classpath:model/}), then in the cache directory; a model trained
 * here is saved to the cache directory.
 */
public final class Engine {

  /** Classpath folder of the artifact built at package time ({@link ModelArtifact}). */
  public static final String ARTIFACT_FOLDER = "model/";

  static final String MODEL_FILE = "default-model.bin.gz";
  static final String EMBEDDINGS_FILE = "corpus-embeddings.bin";
  private static final int MAGIC = 0x494e514d; // "INQM"

  private final SentenceEncoder serving;
  private final CachingEncoder training;
  private final Path cacheDir;
  private final TrainingOptions options;

  private Engine(
      SentenceEncoder serving, CachingEncoder training, Path cacheDir, TrainingOptions options) {
    this.serving = serving;
    this.training = training;
    this.cacheDir = cacheDir;
    this.options = options;
  }

  /**
   * The engine with the given encoder (null: TF-IDF only) and cache directory (null: none), its
   * training cache preloaded with the embeddings of the artifact and the cache directory.
   */
  public static Engine of(SentenceEncoder encoder, Path cacheDir) {
    if (encoder == null) {
      return new Engine(null, null, cacheDir, TrainingOptions.defaults());
    }
    CachingEncoder training = new CachingEncoder(encoder);
    try (InputStream in = resource(EMBEDDINGS_FILE)) {
      if (in != null) {
        training.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged embeddings", e);
    }
    if (cacheDir != null) {
      training.loadIfPresent(embeddingsFile(cacheDir, encoder));
    }
    return new Engine(
        new RecentEncoder(encoder, RecentEncoder.SERVICE_CAPACITY),
        training,
        cacheDir,
        TrainingOptions.defaults());
  }

  /** The service default: all-MiniLM-L6-v2 embeddings beside TF-IDF. */
  public static Engine withEmbeddings(Path cacheDir) {
    return of(new OnnxSentenceEncoder(), cacheDir);
  }

  /** The encoder the served models run on (remembering recent texts), null for TF-IDF only. */
  public RecentEncoder servingEncoder() {
    return serving instanceof RecentEncoder recent ? recent : null;
  }

  public TrainingOptions options() {
    return options;
  }

  /** The same engine training with other options (for the offline commands' comparisons). */
  public Engine withOptions(TrainingOptions other) {
    return new Engine(serving, training, cacheDir, other);
  }

  /** The encoder to train through (cached), null for TF-IDF only. */
  public SentenceEncoder trainingEncoder() {
    return training;
  }

  /** The engine version of the models this engine trains. */
  public String engineVersion() {
    return TextClassifier.engineVersion(training);
  }

  /** The model, running on the serving encoder (a bounded memo rather than the training cache). */
  public Classifier.Model serving(Classifier.Model trained) {
    if (serving == null) {
      return trained;
    }
    return new Classifier.Model(
        trained.classifier().withEncoder(serving),
        trained.urgency() == null ? null : trained.urgency().withEncoder(serving),
        trained.version());
  }

  /** The model of this version from the packaged artifact or the cache directory, if there. */
  public Optional<Classifier.Model> load(String version) {
    try (InputStream in = resource(MODEL_FILE)) {
      if (in != null) {
        Optional<Classifier.Model> packaged = read(in, version);
        if (packaged.isPresent()) {
          return packaged;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged model", e);
    }
    if (cacheDir == null) {
      return Optional.empty();
    }
    Path file = modelFile(cacheDir, version);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, version);
    } catch (IOException e) {
      return Optional.empty(); // a damaged cache entry is retrained, not fatal
    }
  }

  /** Saves a trained model, and the embeddings computed for it, to the cache directory. */
  public void save(Classifier.Model model) {
    if (cacheDir == null) {
      return;
    }
    write(model, modelFile(cacheDir, model.version()));
    if (training != null) {
      training.saveIfChanged(embeddingsFile(cacheDir, training));
    }
  }

  /**
   * The default model of the corpus: loaded when packaged or cached under its version, else trained
   * (and saved). {@code log} hears which.
   */
  public Classifier.Model defaultModel(FinanceCorpus corpus, Consumer<String> log) {
    String version = CorpusTraining.version(corpus, options, training);
    long start = System.nanoTime();
    Optional<Classifier.Model> loaded = load(version);
    if (loaded.isPresent()) {
      log.accept(
          String.format(
              "Loaded model %s in %d ms", version, (System.nanoTime() - start) / 1_000_000));
      return serving(loaded.get());
    }
    CorpusTraining.TrainedModel trained = CorpusTraining.train(corpus, options, training);
    save(trained.model());
    log.accept(
        String.format(
            "Trained model %s on %d examples (%s) in %d ms; test split: %s",
            version,
            trained.trainSize(),
            corpus.describe(),
            (System.nanoTime() - start) / 1_000_000,
            trained.test() == null ? "none" : trained.test().summary()));
    return serving(trained.model());
  }

  /** Writes a model to a file (atomically, gzip). */
  public static void write(Classifier.Model model, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "model", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(model, out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model " + file, e);
    }
  }

  static void write(Classifier.Model model, OutputStream stream) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(stream, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
    out.writeInt(MAGIC);
    out.writeUTF(model.version());
    model.classifier().writeTo(out);
    out.writeBoolean(model.urgency() != null);
    if (model.urgency() != null) {
      model.urgency().writeTo(out);
    }
    out.flush();
    gzip.finish();
  }

  private Optional<Classifier.Model> read(InputStream stream, String version) throws IOException {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(stream, 1 << 16), 1 << 16));
    if (in.readInt() != MAGIC || !in.readUTF().equals(version)) {
      return Optional.empty();
    }
    TextClassifier types = TextClassifier.readFrom(in, serving);
    TextClassifier urgency = in.readBoolean() ? TextClassifier.readFrom(in, serving) : null;
    return Optional.of(new Classifier.Model(types, urgency, version));
  }

  /** The version of the model in a file, null when there is none or it is not a model file. */
  static String versionOf(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 12))) {
      return in.readInt() == MAGIC ? in.readUTF() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes the training cache's embeddings (for the packaged artifact). */
  void writeEmbeddings(Path file) {
    if (training != null) {
      training.saveIfChanged(file);
    }
  }

  static Path modelFile(Path dir, String version) {
    return dir.resolve("model-" + version.replaceAll("[^A-Za-z0-9.+-]", "_") + ".bin.gz");
  }

  static Path embeddingsFile(Path dir, SentenceEncoder encoder) {
    return dir.resolve("embeddings-" + encoder.version() + ".bin");
  }

  private static InputStream resource(String name) {
    return Engine.class.getClassLoader().getResourceAsStream(ARTIFACT_FOLDER + name);
  }
}
