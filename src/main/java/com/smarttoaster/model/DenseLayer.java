package com.smarttoaster.model;

/**
 * One fully connected layer: {@code y = act(W·x + b)}.
 *
 * @param weights weights[out][in]
 * @param bias bias[out]
 * @param relu true for a ReLU activation, false for none (the output layer)
 */
public record DenseLayer(float[][] weights, float[] bias, boolean relu) {
  public DenseLayer {
    if (weights.length == 0 || weights.length != bias.length) {
      throw new IllegalArgumentException(
          "layer has " + weights.length + " weight rows but " + bias.length + " biases");
    }
    int in = weights[0].length;
    for (float[] row : weights) {
      if (row.length != in) {
        throw new IllegalArgumentException(
            "ragged weight matrix: rows of " + in + " and " + row.length);
      }
    }
  }

  public int inputs() {
    return weights[0].length;
  }

  public int outputs() {
    return weights.length;
  }
}
