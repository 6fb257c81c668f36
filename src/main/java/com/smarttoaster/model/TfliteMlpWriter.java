package com.smarttoaster.model;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.FullyConnectedOptionsWeightsFormat;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

/**
 * Writes an {@link Mlp} as a float32 TensorFlow Lite flatbuffer (schema version 3, file identifier
 * "TFL3"), the form the device runtimes load.
 *
 * <p>The graph is one subgraph: input tensor {@code [1, n]}, then per layer one FULLY_CONNECTED
 * operator with a constant weights tensor {@code [out, in]}, a constant bias {@code [out]} and a
 * fused RELU (hidden layers) or NONE (output layer), ending in the output tensor {@code [1,
 * outputs]}. Buffer 0 is the empty buffer that every non-constant tensor points at, as the format
 * requires; constant data is little-endian float32, 16-byte aligned like the TFLite converter's.
 *
 * <p>The operator code carries FULLY_CONNECTED (9) in both the deprecated byte field and the newer
 * int field: runtimes before TFLite 2.4 read only the byte (DJL's 2.6.2 natives take the larger of
 * the two), newer ones read the int.
 */
public final class TfliteMlpWriter {
  /** TFLite schema version written into the model. */
  public static final int SCHEMA_VERSION = 3;

  /** Flatbuffer file identifier of TFLite models. */
  public static final String FILE_IDENTIFIER = "TFL3";

  private static final int FULLY_CONNECTED_OP_VERSION = 1;
  private static final int DATA_ALIGNMENT = 16;

  private TfliteMlpWriter() {}

  /** The model as the bytes of a {@code .tflite} file. */
  public static byte[] write(Mlp mlp) {
    checkFinite(mlp);
    FlatBufferBuilder fbb = new FlatBufferBuilder(4096);
    List<Integer> buffers = new ArrayList<>();
    List<Integer> tensors = new ArrayList<>();
    List<Integer> operators = new ArrayList<>();

    buffers.add(emptyBuffer(fbb));
    int activation = tensors.size();
    tensors.add(tensor(fbb, "input", new int[] {1, mlp.inputs()}, 0));

    List<DenseLayer> layers = mlp.layers();
    for (int i = 0; i < layers.size(); i++) {
      DenseLayer layer = layers.get(i);
      boolean last = i == layers.size() - 1;

      int weightsBuffer = buffers.size();
      buffers.add(dataBuffer(fbb, flatten(layer.weights())));
      int weights = tensors.size();
      tensors.add(
          tensor(
              fbb,
              "dense_" + i + "/weights",
              new int[] {layer.outputs(), layer.inputs()},
              weightsBuffer));

      int biasBuffer = buffers.size();
      buffers.add(dataBuffer(fbb, layer.bias()));
      int bias = tensors.size();
      tensors.add(tensor(fbb, "dense_" + i + "/bias", new int[] {layer.outputs()}, biasBuffer));

      int output = tensors.size();
      String name = last ? "output" : "dense_" + i + "/output";
      tensors.add(tensor(fbb, name, new int[] {1, layer.outputs()}, 0));

      operators.add(fullyConnected(fbb, activation, weights, bias, output, layer.relu()));
      activation = output;
    }

    int subgraph = subgraph(fbb, tensors, operators, activation);
    int description = fbb.createString("smart-toaster MLP " + shape(mlp));
    int operatorCodes = Model.createOperatorCodesVector(fbb, new int[] {fullyConnectedCode(fbb)});
    int subgraphs = Model.createSubgraphsVector(fbb, new int[] {subgraph});
    int bufferVector = Model.createBuffersVector(fbb, toArray(buffers));
    Model.startModel(fbb);
    Model.addVersion(fbb, SCHEMA_VERSION);
    Model.addOperatorCodes(fbb, operatorCodes);
    Model.addSubgraphs(fbb, subgraphs);
    Model.addDescription(fbb, description);
    Model.addBuffers(fbb, bufferVector);
    int model = Model.endModel(fbb);
    fbb.finish(model, FILE_IDENTIFIER);
    return fbb.sizedByteArray();
  }

