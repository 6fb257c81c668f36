package com.smarttoaster.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random networks for tests: He-initialised hidden layers with ReLU, a linear output layer.
 */
public final class RandomMlp {
  private RandomMlp() {}

  /**
   * @param seed random seed
   * @param outputScale multiplies the output layer's weights and bias (small values keep outputs
   *     near 0)
   * @param sizes layer widths, input first, e.g. 14, 32, 32, 1
   */
  public static Mlp of(long seed, float outputScale, int... sizes) {
    Random rnd = new Random(seed);
    List<DenseLayer> layers = new ArrayList<>();
    for (int l = 1; l < sizes.length; l++) {
      boolean last = l == sizes.length - 1;
      int in = sizes[l - 1];
      int out = sizes[l];
      double sd = Math.sqrt(2.0 / in) * (last ? outputScale : 1.0);
      float[][] w = new float[out][in];
      float[] b = new float[out];
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < in; i++) {
          w[o][i] = (float) (rnd.nextGaussian() * sd);
        }
        b[o] = (float) (rnd.nextGaussian() * 0.1 * (last ? outputScale : 1.0));
      }
      layers.add(new DenseLayer(w, b, !last));
    }
    return new Mlp(layers);
  }

  public static Mlp of(long seed, int... sizes) {
    return of(seed, 1f, sizes);
  }

  /** A random input vector, each value in [-3, 3) (standardised features). */
  public static float[] input(Random rnd, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (rnd.nextDouble() * 6 - 3);
    }
    return x;
  }
}
