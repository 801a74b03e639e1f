package org.example.inquiry.classifier.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the embeddings of texts it has encoded (keyed by a SHA-256 of the text), so training
 * texts are embedded once: retraining, cross-validation and restarts reuse them. The cache can be
 * saved to and loaded from a file; entries of another encoder version are never mixed in (the file
 * records the version).
 */
public final class CachingEncoder extends DelegatingEncoder {

  private static final int MAGIC = 0x454d4231; // "EMB1"

  private final Map<String, float[]> cache = new ConcurrentHashMap<>();
  private volatile boolean changed;

  public CachingEncoder(SentenceEncoder delegate) {
    super(delegate);
  }

  @Override
  public float[][] encode(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    List<String> missingTexts = new ArrayList<>();
    List<String> keys = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String key = key(texts.get(i));
      keys.add(key);
      out[i] = cache.get(key);
      if (out[i] == null) {
        missing.add(i);
        missingTexts.add(texts.get(i));
      }
    }
    if (!missing.isEmpty()) {
      float[][] fresh = delegate.encode(missingTexts);
      for (int j = 0; j < fresh.length; j++) {
        int i = missing.get(j);
        out[i] = fresh[j];
        cache.put(keys.get(i), fresh[j]);
      }
      changed = true;
    }
    return out;
  }

  /** Embeddings held. */
  public int size() {
    return cache.size();
  }

  /** Loads the entries of a cache file of this encoder's version; a missing file is fine. */
  public CachingEncoder loadIfPresent(Path file) {
    if (!Files.isRegularFile(file)) {
      return this;
    }
    try (InputStream in = Files.newInputStream(file)) {
      load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read embedding cache " + file, e);
    }
    return this;
  }

  /** Loads the entries of a cache stream when it is of this encoder's version. */
  public CachingEncoder load(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
    if (in.readInt() != MAGIC || !in.readUTF().equals(version())) {
      return this;
    }
    int dimension = in.readInt();
    if (dimension != dimension()) {
      return this;
    }
    while (true) {
      String key;
      try {
        key = in.readUTF();
      } catch (EOFException end) {
        break;
      }
      float[] v = new float[dimension];
      for (int i = 0; i < dimension; i++) {
        v[i] = in.readFloat();
      }
      cache.putIfAbsent(key, v);
    }
    return this;
  }

  /** Writes every entry to the file (atomically) when anything was added since the last save. */
  public void saveIfChanged(Path file) {
    if (!changed && Files.isRegularFile(file)) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "embeddings", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        save(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      changed = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write embedding cache " + file, e);
    }
  }

  /** Writes every entry to the stream. */
  public void save(OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
    out.writeInt(MAGIC);
    out.writeUTF(version());
    out.writeInt(dimension());
    for (var e : cache.entrySet()) {
      out.writeUTF(e.getKey());
      for (float x : e.getValue()) {
        out.writeFloat(x);
      }
    }
    out.flush();
  }

  private static String key(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(OnnxSentenceEncoder.input(text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
