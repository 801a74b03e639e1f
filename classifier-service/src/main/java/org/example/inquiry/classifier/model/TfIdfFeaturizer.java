package org.example.inquiry.classifier.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns text into TF-IDF vectors of word n-grams and character n-grams (3-5, within word
 * boundaries). Each feature family is L2-normalised on its own and the two are weighted equally,
 * like a union of two scikit-learn vectorisers with sublinear tf.
 */
final class TfIdfFeaturizer {

  private static final int CHAR_MIN = 3;
  private static final int CHAR_MAX = 5;

  /** {@code 1 + ln(count)}, the sublinear term frequency, for the usual counts. */
  private static final double[] SUBLINEAR_TF = new double[64];

  static {
    for (int count = 1; count < SUBLINEAR_TF.length; count++) {
      SUBLINEAR_TF[count] = 1 + Math.log(count);
    }
  }

  /** Bits of a feature index one pass of {@link #sortFound} orders by. */
  private static final int RADIX_BITS = 9;

  /**
   * Per-thread scratch space for the feature indices of one text: the indices as found, a second
   * buffer for sorting them and the sort's bucket counts (grown as needed).
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    int[] found = new int[1024];
    int[] other = new int[1024];
    final int[] buckets = new int[1 << RADIX_BITS];

    void add(int size, int index) {
      if (size == found.length) {
        found = Arrays.copyOf(found, size * 2);
        other = new int[size * 2];
      }
      found[size] = index;
    }
  }

  private final TrainingOptions options;
  private final NgramVocabulary wordVocabulary;
  private final NgramVocabulary charVocabulary;
  private final float[] idf;

  private TfIdfFeaturizer(
      TrainingOptions options,
      NgramVocabulary wordVocabulary,
      NgramVocabulary charVocabulary,
      float[] idf) {
    this.options = options;
    this.wordVocabulary = wordVocabulary;
    this.charVocabulary = charVocabulary;
    this.idf = idf;
  }

  /** Learns the vocabulary and inverse document frequencies from the training texts. */
  static TfIdfFeaturizer fit(List<String> texts, TrainingOptions options) {
    Map<String, Integer> wordDf = new HashMap<>();
    Map<String, Integer> charDf = new HashMap<>();
    for (String text : texts) {
      String[] tokens = tokens(text, options.maxChars());
      if (options.wordNgrams()) {
        Set<String> seen = new HashSet<>();
        wordNgrams(tokens, options.maxWordN(), seen::add);
        seen.forEach(f -> wordDf.merge(f, 1, Integer::sum));
      }
      if (options.charNgrams()) {
        Set<String> seen = new HashSet<>();
        charNgrams(tokens, seen::add);
        seen.forEach(f -> charDf.merge(f, 1, Integer::sum));
      }
    }
    // Sorted vocabularies make feature indices, and so training, independent of hash-map order.
    String[] words = sorted(wordDf);
    String[] chars = sorted(charDf);
    float[] idf = new float[words.length + chars.length];
    double n = texts.size();
    for (int i = 0; i < words.length; i++) {
      idf[i] = (float) (Math.log((1 + n) / (1 + wordDf.get(words[i]))) + 1);
    }
    for (int i = 0; i < chars.length; i++) {
      idf[words.length + i] = (float) (Math.log((1 + n) / (1 + charDf.get(chars[i]))) + 1);
    }
    return new TfIdfFeaturizer(options, vocabulary(words, 0), vocabulary(chars, words.length), idf);
  }

  private static String[] sorted(Map<String, Integer> df) {
    String[] keys = df.keySet().toArray(String[]::new);
    Arrays.sort(keys);
    return keys;
  }

  private static NgramVocabulary vocabulary(String[] keys, int offset) {
    int[] indices = new int[keys.length];
    Arrays.setAll(indices, i -> offset + i);
    return NgramVocabulary.of(keys, indices);
  }

  void writeTo(DataOutputStream out) throws IOException {
    writeVocabulary(out, wordVocabulary);
    writeVocabulary(out, charVocabulary);
    out.writeInt(idf.length);
    for (float f : idf) {
      out.writeFloat(f);
    }
  }