  /** Writes the model to {@code file}, replacing it atomically where the file system allows. */
  public static void write(Mlp mlp, Path file) throws IOException {
    byte[] bytes = write(mlp);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static int fullyConnectedCode(FlatBufferBuilder fbb) {
    OperatorCode.startOperatorCode(fbb);
    OperatorCode.addDeprecatedBuiltinCode(fbb, (byte) BuiltinOperator.FULLY_CONNECTED);
    OperatorCode.addBuiltinCode(fbb, BuiltinOperator.FULLY_CONNECTED);
    OperatorCode.addVersion(fbb, FULLY_CONNECTED_OP_VERSION);
    return OperatorCode.endOperatorCode(fbb);
  }

  private static int fullyConnected(
      FlatBufferBuilder fbb, int input, int weights, int bias, int output, boolean relu) {
    int options =
        FullyConnectedOptions.createFullyConnectedOptions(
            fbb,
            relu ? ActivationFunctionType.RELU : ActivationFunctionType.NONE,
            FullyConnectedOptionsWeightsFormat.DEFAULT,
            false,
            false);
    int inputs = Operator.createInputsVector(fbb, new int[] {input, weights, bias});
    int outputs = Operator.createOutputsVector(fbb, new int[] {output});
    Operator.startOperator(fbb);
    Operator.addOpcodeIndex(fbb, 0);
    Operator.addInputs(fbb, inputs);
    Operator.addOutputs(fbb, outputs);
    Operator.addBuiltinOptionsType(fbb, BuiltinOptions.FullyConnectedOptions);
    Operator.addBuiltinOptions(fbb, options);
    return Operator.endOperator(fbb);
  }

  private static int subgraph(
      FlatBufferBuilder fbb, List<Integer> tensors, List<Integer> operators, int output) {
    int tensorVector = SubGraph.createTensorsVector(fbb, toArray(tensors));
    int inputs = SubGraph.createInputsVector(fbb, new int[] {0});
    int outputs = SubGraph.createOutputsVector(fbb, new int[] {output});
    int operatorVector = SubGraph.createOperatorsVector(fbb, toArray(operators));
    int name = fbb.createString("main");
    SubGraph.startSubGraph(fbb);
    SubGraph.addTensors(fbb, tensorVector);
    SubGraph.addInputs(fbb, inputs);
    SubGraph.addOutputs(fbb, outputs);
    SubGraph.addOperators(fbb, operatorVector);
    SubGraph.addName(fbb, name);
    return SubGraph.endSubGraph(fbb);
  }

  private static int tensor(FlatBufferBuilder fbb, String name, int[] shape, int buffer) {
    int shapeVector = Tensor.createShapeVector(fbb, shape);
    int nameString = fbb.createString(name);
    Tensor.startTensor(fbb);
    Tensor.addShape(fbb, shapeVector);
    Tensor.addType(fbb, TensorType.FLOAT32);
    Tensor.addBuffer(fbb, buffer);
    Tensor.addName(fbb, nameString);
    return Tensor.endTensor(fbb);
  }

  private static int emptyBuffer(FlatBufferBuilder fbb) {
    Buffer.startBuffer(fbb);
    return Buffer.endBuffer(fbb);
  }

  private static int dataBuffer(FlatBufferBuilder fbb, float[] values) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      bytes.putFloat(v);
    }
    ByteBuffer target = fbb.createUnintializedVector(1, bytes.capacity(), DATA_ALIGNMENT);
    target.put(bytes.array());
    int data = fbb.endVector();
    return Buffer.createBuffer(fbb, data);
  }

  private static float[] flatten(float[][] rows) {
    int cols = rows[0].length;
    float[] flat = new float[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * cols, cols);
    }
    return flat;
  }

  private static void checkFinite(Mlp mlp) {
    for (int l = 0; l < mlp.layers().size(); l++) {
      DenseLayer layer = mlp.layers().get(l);
      for (int o = 0; o < layer.outputs(); o++) {
        if (!Float.isFinite(layer.bias()[o])) {
          throw new IllegalArgumentException(
              "layer " + l + " bias[" + o + "] is " + layer.bias()[o]);
        }
        for (int i = 0; i < layer.inputs(); i++) {
          if (!Float.isFinite(layer.weights()[o][i])) {
            throw new IllegalArgumentException(
                "layer " + l + " weight[" + o + "][" + i + "] is " + layer.weights()[o][i]);
          }
        }
      }
    }
  }

  private static String shape(Mlp mlp) {
    StringBuilder s = new StringBuilder().append(mlp.inputs());
    for (DenseLayer l : mlp.layers()) {
      s.append('-').append(l.outputs());
    }
    return s.toString();
  }

  private static int[] toArray(List<Integer> offsets) {
    return offsets.stream().mapToInt(Integer::intValue).toArray();
  }
}
