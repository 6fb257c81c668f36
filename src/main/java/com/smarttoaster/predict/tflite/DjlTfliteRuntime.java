package com.smarttoaster.predict.tflite;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.io.ByteArrayInputStream;

/**
 * Runs a model in DJL's TensorFlow Lite engine (natives 2.6.2 from the {@code tflite-native-cpu}
 * artifact; DJL extracts them once into its engine cache, {@code ~/.djl.ai/tflite} unless {@code
 * ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR} says otherwise). DJL is put into offline mode ({@code
 * ai.djl.offline=true}) unless the property is already set, so it never tries to download natives;
 * on a platform without natives in the jar (linux-aarch64) loading fails with a message.
 */
public final class DjlTfliteRuntime implements TfliteRuntime {
  /** DJL's name of the TFLite engine. */
  public static final String ENGINE = "TFLite";

  static final String OFFLINE_PROPERTY = "ai.djl.offline";

  private final Model model;
  private final Predictor<float[], float[]> predictor;
  private final TfliteModelShape shape;
  private final String name;
  private boolean closed;

  private DjlTfliteRuntime(
      Model model, Predictor<float[], float[]> predictor, TfliteModelShape shape, String name) {
    this.model = model;
    this.predictor = predictor;
    this.shape = shape;
    this.name = name;
  }

  /** Loads a model from the bytes of a {@code .tflite} file. */
  public static DjlTfliteRuntime load(byte[] modelBytes) throws TfliteLoadException {
    TfliteModelShape shape = TfliteModelShape.read(modelBytes);
    goOffline();
    Model model = null;
    try {
      Engine engine = Engine.getEngine(ENGINE);
      model = Model.newInstance("toast-time", ENGINE);
      model.load(new ByteArrayInputStream(modelBytes));
      Predictor<float[], float[]> predictor =
          model.newPredictor(new VectorTranslator(shape.inputSize()));
      return new DjlTfliteRuntime(model, predictor, shape, "djl-tflite " + nativeVersion(engine));
    } catch (Exception | LinkageError e) {
      if (model != null) {
        model.close();
      }
      String arch = System.getProperty("os.arch");
      String hint =
          "amd64".equals(arch) || "x86_64".equals(arch)
              ? ""
              : " (this build carries DJL's TFLite natives for linux-x86_64 only; "
                  + TfliteRuntimes.PROPERTY
                  + "=bytedeco runs the model elsewhere)";
      throw new TfliteLoadException(
          "DJL's TFLite engine could not load the model on "
              + System.getProperty("os.name")
              + " "
              + arch
              + ": "
              + rootMessage(e)
              + hint,
          e);
    }
  }

  /**
   * The version of the loaded natives (DJL's own getVersion() names the Java API it bundles,
   * 2.4.1).
   */
  private static String nativeVersion(Engine engine) {
    try {
      return org.tensorflow.lite.TensorFlowLite.runtimeVersion();
    } catch (RuntimeException | LinkageError e) {
      return engine.getVersion();
    }
  }

  /** Sets {@code ai.djl.offline=true} unless it is set already; must run before DJL reads it. */
  static void goOffline() {
    if (System.getProperty(OFFLINE_PROPERTY) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int inputSize() {
    return shape.inputSize();
  }

  @Override
  public int outputSize() {
    return shape.outputSize();
  }

  @Override
  public synchronized float[] run(float[] input) {
    shape.requireRunnable(name, closed, input);
    try {
      return predictor.predict(input);
    } catch (TranslateException | RuntimeException e) {
      throw new IllegalStateException(name + " failed to run the model: " + rootMessage(e), e);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      predictor.close();
      model.close();
    }
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return msg == null ? root.getClass().getSimpleName() : msg;
  }

  /**
   * float[] in, float[] out: the input becomes one {@code [1, n]} array, the single output is read
   * back.
   */
  private static final class VectorTranslator implements NoBatchifyTranslator<float[], float[]> {
    private final Shape shape;

    VectorTranslator(int inputs) {
      this.shape = new Shape(1, inputs);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) {
      return new NDList(ctx.getNDManager().create(input, shape));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
      return list.singletonOrThrow().toFloatArray();
    }
  }
}
