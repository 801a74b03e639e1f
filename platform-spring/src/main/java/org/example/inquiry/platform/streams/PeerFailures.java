package org.example.inquiry.platform.streams;

import java.util.ArrayList;
import java.util.List;
import reactor.core.Exceptions;

/**
 * The failures of a fan-out to other instances that waited for every request (Reactor's {@code
 * ...DelayError} operators): they arrive as composites, which nest when fan-outs are combined.
 * Which one a caller answers with is its choice (a refusal before "retry shortly"); this opens
 * them.
 */
public final class PeerFailures {

  private PeerFailures() {}

  /** The failures inside {@code e}, composites opened all the way down; {@code e} if it is one. */
  public static List<Throwable> of(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable t : Exceptions.unwrapMultiple(e)) {
      if (Exceptions.isMultiple(t)) {
        all.addAll(of(t));
      } else {
        all.add(t);
      }
    }
    return all;
  }

  /**
   * The failure to answer with: the first one of the first of {@code inOrder} that occurs inside
   * {@code e} (say, a refusal before "retry shortly"), else the first failure there is.
   */
  @SafeVarargs
  public static Throwable preferred(Throwable e, Class<? extends Throwable>... inOrder) {
    List<Throwable> all = of(e);
    for (Class<? extends Throwable> type : inOrder) {
      for (Throwable t : all) {
        if (type.isInstance(t)) {
          return t;
        }
      }
    }
    return all.get(0);
  }
}
