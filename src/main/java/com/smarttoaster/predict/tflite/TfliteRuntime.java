package com.smarttoaster.predict.tflite;

/**
 * One loaded {@code .tflite} model with a single float32 input {@code [1, n]} and a single float32
 * output {@code [1, m]}, ready to run. Implementations own native memory: close them.
 *
 * <p>{@link #run} is synchronized in every implementation, so a runtime may be shared, although the
 * predictor path calls it from one thread at a time anyway.
 */
public interface TfliteRuntime extends AutoCloseable {
  /** Short name of the runtime, e.g. "djl-tflite 2.6.2" or "bytedeco-tflite 2.19.0". */
  String name();

  /** Length of the input vector, n. */
  int inputSize();

  /** Length of the output vector, m. */
  int outputSize();

  /**
   * Runs the model once.
   *
   * @param input exactly {@link #inputSize()} values
   * @return {@link #outputSize()} values, a new array
   * @throws IllegalArgumentException if the input has the wrong length
   * @throws IllegalStateException if the runtime fails or has been closed
   */
  float[] run(float[] input);

  /** Releases the interpreter and its native memory; later calls to {@link #run} fail. */
  @Override
  void close();
}
