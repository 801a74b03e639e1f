package org.example.inquiry.classifier.model;

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

  private final TrainingOptions options;
  private final Map<String, Integer> wordVocabulary;
  private final Map<String, Integer> charVocabulary;
  private final float[] idf;

  private TfIdfFeaturizer(
      TrainingOptions options,
      Map<String, Integer> wordVocabulary,
      Map<String, Integer> charVocabulary,
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
    Map<String, Integer> words = index(wordDf, 0);
    Map<String, Integer> chars = index(charDf, words.size());
    float[] idf = new float[words.size() + chars.size()];
    double n = texts.size();
    wordDf.forEach((f, df) -> idf[words.get(f)] = (float) (Math.log((1 + n) / (1 + df)) + 1));
    charDf.forEach((f, df) -> idf[chars.get(f)] = (float) (Math.log((1 + n) / (1 + df)) + 1));
    return new TfIdfFeaturizer(options, words, chars, idf);
  }

  private static Map<String, Integer> index(Map<String, Integer> df, int offset) {
    String[] keys = df.keySet().toArray(String[]::new);
    Arrays.sort(keys);
    Map<String, Integer> vocabulary = new HashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      vocabulary.put(keys[i], offset + i);
    }
    return vocabulary;
  }

  void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
    writeVocabulary(out, wordVocabulary);
    writeVocabulary(out, charVocabulary);
    out.writeInt(idf.length);
    for (float f : idf) {
      out.writeFloat(f);
    }
  }

  static TfIdfFeaturizer readFrom(java.io.DataInputStream in, TrainingOptions options)
      throws java.io.IOException {
    Map<String, Integer> words = readVocabulary(in);
    Map<String, Integer> chars = readVocabulary(in);
    float[] idf = new float[in.readInt()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = in.readFloat();
    }
    return new TfIdfFeaturizer(options, words, chars, idf);
  }

  private static void writeVocabulary(java.io.DataOutputStream out, Map<String, Integer> vocabulary)
      throws java.io.IOException {
    out.writeInt(vocabulary.size());
    for (var e : vocabulary.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue());
    }
  }

  private static Map<String, Integer> readVocabulary(java.io.DataInputStream in)
      throws java.io.IOException {
    int size = in.readInt();
    Map<String, Integer> vocabulary = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      String key = in.readUTF();
      vocabulary.put(key, in.readInt());
    }
    return vocabulary;
  }

  int dimension() {
    return idf.length;
  }

  /** The TF-IDF vector of a text; unknown n-grams are ignored, empty text gives an empty vector. */
  SparseVector transform(String text) {
    String[] tokens = tokens(text, options.maxChars());
    Map<Integer, Integer> counts = new HashMap<>();
    if (options.wordNgrams()) {
      wordNgrams(tokens, options.maxWordN(), f -> count(wordVocabulary, f, counts));
    }
    if (options.charNgrams()) {
      charNgrams(tokens, f -> count(charVocabulary, f, counts));
    }
    int[] indices = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    float[] values = new float[indices.length];
    double wordNorm = 0;
    double charNorm = 0;
    for (int i = 0; i < indices.length; i++) {
      double v = (1 + Math.log(counts.get(indices[i]))) * idf[indices[i]];
      values[i] = (float) v;
      if (indices[i] < wordVocabulary.size()) {
        wordNorm += v * v;
      } else {
        charNorm += v * v;
      }
    }
    boolean both = options.wordNgrams() && options.charNgrams();
    double familyWeight = both ? Math.sqrt(0.5) : 1.0;
    double wordScale = wordNorm > 0 ? familyWeight / Math.sqrt(wordNorm) : 0;
    double charScale = charNorm > 0 ? familyWeight / Math.sqrt(charNorm) : 0;
    for (int i = 0; i < indices.length; i++) {
      values[i] *= (float) (indices[i] < wordVocabulary.size() ? wordScale : charScale);
    }
    return new SparseVector(indices, values);
  }

  private static void count(Map<String, Integer> vocabulary, String f, Map<Integer, Integer> into) {
    Integer index = vocabulary.get(f);
    if (index != null) {
      into.merge(index, 1, Integer::sum);
    }
  }

  /** Lower-cased letter-or-digit tokens of the first {@code maxChars} characters. */
  static String[] tokens(String text, int maxChars) {
    if (text == null || text.isBlank()) {
      return new String[0];
    }
    String head = text.length() > maxChars ? text.substring(0, maxChars) : text;
    StringBuilder normal = new StringBuilder(head.length());
    head.toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(cp -> normal.appendCodePoint(Character.isLetterOrDigit(cp) ? cp : ' '));
    String trimmed = normal.toString().trim();
    return trimmed.isEmpty() ? new String[0] : trimmed.split(" +");
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
      // A word shorter than the smallest n-gram still counts as itself.
      if (padded.length() < CHAR_MIN) {
        sink.accept(padded);
      }
    }
  }
}
