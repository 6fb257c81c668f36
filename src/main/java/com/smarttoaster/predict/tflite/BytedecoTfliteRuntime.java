package com.smarttoaster.predict.tflite;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorByteSize;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorType;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.bytedeco.tensorflowlite.global.tensorflowlite;
import org.jspecify.annotations.Nullable;

/**
 * Runs a model in the TensorFlow Lite C++ interpreter through bytedeco's JavaCPP presets, whose
 * Maven artifacts carry linux-arm64 natives (the Pi) as well as linux-x86_64. JavaCPP extracts the
 * natives once into its cache, {@code ~/.javacpp/cache} unless {@code
 * org.bytedeco.javacpp.cachedir} says otherwise.
 *
 * <p>The model bytes are copied into native memory that lives as long as the interpreter (TFLite
 * reads the constant tensors in place). The flatbuffer verifier checks the file before the
 * interpreter is built. Built-in kernels only, without the default XNNPACK delegate: for a network
 * this small it gains nothing, and it keeps both runtimes on the same kind of kernels. One thread.
 */
public final class BytedecoTfliteRuntime implements TfliteRuntime {
  private final BytePointer modelData;
  private final FlatBufferModel flatBufferModel;
  private final BuiltinOpResolverWithoutDefaultDelegates resolver;
  private final Interpreter interpreter;
  private final FloatPointer input;
  private final FloatPointer output;
  private final TfliteModelShape shape;
  private final String name;
  private boolean closed;

  private BytedecoTfliteRuntime(
      BytePointer modelData,
      FlatBufferModel flatBufferModel,
      BuiltinOpResolverWithoutDefaultDelegates resolver,
      Interpreter interpreter,
      TfliteModelShape shape) {
    this.modelData = modelData;
    this.flatBufferModel = flatBufferModel;
    this.resolver = resolver;
    this.interpreter = interpreter;
    this.input = interpreter.typed_input_tensor_float(0);
    this.output = interpreter.typed_output_tensor_float(0);
    this.shape = shape;
    this.name = "bytedeco-tflite " + tensorflowlite.TfLiteVersion().getString();
  }

  /** Loads a model from the bytes of a {@code .tflite} file. */
  public static BytedecoTfliteRuntime load(byte[] modelBytes) throws TfliteLoadException {
    TfliteModelShape shape = TfliteModelShape.read(modelBytes);
    try {
      Loader.load(tensorflowlite.class);
    } catch (LinkageError | RuntimeException e) {
      throw new TfliteLoadException(
          "bytedeco's TFLite natives could not be loaded on "
              + Loader.getPlatform()
              + ": "
              + DjlTfliteRuntime.rootMessage(e),
          e);
    }
    BytePointer data = new BytePointer(modelBytes);
    FlatBufferModel model = FlatBufferModel.VerifyAndBuildFromBuffer(data, modelBytes.length);
    if (model == null || model.isNull()) {
      data.close();
      throw new TfliteLoadException("not a valid TFLite model: the flatbuffer verifier refused it");
    }
    BuiltinOpResolverWithoutDefaultDelegates resolver =
        new BuiltinOpResolverWithoutDefaultDelegates();
    Interpreter interpreter = new Interpreter((Pointer) null);
    String problem = build(model, resolver, interpreter, shape);
    if (problem != null) {
      interpreter.close();
      resolver.close();
      model.close();
      data.close();
      throw new TfliteLoadException("bytedeco's TFLite interpreter refused the model: " + problem);
    }
    return new BytedecoTfliteRuntime(data, model, resolver, interpreter, shape);
  }

  private static @Nullable String build(
      FlatBufferModel model,
      BuiltinOpResolverWithoutDefaultDelegates resolver,
      Interpreter interpreter,
      TfliteModelShape shape) {
    try (InterpreterBuilder builder = new InterpreterBuilder(model, resolver)) {
      builder.SetNumThreads(1);
      if (builder.apply(interpreter) != kTfLiteOk || interpreter.isNull()) {
        return "building the interpreter failed (unsupported operator or bad tensor?)";
      }
    }
    if (interpreter.AllocateTensors() != kTfLiteOk) {
      return "allocating tensors failed";
    }
    String in = checkFloatTensor(interpreter.input_tensor(0), shape.inputSize(), "input");
    return in != null
        ? in
        : checkFloatTensor(interpreter.output_tensor(0), shape.outputSize(), "output");
  }

  private static @Nullable String checkFloatTensor(TfLiteTensor t, int values, String role) {
    if (t == null || t.isNull()) {
      return "it has no " + role + " tensor";
    }
    if (TfLiteTensorType(t) != kTfLiteFloat32) {
      return role
          + " tensor type is "
          + tensorflowlite.TfLiteTypeGetName(TfLiteTensorType(t)).getString()
          + ", expected FLOAT32";
    }
    long bytes = TfLiteTensorByteSize(t);
    if (bytes != (long) values * Float.BYTES) {
      return role + " tensor holds " + bytes + " bytes, expected " + values + " floats";
    }
    return null;
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
  public synchronized float[] run(float[] in) {
    shape.requireRunnable(name, closed, in);
    input.put(in, 0, in.length);
    int status = interpreter.Invoke();
    if (status != kTfLiteOk) {
      throw new IllegalStateException(
          name + " failed to run the model: Invoke returned status " + status);
    }
    float[] out = new float[shape.outputSize()];
    output.get(out, 0, out.length);
    return out;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      interpreter.close();
      resolver.close();
      flatBufferModel.close();
      modelData.close();
    }
  }
}
