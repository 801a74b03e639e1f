package org.example.inquiry.classifier.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A multinomial logistic regression over dense features (the sentence embedding), trained to
 * convergence with L-BFGS on the whole training set: the objective is the examples' weighted sum of
 * cross-entropies against soft targets plus {@code l2 / 2} times the squared weights (biases not
 * penalised), i.e. scikit-learn's {@code LogisticRegression} with {@code C = 1 / l2}; the penalty
 * so weighs less the more (weighted) examples there are. Used for the embedding expert, where a few
 * hundred dense inputs make full-batch L-BFGS cheap and AdaGrad's fixed epochs left the expert
 * under-fitted (BANKING77, see docs/BENCHMARKS.md). Deterministic: the same inputs always give the
 * same weights.
 */
final class DenseSoftmax {

  /** Past steps L-BFGS remembers. */
  private static final int MEMORY = 10;

  /** Iterations at most; training stops earlier when the gradient is this small. */
  static final int MAX_ITERATIONS = 300;

  private static final double GRADIENT_TOLERANCE = 1e-5;

  /**
   * The trained weights: {@code weights[feature * classes + class]} (the engine's feature-major
   * layout) and one bias per class.
   */
  record Trained(float[] weights, double[] bias) {}

  private final float[][] x;
  private final double[][] y;
  private final double[] w;
  private final int classes;
  private final int dimension;
  private final double l2;
  private final double totalWeight;

  private DenseSoftmax(float[][] x, double[][] y, double[] w, double l2) {
    this.x = x;
    this.y = y;
    this.w = w;
    this.classes = y[0].length;
    this.dimension = x[0].length;
    double total = 0;
    for (double v : w) {
      total += v;
    }
    this.totalWeight = total;
    this.l2 = l2 / total; // the same objective divided by the total weight (a mean)
  }

