package org.example.inquiry.classifier.model;

/**
 * An encoder in front of another (a cache): same version and dimension as the one it delegates to,
 * so the embeddings it returns are interchangeable with that encoder's.
 */
abstract class DelegatingEncoder implements SentenceEncoder {

  protected final SentenceEncoder delegate;

  DelegatingEncoder(SentenceEncoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public final String version() {
    return delegate.version();
  }

  @Override
  public final int dimension() {
    return delegate.dimension();
  }
}
