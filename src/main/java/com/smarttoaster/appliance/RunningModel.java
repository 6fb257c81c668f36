package com.smarttoaster.appliance;

import com.smarttoaster.config.ModelConfig;
import com.smarttoaster.modellife.ActiveModel;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.BundleKeys;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.ModelFollower;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.predict.ThreadPredictorRunner;
import com.smarttoaster.predict.ToastTimePredictor;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model side of {@code run}: the primary the service starts with (the active installed model,
 * else the factory one, see {@link ActiveModel}) and, while it runs, a {@link ModelFollower} that
 * reads the active pointer every {@value #FOLLOW_PERIOD_S} s and hands a newly activated model to
 * the controller, which takes it between cycles. Only with the {@code model} predictor and a state
 * directory; otherwise the predictor the config names, as before.
 */
public final class RunningModel implements PiApplianceRunner.ModelSide {
  /** How often the active pointer is read, s: a human runs {@code model activate}, so seconds will do. */
  static final long FOLLOW_PERIOD_S = 2;
  private static final Logger log = LoggerFactory.getLogger(RunningModel.class);

  private final String predictorName;
  private final ModelStore store;
  private final PublicKey key;
  private ActiveModel.Loaded loaded;
  private ScheduledExecutorService thread;

  private RunningModel(String predictorName, ModelStore store, PublicKey key) {
    this.predictorName = predictorName;
    this.store = store;
    this.key = key;
  }

  /**
   * @param predictorName the config's controller.predictor
   * @param config the config's model section
   * @param stateDir the service's state directory, if any
   */
  public static RunningModel open(String predictorName, ModelConfig config, Optional<Path> stateDir) {
    PublicKey key = null;
    if (config.bundlePublicKey() != null) {
      try {
        key = BundleKeys.publicKey(config.bundlePublicKey());
      } catch (BundleException e) {
        log.warn("model.bundlePublicKey cannot be used ({}); only the factory model can run", e.getMessage());
      }
    }
    ModelStore store = !"model".equals(predictorName) || stateDir.isEmpty() ? null
        : new ModelStore(stateDir.get(), new BundleVerifier(key), ActiveModel.factoryVersion());
    return new RunningModel(predictorName, store, key);
  }

  /** The primary for the assembly (its {@code primary} function). */
  @Override
  public synchronized ToastTimePredictor primary(FallbackTimeTable table) {
    if (!"model".equals(predictorName)) {
      return Predictors.named(predictorName, table, null);
    }
    loaded = ActiveModel.load(store, key);
    log.info("Model at start: {}", loaded.note());
    return loaded.predictor();
  }

  /** Starts following the active pointer for {@code assembly}; nothing without a model store. */
  @Override
  public synchronized void follow(ToasterAssembly assembly) {
    if (store == null || loaded == null || thread != null) {
      return;
    }
    ModelFollower follower = new ModelFollower(store, key, loaded.pointer(),
        p -> assembly.offerPrimary(p, new ThreadPredictorRunner()));
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "model-follower");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(() -> {
      try {
        follower.check();
      } catch (RuntimeException e) { // escaping, it would end the schedule; the running model stays
        log.error("Following the active model failed; trying again", e);
      }
    }, FOLLOW_PERIOD_S, FOLLOW_PERIOD_S, TimeUnit.SECONDS);
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
