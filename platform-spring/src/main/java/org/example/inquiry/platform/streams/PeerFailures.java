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

  /** The first failure of the given type inside {@code e}, else {@code orElse}. */
  public static Throwable first(Throwable e, Class<? extends Throwable> type, Throwable orElse) {
    return of(e).stream().filter(type::isInstance).findFirst().orElse(orElse);
  }
}
