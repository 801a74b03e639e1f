package org.example.inquiry.classifier.classification;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classifier in use: the configured rules with the currently promoted model. A promotion swaps
 * the whole (immutable) {@link Classifier} at once, so each inquiry is classified by one model and
 * recorded with that model's version.
 */
public final class CurrentClassifier {

  private final AtomicReference<Classifier> current;

  public CurrentClassifier(Classifier initial) {
    current = new AtomicReference<>(Objects.requireNonNull(initial));
  }

  /** The classifier to use for one inquiry; read it once per inquiry. */
  public Classifier get() {
    return current.get();
  }

  /** Uses this model from now on, with the same rules and thresholds. */
  public void use(Classifier.Model model) {
    current.updateAndGet(c -> c.withModel(Objects.requireNonNull(model)));
  }
}
