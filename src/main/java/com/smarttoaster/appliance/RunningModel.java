package com.smarttoaster.appliance;

import com.smarttoaster.config.ModelConfig;
import com.smarttoaster.modellife.ActiveModel;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.BundleKeys;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.CycleModelWatcher;
import com.smarttoaster.modellife.ModelBundle;
import com.smarttoaster.modellife.ModelFollower;
import com.smarttoaster.modellife.ModelOwningRunner;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.modellife.ModelVersion;
import com.smarttoaster.modellife.ShadowModel;
import com.smarttoaster.modellife.VerifiedBundle;
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
import org.jspecify.annotations.Nullable;
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
  /**
   * How often the active pointer is read, s: a human runs {@code model activate}, so seconds will
   * do.
   */
  static final long FOLLOW_PERIOD_S = 2;

  private static final Logger log = LoggerFactory.getLogger(RunningModel.class);

  private final String predictorName;

  /** Null unless the predictor is {@code model} and there is a state directory. */
  private final @Nullable ModelStore store;

  private final @Nullable PublicKey key;
  private ActiveModel.@Nullable Loaded loaded;
  private @Nullable ScheduledExecutorService thread;
  private @Nullable CycleModelWatcher watcher;
  private com.smarttoaster.hal.@Nullable Clock watchClock;
  private double watchTimeoutS;
  private volatile java.util.function.Consumer<String> refusals = reason -> {};

  /** The newest version that failed to load as a candidate, not tried again. */
  private @Nullable String refusedCandidate;

  private RunningModel(String predictorName, @Nullable ModelStore store, @Nullable PublicKey key) {
    this.predictorName = predictorName;
    this.store = store;
    this.key = key;
  }

  /**
   * @param predictorName the config's controller.predictor
   * @param config the config's model section
   * @param stateDir the service's state directory, if any
   */
  public static RunningModel open(
      String predictorName, ModelConfig config, Optional<Path> stateDir) {
    PublicKey key = null;
    if (config.bundlePublicKey() != null) {
      try {
        key = BundleKeys.publicKey(config.bundlePublicKey());
      } catch (BundleException e) {
        log.warn(
            "model.bundlePublicKey cannot be used ({}); only the factory model can run",
            e.getMessage());
      }
    }
    ModelStore store =
        !"model".equals(predictorName) || stateDir.isEmpty()
            ? null
            : new ModelStore(stateDir.get(), new BundleVerifier(key), ActiveModel.factoryVersion());
    return new RunningModel(predictorName, store, key);
  }

  /**
   * The installed models, or null when the predictor is not {@code model} or there is no state
   * directory.
   */
  public @Nullable ModelStore store() {
    return store;
  }

  /** The primary for the assembly (its {@code primary} function). */
  @Override
  public synchronized ToastTimePredictor primary(FallbackTimeTable table) {
    if (!"model".equals(predictorName)) {
      return Predictors.named(predictorName, table, null);
    }
    loaded = ActiveModel.load(store, key);
    log.info("Model at start: {}", loaded.note());
    if (watcher != null) {
      watcher.active(loaded.predictor());
    }
    return loaded.predictor();
  }

  /**
   * Closing the returned runner also closes the model loaded at start (unless it is the shared
   * factory model): the controller closes its guard when it switches to an activated model.
   */
  @Override
  public com.smarttoaster.predict.PredictorRunner startRunner(
      com.smarttoaster.predict.PredictorRunner inner) {
    return new ModelOwningRunner(
        inner,
        () -> {
          ActiveModel.Loaded start;
          synchronized (this) {
            start = loaded;
          }
          // The factory model (also what a refused one gives) is shared for the process: never
          // closed.
          if (start == null
              || start.refusal() != null
              || ModelVersion.FACTORY.equals(start.pointer())) {
            return;
          }
          if (start.predictor() instanceof AutoCloseable c) {
            c.close();
          }
        });
  }

  /** Starts following the active pointer for {@code assembly}; nothing without a model store. */
  @Override
  public synchronized void follow(ToasterAssembly assembly) {
    if (store == null || loaded == null || thread != null) {
      return;
    }
    ModelFollower follower =
        new ModelFollower(
            store,
            key,
            loaded.pointer(),
            refusal -> refusals.accept(refusal),
            p -> {
              assembly.offerPrimary(
                  p,
                  p != ActiveModel.factory() && p instanceof AutoCloseable c
                      ? new ModelOwningRunner(new ThreadPredictorRunner(), c)
                      : new ThreadPredictorRunner());
              CycleModelWatcher w = watcher;
              if (w != null) {
                w.active(p);
              }
            });
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "model-follower");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        () -> {
          try {
            follower.check();
            refreshCandidate();
          } catch (
              RuntimeException e) { // escaping, it would end the schedule; the running model stays
            log.error("Following the active model failed; trying again", e);
          }
        },
        FOLLOW_PERIOD_S,
        FOLLOW_PERIOD_S,
        TimeUnit.SECONDS);
  }

  /**
   * The watcher of the model on each cycle (for the history's monitoring fields), with the shadow
   * candidate ({@link ModelStore#candidate()}) running beside the active model; call before {@link
   * #primary}. Without a model store it still measures the checker disagreement and the envelope.
   *
   * @param clock the appliance clock the candidate's deadline is measured on
   * @param timeoutS the candidate's deadline, s (the primary's: controller.predictorTimeoutS)
   */
  public synchronized CycleModelWatcher watcher(com.smarttoaster.hal.Clock clock, double timeoutS) {
    if (watcher == null) {
      watcher = new CycleModelWatcher(new FallbackTimeTable());
      watchClock = clock;
      watchTimeoutS = timeoutS;
      if (loaded != null) {
        watcher.active(loaded.predictor());
      }
      refreshCandidate();
    }
    return watcher;
  }

  /**
   * Where refusals of the active installed model go (the remote's {@code model-refused} event): the
   * one at start, if any, at once; later ones (a switch to a model that does not verify) as they
   * come.
   */
  public synchronized void reportRefusalsTo(java.util.function.Consumer<String> sink) {
    refusals = sink;
    if (loaded != null && loaded.refusal() != null) {
      sink.accept(loaded.refusal());
    }
  }

  /**
   * The active model's card as the {@link #watcher} last saw it; null before it watched a cycle or
   * without a card.
   */
  public synchronized com.smarttoaster.model.@Nullable ModelCard activeCard() {
    CycleModelWatcher w = watcher;
    return w == null ? null : w.activeCard();
  }

  /**
   * The monitor of the model's rolling figures, the active model's card from the {@link #watcher}.
   */
  public synchronized com.smarttoaster.monitoring.ModelHealth health(
      com.smarttoaster.monitoring.HealthThresholds limits) {
    CycleModelWatcher w = watcher;
    return new com.smarttoaster.monitoring.ModelHealth(
        limits, () -> w == null ? null : w.activeCard());
  }

  /**
   * Loads a new candidate when the store's changed, drops it when there is none. Polled every few
   * seconds, so it compares versions first and verifies (which loads the model) only a version it
   * has not tried; a candidate refused once is not tried again until another version is newest.
   */
  public synchronized void refreshCandidate() {
    com.smarttoaster.hal.Clock clock = watchClock; // set together with watcher
    if (watcher == null || store == null || clock == null) {
      return;
    }
    String newest;
    try {
      newest = store.newestAboveActive().orElse(null);
    } catch (BundleException e) {
      return; // the pointer is being rewritten; next time
    }
    if (java.util.Objects.equals(newest, watcher.candidateVersion())
        || (newest != null && newest.equals(refusedCandidate))) {
      return;
    }
    if (newest == null) {
      log.info("No shadow candidate any more");
      watcher.shadow(null);
      return;
    }
    try {
      byte[] bytes = java.nio.file.Files.readAllBytes(store.bundleFile(newest));
      VerifiedBundle v = new BundleVerifier(key).verify(bytes, newest + ModelBundle.EXTENSION);
      watcher.shadow(
          new ShadowModel(
              v.predictor(), newest, new ThreadPredictorRunner(), clock, watchTimeoutS));
      log.info(
          "Shadow candidate: model {} answers beside the active model on every cycle (recorded, never used)",
          newest);
    } catch (BundleException | java.io.IOException e) {
      refusedCandidate = newest;
      log.warn("Candidate {} cannot run in shadow: {}", newest, e.getMessage());
      watcher.shadow(null);
    }
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
    }
    if (watcher != null) {
      watcher.close();
    }
  }
}
