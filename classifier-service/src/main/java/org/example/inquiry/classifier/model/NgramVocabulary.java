package org.example.inquiry.classifier.model;

import java.util.Arrays;

/**
 * An immutable n-gram → feature index table that is looked up with a slice of a {@code char[]}
 * (open addressing, keys packed into one array), so featurising a text allocates no string per
 * n-gram. Built once when a model is trained or loaded; safe to share between threads.
 */
final class NgramVocabulary {

  private static final int EMPTY = -1;

  private final char[] keyChars;
  private final int[] keyStart; // entry -> offset in keyChars; keyStart[size] = keyChars.length
  private final int[] keyHash;
  private final int[] featureIndex;
  private final int[] slots; // entry ids, EMPTY where free
  private final int mask;

  private NgramVocabulary(String[] keys, int[] indices) {
    int total = 0;
    for (String k : keys) {
      total += k.length();
    }
    keyChars = new char[total];
    keyStart = new int[keys.length + 1];
    keyHash = new int[keys.length];
    featureIndex = indices.clone();
    int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
    slots = new int[capacity];
    Arrays.fill(slots, EMPTY);
    mask = capacity - 1;
    int at = 0;
    for (int e = 0; e < keys.length; e++) {
      keyStart[e] = at;
      keys[e].getChars(0, keys[e].length(), keyChars, at);
      at += keys[e].length();
      keyHash[e] = hash(keyChars, keyStart[e], keys[e].length());
      int slot = mix(keyHash[e]) & mask;
      while (slots[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = e;
    }
    keyStart[keys.length] = at;
  }

  /** The vocabulary of these n-grams, the i-th with feature index {@code indices[i]}. */
  static NgramVocabulary of(String[] keys, int[] indices) {
    if (keys.length != indices.length) {
      throw new IllegalArgumentException("keys and indices must align");
    }
    return new NgramVocabulary(keys, indices);
  }

  int size() {
    return featureIndex.length;
  }

  /** The n-gram of entry {@code e}. */
  String key(int e) {
    return new String(keyChars, keyStart[e], keyStart[e + 1] - keyStart[e]);
  }

  /** The feature index of entry {@code e}. */
  int index(int e) {
    return featureIndex[e];
  }

  /** The feature index of {@code chars[from, from + length)}, or -1 when it is not in the table. */
  int indexOf(char[] chars, int from, int length) {
    return indexOf(chars, from, length, hash(chars, from, length));
  }

  /** {@link #indexOf(char[], int, int)} of a slice whose {@link #hash} is known. */
  int indexOf(char[] chars, int from, int length, int h) {
    int slot = mix(h) & mask;
    while (true) {
      int e = slots[slot];
      if (e == EMPTY) {
        return -1;
      }
      if (keyHash[e] == h && keyStart[e + 1] - keyStart[e] == length && same(e, chars, from)) {
        return featureIndex[e];
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Whether entry {@code e} (of the slice's length) holds the slice's characters. A plain loop: the
   * keys are a few characters long, too short for {@code Arrays.equals} over ranges to pay for its
   * range checks and vectorised mismatch, which the C1 compiler the local stack runs does not
   * inline.
   */
  private boolean same(int e, char[] chars, int from) {
    int at = keyStart[e];
    int end = keyStart[e + 1];
    for (int i = from; at < end; at++, i++) {
      if (keyChars[at] != chars[i]) {
        return false;
      }
    }
    return true;
  }

  /** {@link String#hashCode()} of the slice. */
  static int hash(char[] chars, int from, int length) {
    int h = 0;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + chars[i];
    }
    return h;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
