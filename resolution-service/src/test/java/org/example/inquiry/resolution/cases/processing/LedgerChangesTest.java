package org.example.inquiry.resolution.cases.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LedgerChangesTest {

  @Test
  void aReaderGetsWhatChangedSinceItsCursorEachDocumentOnce() {
    LedgerChanges changes = new LedgerChanges(4);
    long start = changes.mark();
    changes.changed("INV-1");
    changes.changed("INV-2");
    changes.changed("INV-1");

    LedgerChanges.Since first = changes.since(start);
    assertThat(first.overflowed()).isFalse();
    assertThat(first.documents()).containsExactly("INV-1", "INV-2");

    changes.changed("INV-3");
    LedgerChanges.Since second = changes.since(first.cursor());
    assertThat(second.documents()).containsExactly("INV-3");
    assertThat(changes.since(second.cursor()).documents()).isEmpty();
  }

  @Test
  void aReaderFurtherBehindThanTheCapacityIsToldItLostChanges() {
    LedgerChanges changes = new LedgerChanges(2);
    long start = changes.mark();
    changes.changed("INV-1");
    changes.changed("INV-2");
    assertThat(changes.since(start).documents()).containsExactly("INV-1", "INV-2");

    changes.changed("INV-3");
    LedgerChanges.Since behind = changes.since(start);
    assertThat(behind.overflowed()).isTrue();
    assertThat(behind.cursor()).isEqualTo(changes.mark());
    // from the cursor it was given, the reader is current again
    changes.changed("INV-4");
    assertThat(changes.since(behind.cursor()).documents()).containsExactly("INV-4");
  }

  @Test
  void aCursorThatWasNeverGivenIsRefused() {
    LedgerChanges changes = new LedgerChanges(2);
    assertThatThrownBy(() -> changes.since(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LedgerChanges(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWriterAndReadersOnOtherThreadsLoseNothing() throws InterruptedException {
    LedgerChanges changes = new LedgerChanges(100_000);
    long start = changes.mark();
    CountDownLatch done = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < 50_000; i++) {
                changes.changed("INV-" + i);
              }
              done.countDown();
            });
    writer.start();
    long cursor = start;
    Set<String> seen = new HashSet<>();
    while (done.getCount() > 0 || cursor < changes.mark()) {
      LedgerChanges.Since since = changes.since(cursor);
      seen.addAll(since.documents());
      cursor = since.cursor();
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).hasSize(50_000);
  }
}