  /**
   * Trains on {@code x} (one row per example), soft targets {@code y} (rows summing to one) and
   * example weights {@code w}.
   */
  static Trained train(float[][] x, double[][] y, double[] w, double l2) {
    if (x.length == 0 || x.length != y.length || x.length != w.length) {
      throw new IllegalArgumentException("need as many targets and weights as examples");
    }
    DenseSoftmax problem = new DenseSoftmax(x, y, w, l2);
    double[] theta = problem.minimise(new double[(problem.dimension + 1) * problem.classes]);
    float[] weights = new float[problem.dimension * problem.classes];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) theta[i];
    }
    double[] bias = new double[problem.classes];
    System.arraycopy(theta, weights.length, bias, 0, problem.classes);
    return new Trained(weights, bias);
  }

  /** Objective at {@code theta}; its gradient is written to {@code gradient}. */
  private double evaluate(double[] theta, double[] gradient) {
    int biasOffset = dimension * classes;
    int chunks = Math.min(Runtime.getRuntime().availableProcessors(), 8);
    double[][] partialGradients = new double[chunks][theta.length];
    double[] partialLoss = new double[chunks];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              double[] g = partialGradients[chunk];
              double[] p = new double[classes];
              double loss = 0;
              for (int i = chunk; i < x.length; i += chunks) {
                float[] e = x[i];
                System.arraycopy(theta, biasOffset, p, 0, classes);
                for (int d = 0; d < dimension; d++) {
                  double v = e[d];
                  int base = d * classes;
                  for (int c = 0; c < classes; c++) {
                    p[c] += v * theta[base + c];
                  }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double s : p) {
                  max = Math.max(max, s);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                  p[c] = Math.exp(p[c] - max);
                  sum += p[c];
                }
                double weight = w[i] / totalWeight;
                for (int c = 0; c < classes; c++) {
                  double target = y[i][c];
                  if (target > 0) {
                    loss -= weight * target * (Math.log(p[c] / sum));
                  }
                  p[c] = (p[c] / sum - target) * weight;
                }
                for (int d = 0; d < dimension; d++) {
                  double v = e[d];
                  int base = d * classes;
                  for (int c = 0; c < classes; c++) {
                    g[base + c] += v * p[c];
                  }
                }
                for (int c = 0; c < classes; c++) {
                  g[biasOffset + c] += p[c];
                }
              }
              partialLoss[chunk] = loss;
            });
    double loss = 0;
    Arrays.fill(gradient, 0);
    for (int chunk = 0; chunk < chunks; chunk++) {
      loss += partialLoss[chunk];
      double[] g = partialGradients[chunk];
      for (int k = 0; k < gradient.length; k++) {
        gradient[k] += g[k];
      }
    }
    for (int k = 0; k < biasOffset; k++) {
      loss += 0.5 * l2 * theta[k] * theta[k];
      gradient[k] += l2 * theta[k];
    }
    return loss;
  }

  /** L-BFGS (two-loop recursion) with a backtracking Armijo line search. */
  private double[] minimise(double[] theta) {
    int n = theta.length;
    double[][] s = new double[MEMORY][];
    double[][] yy = new double[MEMORY][];
    double[] rho = new double[MEMORY];
    double[] alpha = new double[MEMORY];
    int stored = 0;
    int newest = -1;
    double[] gradient = new double[n];
    double loss = evaluate(theta, gradient);
    double[] direction = new double[n];
    double[] next = new double[n];
    double[] nextGradient = new double[n];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      if (norm(gradient) < GRADIENT_TOLERANCE) {
        break;
      }
      // direction = -H * gradient
      System.arraycopy(gradient, 0, direction, 0, n);
      for (int k = 0; k < stored; k++) {
        int j = Math.floorMod(newest - k, MEMORY);
        alpha[j] = rho[j] * dot(s[j], direction);
        axpy(-alpha[j], yy[j], direction);
      }
      double scale = stored == 0 ? 1 / Math.max(norm(gradient), 1e-12) : gammaOf(s, yy, newest);
      for (int k = 0; k < n; k++) {
        direction[k] *= scale;
      }
      for (int k = stored - 1; k >= 0; k--) {
        int j = Math.floorMod(newest - k, MEMORY);
        double beta = rho[j] * dot(yy[j], direction);
        axpy(alpha[j] - beta, s[j], direction);
      }
      for (int k = 0; k < n; k++) {
        direction[k] = -direction[k];
      }
      double slope = dot(gradient, direction);
      if (slope >= 0) { // not a descent direction: restart from the gradient
        stored = 0;
        for (int k = 0; k < n; k++) {
          direction[k] = -gradient[k] / Math.max(norm(gradient), 1e-12);
        }
        slope = dot(gradient, direction);
      }
      double step = 1;
      double nextLoss = Double.NaN;
      for (int tries = 0; tries < 30; tries++) {
        for (int k = 0; k < n; k++) {
          next[k] = theta[k] + step * direction[k];
        }
        nextLoss = evaluate(next, nextGradient);
        if (nextLoss <= loss + 1e-4 * step * slope) {
          break;
        }
        step /= 2;
      }
      if (!(nextLoss < loss)) {
        break; // no further progress in this direction
      }
      double[] stepTaken = new double[n];
      double[] gradientChange = new double[n];
      for (int k = 0; k < n; k++) {
        stepTaken[k] = next[k] - theta[k];
        gradientChange[k] = nextGradient[k] - gradient[k];
      }
      double sy = dot(stepTaken, gradientChange);
      if (sy > 1e-12) { // keep only pairs that keep the inverse Hessian estimate positive
        newest = (newest + 1) % MEMORY;
        s[newest] = stepTaken;
        yy[newest] = gradientChange;
        rho[newest] = 1 / sy;
        stored = Math.min(stored + 1, MEMORY);
      }
      double relativeDecrease = (loss - nextLoss) / Math.max(Math.abs(loss), 1e-12);
      System.arraycopy(next, 0, theta, 0, n);
      System.arraycopy(nextGradient, 0, gradient, 0, n);
      loss = nextLoss;
      if (relativeDecrease < 1e-9) {
        break;
      }
    }
    return theta;
  }

  private static double gammaOf(double[][] s, double[][] y, int newest) {
    return dot(s[newest], y[newest]) / Math.max(dot(y[newest], y[newest]), 1e-12);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += a[k] * b[k];
    }
    return sum;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int k = 0; k < y.length; k++) {
      y[k] += a * x[k];
    }
  }
}
