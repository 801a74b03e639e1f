package org.example.inquiry.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How batched inference cuts a list of texts into ONNX runs ({@link OnnxSentenceEncoder#runs}). */
class EncoderRunsTest {

  @Test
  void textsOfOneLengthShareRunsOnePerWorker() {
    int[] lengths = {40, 40, 40, 40, 40, 40, 40, 40};

    assertThat(OnnxSentenceEncoder.runs(lengths, 2))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r).hasSize(4));
    assertThat(OnnxSentenceEncoder.runs(lengths, 1))
        .containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7));
  }

  @Test
  void shortAndLongTextsRunApart() {
    // A run of all five would pad 10-12 word pieces to 210: 5 x 210 for 443 of their own.
    int[] lengths = {10, 11, 200, 210, 12};

    assertThat(OnnxSentenceEncoder.runs(lengths, 1))
        .containsExactly(List.of(0, 1, 4), List.of(2, 3));
  }

  @Test
  void shortTextsOfAFewLengthsShareARun() {
    int[] lengths = {5, 7, 6, 12, 9, 5};

    assertThat(OnnxSentenceEncoder.runs(lengths, 1)).containsExactly(List.of(0, 5, 2, 1, 4, 3));
  }

  @Test
  void aRunStaysWithinTheWordPieceBound() {
    int[] lengths = {600, 600, 600, 600, 600, 600, 600, 600};

    assertThat(OnnxSentenceEncoder.runs(lengths, 1))
        .containsExactly(List.of(0, 1, 2, 3, 4, 5), List.of(6, 7));
  }

  @Test
  void everyTextRunsOnceAndNoRunPadsMoreThanItsBound() {
    Random random = new Random(7);
    for (int trial = 0; trial < 500; trial++) {
      int[] lengths = new int[1 + random.nextInt(60)];
      for (int i = 0; i < lengths.length; i++) {
        lengths[i] = 3 + random.nextInt(random.nextBoolean() ? 30 : 512);
      }
      int threads = 1 + random.nextInt(4);

      List<List<Integer>> runs = OnnxSentenceEncoder.runs(lengths, threads);

      List<Integer> seen = new ArrayList<>();
      runs.forEach(seen::addAll);
      assertThat(seen).hasSize(lengths.length).doesNotHaveDuplicates();
      int perRun = (lengths.length + threads - 1) / threads;
      for (List<Integer> run : runs) {
        int longest = run.stream().mapToInt(i -> lengths[i]).max().orElseThrow();
        int own = run.stream().mapToInt(i -> lengths[i]).sum();
        assertThat(run.size()).isLessThanOrEqualTo(perRun);
        if (run.size() > 1) {
          assertThat((double) run.size() * longest)
              .isLessThanOrEqualTo(
                  Math.max(
                      own * (1 + OnnxSentenceEncoder.MAX_PADDING),
                      own + OnnxSentenceEncoder.PADDING_ALLOWANCE))
              .isLessThanOrEqualTo(OnnxSentenceEncoder.MAX_BATCH_TOKENS);
        }
      }
    }
  }
}
