package org.example.inquiry.classifier.training;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.example.inquiry.classifier.model.InquiryText;
import org.example.inquiry.classifier.model.SentenceEncoder;

/**
 * A deterministic stand-in for the sentence encoder in fast unit tests of the training plumbing:
 * hashes the text's words into 16 dimensions (a bag of hashed words), unit length. Tests of the
 * real encoder use {@code OnnxSentenceEncoder}.
 */
public final class FakeEncoder implements SentenceEncoder {

  public int calls;
  public int texts;

  @Override
  public String version() {
    return "fake-encoder";
  }

  @Override
  public int dimension() {
    return 16;
  }

  @Override
  public synchronized float[][] encode(List<String> batch) {
    calls++;
    texts += batch.size();
    float[][] out = new float[batch.size()][16];
    for (int i = 0; i < batch.size(); i++) {
      for (String word : InquiryText.withoutContext(batch.get(i)).toLowerCase().split("\\W+")) {
        if (!word.isEmpty()) {
          int h = Arrays.hashCode(word.getBytes(StandardCharsets.UTF_8));
          out[i][Math.floorMod(h, 16)] += 1;
        }
      }
      double norm = 0;
      for (float v : out[i]) {
        norm += v * v;
      }
      for (int d = 0; d < 16; d++) {
        out[i][d] = norm == 0 ? 0 : (float) (out[i][d] / Math.sqrt(norm));
      }
    }
    return out;
  }
}
