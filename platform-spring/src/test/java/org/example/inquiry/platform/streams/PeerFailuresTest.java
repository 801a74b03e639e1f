package org.example.inquiry.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

class PeerFailuresTest {

  @Test
  void nestedCompositesAreOpenedAllTheWayDown() {
    RuntimeException a = new IllegalStateException("a");
    RuntimeException b = new IllegalArgumentException("b");
    RuntimeException c = new StoreUnavailableException("c", null);

    assertThat(PeerFailures.of(Exceptions.multiple(a, Exceptions.multiple(b, c))))
        .containsExactly(a, b, c);
    assertThat(PeerFailures.of(a)).containsExactly(a);
    assertThat(
            PeerFailures.first(
                Exceptions.multiple(a, Exceptions.multiple(b, c)),
                StoreUnavailableException.class,
                a))
        .isSameAs(c);
    assertThat(PeerFailures.first(b, StoreUnavailableException.class, a)).isSameAs(a);
  }
}
