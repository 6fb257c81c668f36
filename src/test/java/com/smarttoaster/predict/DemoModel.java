package com.smarttoaster.predict;

import java.nio.file.Path;

/**
 * Writes a random, untrained but plausible model and its card into a directory, for trying the
 * model path end to end before the trained model is installed (e.g. the aarch64 smoke test's {@code
 * --demo-model}). Not a test; never commit its output.
 *
 * <pre>
 * java -cp target/test-classes:target/smart-toaster.jar com.smarttoaster.predict.DemoModel DIR [SEED]
 * </pre>
 */
public final class DemoModel {
  private DemoModel() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: DemoModel DIR [SEED]");
      System.exit(2);
    }
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    Path file = TestModels.install(TestModels.network(seed), Path.of(args[0]));
    System.out.println("wrote " + file + " and its card (random demo network, seed " + seed + ")");
  }
}