  static TfIdfFeaturizer readFrom(DataInputStream in, TrainingOptions options) throws IOException {
    NgramVocabulary words = readVocabulary(in);
    NgramVocabulary chars = readVocabulary(in);
    float[] idf = new float[in.readInt()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = in.readFloat();
    }
    return new TfIdfFeaturizer(options, words, chars, idf);
  }

  private static void writeVocabulary(DataOutputStream out, NgramVocabulary vocabulary)
      throws IOException {
    out.writeInt(vocabulary.size());
    for (int e = 0; e < vocabulary.size(); e++) {
      out.writeUTF(vocabulary.key(e));
      out.writeInt(vocabulary.index(e));
    }
  }

  private static NgramVocabulary readVocabulary(DataInputStream in) throws IOException {
    int size = in.readInt();
    String[] keys = new String[size];
    int[] indices = new int[size];
    for (int i = 0; i < size; i++) {
      keys[i] = in.readUTF();
      indices[i] = in.readInt();
    }
    return NgramVocabulary.of(keys, indices);
  }

  int dimension() {
    return idf.length;
  }

  /** The feature index of a word n-gram ({@code word}) or a character n-gram, or -1. */
  int featureOf(String ngram, boolean word) {
    char[] chars = ngram.toCharArray();
    return (word ? wordVocabulary : charVocabulary).indexOf(chars, 0, chars.length);
  }

  /** The inverse document frequency of a feature. */
  float idf(int feature) {
    return idf[feature];
  }

