package org.example.inquiry.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.example.inquiry.classifier.training.FakeEncoder;
import org.junit.jupiter.api.Test;

/** The embedding expert's L-BFGS training and the nearest neighbours' vote. */
class DenseSoftmaxTest {

  /** Three noisy clusters in 8 dimensions, one per class. */
  static float[][] clusters(int perClass, long seed, int[] labels) {
    Random random = new Random(seed);
    float[][] x = new float[3 * perClass][8];
    for (int i = 0; i < x.length; i++) {
      int c = i % 3;
      labels[i] = c;
      for (int d = 0; d < 8; d++) {
        x[i][d] = (float) ((d % 3 == c ? 1.0 : 0.0) + 0.6 * random.nextGaussian());
      }
    }
    return x;
  }

  static double[][] oneHot(int[] labels) {
    double[][] y = new double[labels.length][3];
    for (int i = 0; i < labels.length; i++) {
      y[i][labels[i]] = 1;
    }
    return y;
  }

  static int predict(DenseSoftmax.Trained t, float[] e) {
    double[] s = t.bias().clone();
    for (int d = 0; d < e.length; d++) {
      for (int c = 0; c < 3; c++) {
        s[c] += e[d] * t.weights()[d * 3 + c];
      }
    }
    int best = 0;
    for (int c = 1; c < 3; c++) {
      if (s[c] > s[best]) {
        best = c;
      }
    }
    return best;
  }

  @Test
  void learnsSeparableClustersDeterministicallyAndTheL2ShrinksTheWeights() {
    int[] labels = new int[300];
    float[][] x = clusters(100, 1, labels);
    double[] w = new double[x.length];
    java.util.Arrays.fill(w, 1.0);

    DenseSoftmax.Trained loose = DenseSoftmax.train(x, oneHot(labels), w, 1e-4);
    DenseSoftmax.Trained again = DenseSoftmax.train(x, oneHot(labels), w, 1e-4);
    DenseSoftmax.Trained tight = DenseSoftmax.train(x, oneHot(labels), w, 1.0);

    int[] testLabels = new int[300];
    float[][] test = clusters(100, 2, testLabels);
    int right = 0;
    for (int i = 0; i < test.length; i++) {
      right += predict(loose, test[i]) == testLabels[i] ? 1 : 0;
    }
    assertThat(right / 300.0).isGreaterThan(0.9);
    assertThat(again.weights()).isEqualTo(loose.weights());
    assertThat(squaredNorm(tight.weights())).isLessThan(squaredNorm(loose.weights()) / 10);
  }

  @Test
  void exampleWeightsAndSoftTargetsCount() {
    // Two identical inputs with different labels: the heavier one wins.
    float[][] x = {{1, 0}, {1, 0}, {0, 1}};
    double[][] y = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    DenseSoftmax.Trained t = DenseSoftmax.train(x, y, new double[] {3, 1, 1}, 1e-3);

    double[] s = t.bias().clone();
    for (int c = 0; c < 3; c++) {
      s[c] += t.weights()[c];
    }
    double sum = Math.exp(s[0]) + Math.exp(s[1]) + Math.exp(s[2]);
    assertThat(Math.exp(s[0]) / sum).isCloseTo(0.75, within(0.03));
    assertThat(Math.exp(s[1]) / sum).isCloseTo(0.25, within(0.03));
  }

  @Test
  void theNeighboursVoteForTheNearestTrainingTextsLabel() {
    TextClassifier model =
        TextClassifier.train(
            DenseFeaturesTest.TRAIN, TrainingOptions.defaults(), new FakeEncoder());
    float[] refund = new FakeEncoder().encode(List.of("we want our money back"))[0];

    double[] vote = model.neighbourVote(refund, new int[] {0, 1, 2});

    int refundIndex = model.labels().indexOf("refund");
    double total = 0;
    for (int c = 0; c < vote.length; c++) {
      total += vote[c];
      if (c != refundIndex) {
        assertThat(vote[refundIndex]).isGreaterThan(vote[c]);
      }
    }
    assertThat(total).isCloseTo(1.0, within(1e-9));
    assertThat(model.options().withKnnWeight(0).knnWeight()).isZero();
  }

  static double squaredNorm(float[] w) {
    double s = 0;
    for (float v : w) {
      s += v * v;
    }
    return s;
  }
}
