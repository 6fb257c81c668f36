package com.smarttoaster.train;

import com.smarttoaster.model.DenseLayer;
import com.smarttoaster.model.Mlp;
import java.util.ArrayList;
import java.util.List;

/**
 * K networks of one shape averaged, written as ONE ordinary MLP, so the device, the TFLite writer,
 * both runtimes, the card and the guards see nothing new: the first layer stacks the members' first
 * layers (they share the input), every later hidden layer is block-diagonal (member k reads only
 * member k's units), and the output layer concatenates the members' output weights divided by K,
 * with the mean of their biases. A K×h-wide layer costs K² times the arithmetic of an h-wide one on
 * the device; at K = 4, h = 32 that is 20,000 multiply-adds, microseconds on a Pi.
 */
final class MlpEnsemble {
  private MlpEnsemble() {}

  static Mlp merge(List<Mlp> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no members");
    }
    if (members.size() == 1) {
      return members.get(0);
    }
    int k = members.size();
    Mlp first = members.get(0);
    for (Mlp m : members) {
      if (!sameShape(m, first)) {
        throw new IllegalArgumentException(
            "ensemble members differ in shape: " + shape(m) + " and " + shape(first));
      }
    }
    if (first.layers().get(first.layers().size() - 1).relu()) {
      // The mean of rectified outputs is not the rectified mean: only a linear output averages.
      throw new IllegalArgumentException("ensemble members need a linear output layer");
    }
    List<DenseLayer> merged = new ArrayList<>();
    int depth = first.layers().size();
    for (int l = 0; l < depth; l++) {
      DenseLayer proto = first.layers().get(l);
      int in = proto.inputs();
      int out = proto.outputs();
      boolean last = l == depth - 1;
      // The first layer reads the shared input; later ones read the previous stacked layer.
      int mergedIn = l == 0 ? in : k * in;
      int mergedOut = last ? out : k * out;
      float[][] w = new float[mergedOut][mergedIn];
      float[] b = new float[mergedOut];
      for (int m = 0; m < k; m++) {
        DenseLayer d = members.get(m).layers().get(l);
        int inOffset = l == 0 ? 0 : m * in;
        for (int o = 0; o < out; o++) {
          int row = last ? o : m * out + o;
          for (int i = 0; i < in; i++) {
            w[row][inOffset + i] = last ? d.weights()[o][i] / k : d.weights()[o][i];
          }
          b[row] += last ? d.bias()[o] / k : d.bias()[o];
        }
      }
      merged.add(new DenseLayer(w, b, proto.relu()));
    }
    return new Mlp(merged);
  }

  private static boolean sameShape(Mlp a, Mlp b) {
    return shape(a).equals(shape(b));
  }

  private static List<String> shape(Mlp m) {
    List<String> s = new ArrayList<>();
    for (DenseLayer d : m.layers()) {
      s.add(d.inputs() + "→" + d.outputs() + (d.relu() ? " relu" : ""));
    }
    return s;
  }
}
