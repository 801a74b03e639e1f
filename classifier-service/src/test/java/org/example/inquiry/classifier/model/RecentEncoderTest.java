package org.example.inquiry.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEncoderTest {

  /** Embeds a text as its length, and remembers what it was asked. */
  static final class Lengths implements SentenceEncoder {
    final List<String> asked = new ArrayList<>();

    @Override
    public String version() {
      return "lengths";
    }

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public float[][] encode(List<String> texts) {
      asked.addAll(texts);
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = new float[] {texts.get(i).length()};
      }
      return out;
    }
  }

  @Test
  void aTextEmbeddedAMomentBeforeIsNotEmbeddedAgainAndBothAreCounted() {
    Lengths lengths = new Lengths();
    RecentEncoder recent = new RecentEncoder(lengths, 3);

    recent.encodeBatch(List.of("a", "bb"));
    float[][] again = recent.encodeBatch(List.of("bb", "ccc"));

    assertThat(again[0]).containsExactly(2f);
    assertThat(again[1]).containsExactly(3f);
    assertThat(lengths.asked).containsExactly("a", "bb", "ccc");
    assertThat(recent.computed()).isEqualTo(3);
    assertThat(recent.remembered()).isEqualTo(1);
  }

  @Test
  void itRemembersNoMoreThanItsCapacity() {
    Lengths lengths = new Lengths();
    RecentEncoder recent = new RecentEncoder(lengths, 2);

    recent.encode(List.of("a", "bb", "ccc"));
    recent.encode(List.of("a"));

    assertThat(lengths.asked).containsExactly("a", "bb", "ccc", "a");
    assertThat(recent.remembered()).isZero();
    assertThat(RecentEncoder.SERVICE_CAPACITY).isGreaterThanOrEqualTo(2 * 2 * 500);
  }
}