  /**
   * The TF-IDF vector of a text; unknown n-grams are ignored, empty text gives an empty vector.
   * Every n-gram is looked up as a slice of one normalised character buffer: no string or boxed
   * count per n-gram.
   */
  SparseVector transform(String text) {
    Normalised normal = Normalised.of(text, options.maxChars());
    Scratch scratch = SCRATCH.get();
    int found = 0;
    char[] buf = normal.chars;
    int tokens = normal.tokens;
    if (options.wordNgrams()) {
      for (int i = 0; i < tokens; i++) {
        int from = normal.starts[i];
        // the hash of tokens i..i+n-1 extends that of i..i+n-2 (one space between tokens)
        int hash = 0;
        int hashed = from;
        for (int n = 1; n <= options.maxWordN() && i + n <= tokens; n++) {
          int end = normal.ends[i + n - 1];
          for (; hashed < end; hashed++) {
            hash = 31 * hash + buf[hashed];
          }
          int index = wordVocabulary.indexOf(buf, from, end - from, hash);
          if (index >= 0) {
            scratch.add(found++, index);
          }
        }
      }
    }
    if (options.charNgrams()) {
      for (int i = 0; i < tokens; i++) {
        // The token with the spaces around it, as " word ".
        int from = normal.starts[i] - 1;
        int length = normal.ends[i] + 1 - from;
        // at each start, the 4- and 5-gram's hashes extend the 3-gram's
        for (int j = 0; j + CHAR_MIN <= length; j++) {
          int at = from + j;
          int hash = NgramVocabulary.hash(buf, at, CHAR_MIN);
          for (int n = CHAR_MIN; n <= CHAR_MAX && j + n <= length; n++) {
            if (n > CHAR_MIN) {
              hash = 31 * hash + buf[at + n - 1];
            }
            int index = charVocabulary.indexOf(buf, at, n, hash);
            if (index >= 0) {
              scratch.add(found++, index);
            }
          }
        }
      }
    }
    int[] all = sortFound(scratch, found);
    int distinct = 0;
    for (int i = 0; i < found; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        distinct++;
      }
    }
    int[] indices = new int[distinct];
    float[] values = new float[distinct];
    double wordNorm = 0;
    double charNorm = 0;
    int wordCount = wordVocabulary.size();
    for (int i = 0, k = -1; i < found; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        k++;
        indices[k] = all[i];
      }
      values[k]++;
    }
    for (int k = 0; k < distinct; k++) {
      int count = (int) values[k];
      double tf = count < SUBLINEAR_TF.length ? SUBLINEAR_TF[count] : 1 + Math.log(count);
      double v = tf * idf[indices[k]];
      values[k] = (float) v;
      if (indices[k] < wordCount) {
        wordNorm += v * v;
      } else {
        charNorm += v * v;
      }
    }
    boolean both = options.wordNgrams() && options.charNgrams();
    double familyWeight = both ? Math.sqrt(0.5) : 1.0;
    double wordScale = wordNorm > 0 ? familyWeight / Math.sqrt(wordNorm) : 0;
    double charScale = charNorm > 0 ? familyWeight / Math.sqrt(charNorm) : 0;
    for (int k = 0; k < distinct; k++) {
      values[k] *= (float) (indices[k] < wordCount ? wordScale : charScale);
    }
    return new SparseVector(indices, values);
  }

  /**
   * The first {@code size} found feature indices in ascending order: a least-significant-digit
   * radix sort, {@value #RADIX_BITS} bits a pass (two passes for up to 262,144 features). A text
   * has a thousand or so n-grams; a comparison sort of them was an eighth of the classifier's
   * listener time, and the radix passes touch each index a few times only. Returns whichever of the
   * two buffers holds the sorted indices.
   */
  private int[] sortFound(Scratch scratch, int size) {
    int[] from = scratch.found;
    int[] to = scratch.other;
    int[] buckets = scratch.buckets;
    int radix = 1 << RADIX_BITS;
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, idf.length - 1));
    for (int shift = 0; shift < bits; shift += RADIX_BITS) {
      Arrays.fill(buckets, 0);
      for (int i = 0; i < size; i++) {
        buckets[(from[i] >>> shift) & (radix - 1)]++;
      }
      for (int b = 0, at = 0; b < radix; b++) {
        int count = buckets[b];
        buckets[b] = at;
        at += count;
      }
      for (int i = 0; i < size; i++) {
        int v = from[i];
        to[buckets[(v >>> shift) & (radix - 1)]++] = v;
      }
      int[] t = from;
      from = to;
      to = t;
    }
    return from;
  }

  /**
   * A text as the featurizer reads it: lower-cased letter-or-digit tokens of its first {@code
   * maxChars} characters in one buffer, {@code " tok1 tok2 ... "}, with each token's bounds.
   */
  private record Normalised(char[] chars, int[] starts, int[] ends, int tokens) {

    static Normalised of(String text, int maxChars) {
      if (text == null || text.isEmpty()) {
        return new Normalised(new char[] {' '}, new int[0], new int[0], 0);
      }
      String head = text.length() > maxChars ? text.substring(0, maxChars) : text;
      String lower = head.toLowerCase(Locale.ROOT);
      char[] out = new char[lower.length() + 2];
      int[] starts = new int[lower.length() / 2 + 1];
      int[] ends = new int[starts.length];
      int length = 0;
      int tokens = 0;
      out[length++] = ' ';
      boolean inToken = false;
      for (int i = 0; i < lower.length(); ) {
        int cp = lower.codePointAt(i);
        int width = Character.charCount(cp);
        if (Character.isLetterOrDigit(cp)) {
          if (!inToken) {
            if (tokens > 0) {
              out[length++] = ' ';
            }
            starts[tokens] = length;
            inToken = true;
          }
          for (int w = 0; w < width; w++) {
            out[length++] = lower.charAt(i + w);
          }
        } else if (inToken) {
          ends[tokens++] = length;
          inToken = false;
        }
        i += width;
      }
      if (inToken) {
        ends[tokens++] = length;
      }
      out[length++] = ' ';
      return new Normalised(out, starts, ends, tokens);
    }
  }

  /** Lower-cased letter-or-digit tokens of the first {@code maxChars} characters. */
  static String[] tokens(String text, int maxChars) {
    Normalised normal = Normalised.of(text, maxChars);
    String[] out = new String[normal.tokens];
    for (int i = 0; i < out.length; i++) {
      out[i] = new String(normal.chars, normal.starts[i], normal.ends[i] - normal.starts[i]);
    }
    return out;
  }

  private static void wordNgrams(String[] tokens, int maxN, Consumer<String> sink) {
    for (int i = 0; i < tokens.length; i++) {
      StringBuilder gram = new StringBuilder(tokens[i]);
      sink.accept(gram.toString());
      for (int n = 2; n <= maxN && i + n <= tokens.length; n++) {
        gram.append(' ').append(tokens[i + n - 1]);
        sink.accept(gram.toString());
      }
    }
  }

  private static void charNgrams(String[] tokens, Consumer<String> sink) {
    for (String token : tokens) {
      String padded = " " + token + " ";
      for (int n = CHAR_MIN; n <= CHAR_MAX; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          sink.accept(padded.substring(i, i + n));
        }
      }
    }
  }
}
