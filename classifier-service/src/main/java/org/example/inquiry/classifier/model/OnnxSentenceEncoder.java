package org.example.inquiry.classifier.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sentence embeddings from a quantised ONNX model and tokenizer shipped inside a langchain4j Maven
 * artifact ({@link Model}: bge-small-en-v1.5, the service default, with the [CLS] vector; or
 * all-MiniLM-L6-v2 with mean pooling over the word pieces), 384 dimensions, unit length, run
 * in-process by ONNX Runtime through our own session (DJL's HuggingFace tokenizer). Reads the first
 * {@value #MAX_CHARS} characters of a text (the question is at the top of an inquiry; quoted
 * history below costs time and adds little).
 *
 * <p>Two ways to embed, both thread-safe:
 *
 * <ul>
 *   <li>{@link #encode}: every text on its own (one ONNX thread each, texts of a list spread over
 *       the worker threads). A text's embedding never depends on the other texts, so this is what
 *       training and the embedding caches use.
 *   <li>{@link #encodeBatch}: texts of about one length padded into one ONNX run, the runs spread
 *       over the worker threads (batched inference: several times cheaper per text for short texts
 *       of one length, about 15% for 140 characters; texts of unlike lengths go to separate runs,
 *       see {@link #runs}). The quantised model scales its activations per run, so a text's
 *       embedding in a batch differs slightly from its own (cosine above 0.98); the classifier's
 *       batch method uses it.
 * </ul>
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {

  /** How a model's word-piece vectors become one sentence vector. */
  enum Pooling {
    /** The mean over the text's word pieces. */
    MEAN,
    /** The first ([CLS]) word piece's vector. */
    CLS
  }

  /** The models this encoder runs: each file ships in its own langchain4j artifact. */
  public enum Model {
    /** bge-small-en-v1.5 (BAAI), quantised: 12 layers, [CLS] pooling; the service default. */
    BGE_SMALL_EN_V15_Q(
        "bge-small-en-v15-q.1000",
        "bge-small-en-v1.5-q",
        Pooling.CLS,
        BgeSmallEnV15QuantizedEmbeddingModel.class),
    /** all-MiniLM-L6-v2, quantised: 6 layers, mean pooling; about half bge-small's cost. */
    MINILM_L6_V2_Q(
        "minilm-l6-v2-q.1000",
        "all-minilm-l6-v2-q",
        Pooling.MEAN,
        AllMiniLmL6V2QuantizedEmbeddingModel.class);

    private final String version;
    private final String file;
    private final Pooling pooling;
    private final Class<?> anchor;

    Model(String version, String file, Pooling pooling, Class<?> anchor) {
      this.version = version;
      this.file = file;
      this.pooling = pooling;
      this.anchor = anchor;
    }

    /** The model's name in engine versions and cache files. */
    public String version() {
      return version;
    }

    /** The model by its command-line name ({@code bge} or {@code minilm}). */
    public static Model named(String name) {
      return switch (name) {
        case "bge" -> BGE_SMALL_EN_V15_Q;
        case "minilm" -> MINILM_L6_V2_Q;
        default ->
            throw new IllegalArgumentException(
                "unknown sentence encoder " + name + ": use bge or minilm");
      };
    }
  }

  /** The default model: bge-small-en-v1.5 (BANKING77 and finance figures in docs/BENCHMARKS.md). */
  public static final Model DEFAULT_MODEL = Model.BGE_SMALL_EN_V15_Q;

  /** Characters of a text the encoder reads (about 250 word pieces). */
  public static final int MAX_CHARS = 1_000;

  /** Word pieces per text at most, [CLS] and [SEP] included (BERT's limit). */
  static final int MAX_TOKENS = 512;

  /** Padded word pieces in one batched ONNX run at most (bounds memory and padding waste). */
  static final int MAX_BATCH_TOKENS = 4_096;

  /**
   * Padding a batched run may add, as a share of its texts' own word pieces. A run costs what its
   * padded tensor costs, so texts of unlike lengths in one run cost more than each alone: finance
   * inquiries (about 370 characters, from one line to a page) split into one run per worker cost
   * 2-2.5x as much per text as one at a time, while texts of one length batch 15% cheaper than
   * alone at 140 characters and several times cheaper when short.
   */
  static final double MAX_PADDING = 0.1;

  /**
   * Padding a run may always add, in word pieces, whatever its share: short texts of a few lengths
   * (5, 6 and 7 word pieces) still batch, where a run's fixed cost outweighs its padding.
   */
  static final int PADDING_ALLOWANCE = 32;

  private static final int DIMENSION = 384;

  private final Model model;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final ExecutorService workers;
  private final int threads;

  /**
   * Loads the model (about a second); {@code threads} worker threads share a list of texts, each
   * running ONNX on one thread (one inquiry does not fight the others for the cores).
   */
  public OnnxSentenceEncoder(Model model, int threads) {
    this.model = model;
    this.threads = Math.max(1, threads);
    this.workers =
        Executors.newFixedThreadPool(
            this.threads,
            r -> {
              Thread t = new Thread(r, "sentence-encoder");
              t.setDaemon(true);
              return t;
            });
    try (InputStream onnx = resource(model, model.file + ".onnx");
        InputStream vocabulary = resource(model, model.file + "-tokenizer.json")) {
      environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      session = environment.createSession(onnx.readAllBytes(), options);
      tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + model.file, e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load " + model.file, e);
    }
  }

  /** Loads the model with one worker thread per available core. */
  public OnnxSentenceEncoder(Model model) {
    this(model, Runtime.getRuntime().availableProcessors());
  }

  /** Loads the default model with one worker thread per available core. */
  public OnnxSentenceEncoder() {
    this(DEFAULT_MODEL);
  }

  private static InputStream resource(Model model, String name) throws IOException {
    InputStream in = model.anchor.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IOException(name + " is not on the classpath");
    }
    return in;
  }

  @Override
  public String version() {
    return model.version;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[][] encode(List<String> texts) {
    long[][] ids = tokenize(texts);
    if (ids.length == 1 || threads == 1) {
      float[][] out = new float[ids.length][];
      for (int i = 0; i < ids.length; i++) {
        out[i] = run(new long[][] {ids[i]})[0];
      }
      return out;
    }
    List<List<Integer>> single = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      single.add(List.of(i));
    }
    return runAll(ids, single);
  }

  @Override
  public float[][] encodeBatch(List<String> texts) {
    long[][] ids = tokenize(texts);
    if (ids.length == 1) {
      return new float[][] {run(ids)[0]};
    }
    int[] lengths = new int[ids.length];
    Arrays.setAll(lengths, i -> ids[i].length);
    return runAll(ids, runs(lengths, threads));
  }

  /**
   * How {@link #encodeBatch} cuts texts of these lengths (word pieces) into ONNX runs: sorted by
   * length, so each run pads to a length close to its texts' own; a new run starts when the padding
   * would exceed both {@value #MAX_PADDING} of the run's own word pieces and {@value
   * #PADDING_ALLOWANCE} word pieces, when the padded run would exceed {@value #MAX_BATCH_TOKENS}
   * word pieces, or when the run holds its share of the texts among {@code threads} workers.
   * Returns the texts' positions, run by run.
   */
  static List<List<Integer>> runs(int[] lengths, int threads) {
    Integer[] order = new Integer[lengths.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
    int perRun = Math.max(1, (lengths.length + threads - 1) / threads);
    List<List<Integer>> runs = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long tokens = 0;
    for (int i : order) {
      int length = lengths[i]; // the longest so far: the run pads to it
      long padded = (long) (current.size() + 1) * length;
      boolean full =
          current.size() >= perRun
              || padded > MAX_BATCH_TOKENS
              || padded
                  > Math.max(
                      (tokens + length) * (1 + MAX_PADDING), tokens + length + PADDING_ALLOWANCE);
      if (!current.isEmpty() && full) {
        runs.add(current);
        current = new ArrayList<>();
        tokens = 0;
      }
      current.add(i);
      tokens += length;
    }
    runs.add(current);
    return runs;
  }

  private float[][] runAll(long[][] ids, List<List<Integer>> runs) {
    float[][] out = new float[ids.length][];
    List<Future<?>> pending = new ArrayList<>(runs.size());
    for (List<Integer> members : runs) {
      pending.add(
          workers.submit(
              () -> {
                long[][] batch = new long[members.size()][];
                for (int j = 0; j < batch.length; j++) {
                  batch[j] = ids[members.get(j)];
                }
                float[][] embedded = run(batch);
                for (int j = 0; j < batch.length; j++) {
                  out[members.get(j)] = embedded[j];
                }
              }));
    }
    try {
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("embedding failed", e.getCause());
    }
    return out;
  }

  private long[][] tokenize(List<String> texts) {
    long[][] ids = new long[texts.size()][];
    for (int i = 0; i < ids.length; i++) {
      Encoding encoding = tokenizer.encode(input(texts.get(i)), true, false);
      long[] all = encoding.getIds();
      if (all.length > MAX_TOKENS) {
        long sep = all[all.length - 1];
        all = Arrays.copyOf(all, MAX_TOKENS);
        all[MAX_TOKENS - 1] = sep;
      }
      ids[i] = all;
    }
    return ids;
  }

  /** One ONNX run over texts padded to the longest, pooled per text as the model wants. */
  private float[][] run(long[][] batch) {
    int rows = batch.length;
    int length = 0;
    for (long[] b : batch) {
      length = Math.max(length, b.length);
    }
    long[] inputIds = new long[rows * length];
    long[] mask = new long[rows * length];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(batch[r], 0, inputIds, r * length, batch[r].length);
      Arrays.fill(mask, r * length, r * length + batch[r].length, 1L);
    }
    long[] shape = {rows, length};
    try (OnnxTensor idsTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typesTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]), shape);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids", idsTensor,
                    "attention_mask", maskTensor,
                    "token_type_ids", typesTensor))) {
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[][] out = new float[rows][DIMENSION];
      for (int r = 0; r < rows; r++) {
        float[] v = out[r];
        int tokens = model.pooling == Pooling.CLS ? 1 : batch[r].length;
        for (int t = 0; t < tokens; t++) {
          int base = (r * length + t) * DIMENSION;
          for (int d = 0; d < DIMENSION; d++) {
            v[d] += hidden.get(base + d);
          }
        }
        normaliseInPlace(v);
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException(model.file + " failed", e);
    }
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

  private static void normaliseInPlace(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      return;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
  }

  static float[] normalised(float[] v) {
    float[] out = v.clone();
    normaliseInPlace(out);
    return out;
  }
}
