package com.smarttoaster.predict.tflite;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

/**
 * The one thing the runtimes need to know before they hand a model to native code: that it is a
 * TFLite flatbuffer with one float32 input {@code [1, n]} and one float32 output {@code [1, m]}.
 * Read in Java from the schema, so a wrong file gets a clear message instead of a native error.
 *
 * @param inputSize n
 * @param outputSize m
 */
public record TfliteModelShape(int inputSize, int outputSize) {
  private static final int SMALLEST_MODEL_BYTES = 8;

  /**
   * Reads the shape of a model; refuses anything but a single-input, single-output float32 graph.
   */
  public static TfliteModelShape read(byte[] model) throws TfliteLoadException {
    if (model.length < SMALLEST_MODEL_BYTES) {
      throw new TfliteLoadException("not a TFLite model: only " + model.length + " bytes");
    }
    ByteBuffer bb = ByteBuffer.wrap(model);
    if (!Model.ModelBufferHasIdentifier(bb)) {
      String id = new String(model, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      throw new TfliteLoadException(
          "not a TFLite model: file identifier '" + printable(id) + "', expected 'TFL3'");
    }
    try {
      Model m = Model.getRootAsModel(bb);
      if (m.subgraphsLength() != 1) {
        throw new TfliteLoadException(
            "TFLite model has " + m.subgraphsLength() + " subgraphs, expected 1");
      }
      SubGraph g = m.subgraphs(0);
      if (g.inputsLength() != 1 || g.outputsLength() != 1) {
        throw new TfliteLoadException(
            "TFLite model has "
                + g.inputsLength()
                + " inputs and "
                + g.outputsLength()
                + " outputs, expected 1 and 1");
      }
      return new TfliteModelShape(
          vectorLength(g.tensors(g.inputs(0)), "input"),
          vectorLength(g.tensors(g.outputs(0)), "output"));
    } catch (RuntimeException e) {
      throw new TfliteLoadException(
          "not a valid TFLite model: the flatbuffer is damaged (" + e + ")", e);
    }
  }

  private static int vectorLength(Tensor t, String role) throws TfliteLoadException {
    if (t.type() != TensorType.FLOAT32) {
      throw new TfliteLoadException(
          "TFLite model "
              + role
              + " '"
              + t.name()
              + "' has type "
              + TensorType.name(t.type())
              + ", expected FLOAT32");
    }
    int[] shape = new int[t.shapeLength()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = t.shape(i);
    }
    if (shape.length != 2 || shape[0] != 1 || shape[1] < 1) {
      throw new TfliteLoadException(
          "TFLite model "
              + role
              + " '"
              + t.name()
              + "' has shape "
              + Arrays.toString(shape)
              + ", expected [1, n]");
    }
    return shape[1];
  }

  private static String printable(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /**
   * The checks both runtimes make before running the model: not closed, and an input vector of the
   * model's size.
   */
  void requireRunnable(String runtimeName, boolean closed, float[] input) {
    if (closed) {
      throw new IllegalStateException(runtimeName + " runtime is closed");
    }
    if (input.length != inputSize) {
      throw new IllegalArgumentException(
          "model takes " + inputSize + " inputs, got " + input.length);
    }
  }
}
