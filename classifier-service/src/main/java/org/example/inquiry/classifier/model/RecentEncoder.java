package org.example.inquiry.classifier.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers the embeddings of the last few thousand texts, so the type model and the urgency model
 * of one inquiry (and a redelivered inquiry) embed its text once. The capacity must hold what the
 * listeners embed at once (each poll's unsure texts, on every listener thread), or the urgency
 * model embeds again what the type model embedded a moment before. Bounded; thread-safe; counts the
 * texts it embedded and those it answered from memory (the service's {@code classifier.embeddings}
 * meter).
 */
public final class RecentEncoder extends DelegatingEncoder {

  /** The capacity the service runs with: two listener threads' polls of 500, twice over. */
  public static final int SERVICE_CAPACITY = 2_048;

  private final Map<String, float[]> recent;
  private final LongAdder computed = new LongAdder();
  private final LongAdder remembered = new LongAdder();

  public RecentEncoder(SentenceEncoder delegate, int capacity) {
    super(delegate);
    this.recent =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public float[][] encode(List<String> texts) {
    return encode(texts, false);
  }

  @Override
  public float[][] encodeBatch(List<String> texts) {
    return encode(texts, true);
  }

  private float[][] encode(List<String> texts, boolean batched) {
    float[][] out = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    List<String> inputs = new ArrayList<>(texts.size());
    synchronized (recent) {
      for (int i = 0; i < texts.size(); i++) {
        String input = OnnxSentenceEncoder.input(texts.get(i));
        inputs.add(input);
        out[i] = recent.get(input);
        if (out[i] == null) {
          missing.add(i);
        }
      }
    }
    if (!missing.isEmpty()) {
      List<String> todo = missing.stream().map(texts::get).toList();
      float[][] fresh = batched ? delegate.encodeBatch(todo) : delegate.encode(todo);
      computed.add(missing.size());
      synchronized (recent) {
        for (int j = 0; j < fresh.length; j++) {
          out[missing.get(j)] = fresh[j];
          recent.put(inputs.get(missing.get(j)), fresh[j]);
        }
      }
    }
    remembered.add(texts.size() - missing.size());
    return out;
  }

  /** Texts embedded so far. */
  public long computed() {
    return computed.sum();
  }

  /** Texts answered from memory so far. */
  public long remembered() {
    return remembered.sum();
  }
}
