package org.example.inquiry.resolution.cases.processing;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ledger documents that changed lately, in the order the ledger feed brought them: the global
 * store's loader ({@link CaseTopology.LatestLoader}) writes, the case tasks' ledger watch reads
 * what changed since its last check, so a check reads the cases that watch those documents instead
 * of every watching case. Holds the last {@code capacity} changes; a reader that is further behind
 * is told so ({@link Since#overflowed()}) and reads every watching case once, as it does after it
 * starts. In memory, one per topology (per Kafka Streams instance), thread-safe: one writer (the
 * global stream thread), any number of readers (the stream threads).
 */
final class LedgerChanges {

  /**
   * Changes kept by default: 8,192 documents between two checks of a task. More, and the check
   * reads every watching case instead, which then costs less than a lookup per changed document.
   */
  static final int DEFAULT_CAPACITY = 8_192;

  private final String[] documents;
  private long next; // the sequence number the next change gets

  LedgerChanges(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.documents = new String[capacity];
  }

  LedgerChanges() {
    this(DEFAULT_CAPACITY);
  }

  /** The document changed (new, updated or deleted) in the ledger store. */
  synchronized void changed(String documentNumber) {
    documents[(int) (next % documents.length)] = documentNumber;
    next++;
  }

  /** Where a reader starts: every change recorded from now on is after it. */
  synchronized long mark() {
    return next;
  }

  /**
   * The documents changed since {@code cursor} (each once) and the cursor to read from next time;
   * {@link Since#overflowed()} when some of them are no longer held.
   */
  synchronized Since since(long cursor) {
    if (cursor > next || cursor < 0) {
      throw new IllegalArgumentException("cursor " + cursor + " was never given out");
    }
    if (next - cursor > documents.length) {
      return new Since(null, next);
    }
    Set<String> changed = new LinkedHashSet<>();
    for (long s = cursor; s < next; s++) {
      changed.add(documents[(int) (s % documents.length)]);
    }
    return new Since(changed, next);
  }

  /**
   * @param documents the changed documents, each once; null when changes were lost to the capacity
   * @param cursor where to read from next time
   */
  record Since(Set<String> documents, long cursor) {
    boolean overflowed() {
      return documents == null;
    }
  }
}
