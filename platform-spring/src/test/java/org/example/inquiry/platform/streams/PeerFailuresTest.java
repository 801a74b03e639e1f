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
    Throwable nested = Exceptions.multiple(a, Exceptions.multiple(b, c));
    assertThat(PeerFailures.preferred(nested, StoreUnavailableException.class)).isSameAs(c);
    assertThat(
            PeerFailures.preferred(
                nested, StoreUnavailableException.class, IllegalArgumentException.class))
        .isSameAs(c);
    assertThat(
            PeerFailures.preferred(
                nested, IllegalArgumentException.class, StoreUnavailableException.class))
        .isSameAs(b);
    // none of the preferred types: the first failure there is
    assertThat(PeerFailures.preferred(b, StoreUnavailableException.class)).isSameAs(b);
  }
}
