package com.smarttoaster.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

/**
 * The written flatbuffer, read back with the schema classes: structure, both op-code fields, data.
 */
class TfliteMlpWriterTest {
  private final Mlp mlp = RandomMlp.of(3, 14, 32, 32, 1);
  private final byte[] bytes = TfliteMlpWriter.write(mlp);
  private final Model model = Model.getRootAsModel(ByteBuffer.wrap(bytes));

  @Test
  void theFileIsATfl3FlatbufferOfSchemaVersion3() {
    assertTrue(
        Model.ModelBufferHasIdentifier(ByteBuffer.wrap(bytes)), "file identifier must be TFL3");
    assertEquals("TFL3", new String(bytes, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(3, model.version());
    assertEquals(1, model.subgraphsLength());
  }

  @Test
  void theOperatorCodeSetsBothTheDeprecatedByteAndTheNewIntField() {
    assertEquals(1, model.operatorCodesLength(), "one operator code: FULLY_CONNECTED");
    OperatorCode code = model.operatorCodes(0);
    assertEquals(
        BuiltinOperator.FULLY_CONNECTED,
        code.deprecatedBuiltinCode(),
        "old runtimes read this byte");
    assertEquals(BuiltinOperator.FULLY_CONNECTED, code.builtinCode(), "new runtimes read this int");
    assertEquals(1, code.version());
  }

  @Test
  void oneFullyConnectedOperatorPerLayerWithReluOnHiddenLayersOnly() {
    SubGraph g = model.subgraphs(0);
    assertEquals(3, g.operatorsLength());
    byte[] expected = {
      ActivationFunctionType.RELU, ActivationFunctionType.RELU, ActivationFunctionType.NONE
    };
    for (int i = 0; i < 3; i++) {
      Operator op = g.operators(i);
      assertEquals(0, op.opcodeIndex());
      assertEquals(BuiltinOptions.FullyConnectedOptions, op.builtinOptionsType());
      FullyConnectedOptions o =
          (FullyConnectedOptions) op.builtinOptions(new FullyConnectedOptions());
      assertEquals(expected[i], o.fusedActivationFunction(), "activation of layer " + i);
      assertEquals(3, op.inputsLength(), "input, weights, bias");
    }
  }

  @Test
  void tensorsHaveTheShapesOfTheNetworkAndHoldItsWeights() {
    SubGraph g = model.subgraphs(0);
    assertArrayEquals(new int[] {1, 14}, shape(g.tensors(g.inputs(0))));
    assertArrayEquals(new int[] {1, 1}, shape(g.tensors(g.outputs(0))));
    for (int l = 0; l < mlp.layers().size(); l++) {
      DenseLayer layer = mlp.layers().get(l);
      Operator op = g.operators(l);
      Tensor w = g.tensors(op.inputs(1));
      Tensor b = g.tensors(op.inputs(2));
      assertEquals(TensorType.FLOAT32, w.type());
      assertArrayEquals(
          new int[] {layer.outputs(), layer.inputs()}, shape(w), "weights are [out, in]");
      assertArrayEquals(new int[] {layer.outputs()}, shape(b));
      float[] data = floats(model.buffers((int) w.buffer()));
      for (int o = 0; o < layer.outputs(); o++) {
        for (int i = 0; i < layer.inputs(); i++) {
          assertEquals(
              layer.weights()[o][i],
              data[o * layer.inputs() + i],
              "layer " + l + " w[" + o + "][" + i + "]");
        }
      }
      assertArrayEquals(
          layer.bias(), floats(model.buffers((int) b.buffer())), "layer " + l + " bias");
    }
  }

  @Test
  void bufferZeroIsEmptyAndEveryActivationTensorUsesIt() {
    assertEquals(0, model.buffers(0).dataLength());
    SubGraph g = model.subgraphs(0);
    assertEquals(0, g.tensors(g.inputs(0)).buffer());
    for (int i = 0; i < g.operatorsLength(); i++) {
      assertEquals(0, g.tensors(g.operators(i).outputs(0)).buffer(), "activation of layer " + i);
    }
  }

  @Test
  void constantDataIsSixteenByteAligned() {
    for (int i = 1; i < model.buffersLength(); i++) {
      ByteBuffer data = model.buffers(i).dataAsByteBuffer();
      assertEquals(0, data.position() % 16, "buffer " + i + " starts at byte " + data.position());
    }
  }

  @Test
  void writingToAFileWritesTheSameBytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/m.tflite");
    TfliteMlpWriter.write(mlp, file);
    assertArrayEquals(bytes, Files.readAllBytes(file));
    assertEquals(
        List.of(file), Files.list(file.getParent()).toList(), "no temporary file left behind");
  }

  @Test
  void aNetworkWithANanWeightIsRefused() {
    Mlp bad = RandomMlp.of(1, 2, 2, 1);
    bad.layers().get(1).weights()[0][1] = Float.NaN;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TfliteMlpWriter.write(bad));
    assertEquals("layer 1 weight[0][1] is NaN", e.getMessage());
  }

  @Test
  void theSameNetworkAlwaysGivesTheSameBytes() {
    assertArrayEquals(bytes, TfliteMlpWriter.write(RandomMlp.of(3, 14, 32, 32, 1)));
  }

  private static int[] shape(Tensor t) {
    int[] s = new int[t.shapeLength()];
    for (int i = 0; i < s.length; i++) {
      s[i] = t.shape(i);
    }
    return s;
  }

  private static float[] floats(Buffer b) {
    ByteBuffer bb = b.dataAsByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
    float[] f = new float[bb.remaining() / 4];
    bb.asFloatBuffer().get(f);
    return f;
  }
}
