package com.smarttoaster.model;

import java.util.List;

/**
 * A small multilayer perceptron, in plain Java: the reference the TFLite runtimes are checked
 * against, and the form in which training hands the network to the exporter.
 */
public record Mlp(List<DenseLayer> layers) {
  public Mlp {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("an MLP needs at least one layer");
    }
    for (int i = 1; i < layers.size(); i++) {
      if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
        throw new IllegalArgumentException(
            "layer "
                + i
                + " takes "
                + layers.get(i).inputs()
                + " inputs but layer "
                + (i - 1)
                + " gives "
                + layers.get(i - 1).outputs());
      }
    }
  }

  public int inputs() {
    return layers.get(0).inputs();
  }

  public int outputs() {
    return layers.get(layers.size() - 1).outputs();
  }

  /** Forward pass in float arithmetic, as the TFLite kernels do it. */
  public float[] forward(float[] x) {
    if (x.length != inputs()) {
      throw new IllegalArgumentException("expected " + inputs() + " inputs, got " + x.length);
    }
    float[] a = x;
    for (DenseLayer l : layers) {
      float[] y = new float[l.outputs()];
      for (int o = 0; o < y.length; o++) {
        float s = l.bias()[o];
        float[] w = l.weights()[o];
        for (int i = 0; i < a.length; i++) {
          s += w[i] * a[i];
        }
        y[o] = l.relu() ? Math.max(0f, s) : s;
      }
      a = y;
    }
    return a;
  }
}
