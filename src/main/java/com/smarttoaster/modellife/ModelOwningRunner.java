package com.smarttoaster.modellife;

import com.smarttoaster.predict.PredictorRunner;
import java.util.concurrent.Callable;

/**
 * A runner that also owns the model it runs: when the controller switches away from the guard
 * holding it (and closes that guard's runner), the model's TFLite runtime is closed too, so a
 * device that activates models for months does not keep every one loaded. The factory model is
 * shared for the life of the process and is never handed to one of these.
 */
public final class ModelOwningRunner implements PredictorRunner {
  private final PredictorRunner inner;
  private final AutoCloseable model;

  public ModelOwningRunner(PredictorRunner inner, AutoCloseable model) {
    this.inner = inner;
    this.model = model;
  }

  @Override
  public Task start(Callable<Double> work) {
    return inner.start(work);
  }

  @Override
  public void close() {
    inner.close();
    try {
      model.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(ModelOwningRunner.class)
          .warn("Closing a model switched away from failed: {}", e.getMessage());
    }
  }
}
