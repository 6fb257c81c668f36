package com.smarttoaster.predict.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smarttoaster.model.Mlp;
import com.smarttoaster.model.RandomMlp;
import com.smarttoaster.model.TfliteMlpWriter;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conformance: a network written by {@link TfliteMlpWriter} gives the same answers in the
 * plain-Java reference ({@link Mlp#forward}), in DJL's TFLite 2.6.2 and in bytedeco's TFLite 2.19,
 * within 1e-4, over 1,000 random inputs. Both runtimes have natives for linux-x86_64, so this runs
 * there.
 */
class TfliteConformanceTest {
  private static final double TOLERANCE = 1e-4;
  private static final int INPUTS = 1000;

  @BeforeAll
  static void onlyWhereBothRuntimesHaveNatives() {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux")
            && ("amd64".equals(System.getProperty("os.arch"))
                || "x86_64".equals(System.getProperty("os.arch"))),
        "DJL's TFLite natives in this build are for linux-x86_64 only");
  }

  @AfterAll
  static void nothing() {}

  @ParameterizedTest(name = "seed {0}: {1}")
  @CsvSource({
    "1, 14-32-32-1",
    "2, 14-32-32-1",
    "3, 14-32-32-1",
    "4, 14-16-1",
    "5, 3-1",
    "6, 14-64-64-32-1",
    "7, 5-8-3",
    // The shipped shape since issue 11's ensemble: eight 32-32 members as one 256-256 network.
    "8, 22-256-256-1"
  })
  void bothRuntimesAgreeWithTheJavaReferenceAndEachOther(long seed, String layers)
      throws Exception {
    Mlp mlp = RandomMlp.of(seed, sizes(layers));
    byte[] model = TfliteMlpWriter.write(mlp);
    try (TfliteRuntime djl = TfliteRuntimes.open(TfliteRuntimes.Kind.DJL, model);
        TfliteRuntime bytedeco = TfliteRuntimes.open(TfliteRuntimes.Kind.BYTEDECO, model)) {
      assertEquals(mlp.inputs(), djl.inputSize());
      assertEquals(mlp.outputs(), bytedeco.outputSize());
      Random rnd = new Random(seed * 31);
      double worst = 0;
      for (int n = 0; n < INPUTS; n++) {
        float[] x = RandomMlp.input(rnd, mlp.inputs());
        float[] ref = mlp.forward(x);
        float[] a = djl.run(x);
        float[] b = bytedeco.run(x);
        assertEquals(ref.length, a.length);
        assertEquals(ref.length, b.length);
        for (int o = 0; o < ref.length; o++) {
          String at = "input " + n + ", output " + o;
          assertEquals(ref[o], a[o], TOLERANCE, djl.name() + " vs Mlp.forward at " + at);
          assertEquals(ref[o], b[o], TOLERANCE, bytedeco.name() + " vs Mlp.forward at " + at);
          assertEquals(a[o], b[o], TOLERANCE, "DJL vs bytedeco at " + at);
          worst = Math.max(worst, Math.max(Math.abs(ref[o] - a[o]), Math.abs(ref[o] - b[o])));
        }
      }
      assertTrue(worst <= TOLERANCE, "worst difference " + worst);
    }
  }

  private static int[] sizes(String layers) {
    String[] parts = layers.split("-");
    int[] s = new int[parts.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Integer.parseInt(parts[i]);
    }
    return s;
  }
}
