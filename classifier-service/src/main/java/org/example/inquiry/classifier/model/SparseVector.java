package org.example.inquiry.classifier.model;

/**
 * A sparse feature vector: parallel arrays of feature indices (ascending, distinct) and values.
 *
 * @param indices feature indices
 * @param values feature values, same length as indices
 */
record SparseVector(int[] indices, float[] values) {

  int size() {
    return indices.length;
  }
}
