package com.smarttoaster.modellife;

import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.HistoryException;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.ToastTimePredictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a candidate (an installed, not yet active model) becomes active on the device. Two parts:
 *
 * <ul>
 *   <li>{@link #check}: the promotion check, callable from code as from {@code model promote}: the
 *       candidate ({@link ModelStore#candidate()}) against the active model ({@link
 *       ActiveModel#load}), on the test split of the candidate's own training data (its card's
 *       dataSeed and dataRows) and on the device's rated cycles. Changes nothing.
 *   <li>{@link #activateAfterPromotionCheck}: the one way a fleet offer's candidate is activated,
 *       after a {@link Check}. The fleet's offer handler uses {@link #VERIFIES_AND_LOADS} (the
 *       candidate verifies again and its network loads and runs once): the fleet's staged rollout
 *       judges quality there, on a canary's real cycles. {@link #segmentCheck} is the device-side
 *       segment comparison as a {@link Check}, for a device that must judge for itself.
 * </ul>
 */
public final class ModelPromotion {
  /** Decides whether a candidate may become active. */
  @FunctionalInterface
  public interface Check {
    /** Why {@code candidate} may not be promoted yet, or empty when it may. */
    Optional<String> refusal(String candidate);
  }

  /**
   * The floor: no refusal of its own; {@link ModelStore#activate} still verifies and loads the
   * candidate.
   */
  public static final Check VERIFIES_AND_LOADS = candidate -> Optional.empty();

  /**
   * @param activated true when {@code active} is the candidate now
   * @param active the version active after the call
   * @param reason why it was not promoted, or null
   */
  public record Outcome(boolean activated, String active, @Nullable String reason) {}

  private ModelPromotion() {}

  /**
   * Activates {@code candidate} if {@code check} has no refusal and it verifies again; otherwise
   * changes nothing.
   */
  public static Outcome activateAfterPromotionCheck(ModelStore store, String candidate, Check check)
      throws BundleException {
    Optional<String> refusal = check.refusal(candidate);
    if (refusal.isPresent()) {
      return new Outcome(false, store.active().active(), refusal.get());
    }
    ActivePointer p = store.activate(candidate);
    return new Outcome(true, p.active(), null);
  }

  /**
   * {@link #check} as a {@link Check}: refuses when the store's candidate is not {@code candidate}
   * or when the comparison refuses it (its reason), or when the comparison cannot be made.
   */
  public static Check segmentCheck(
      ModelStore store,
      PublicKey key,
      @Nullable Path historyDb,
      @Nullable Integer rows,
      double margin,
      double ratedMargin) {
    return candidate -> {
      try {
        if (!store.candidate().map(candidate::equals).orElse(false)) {
          return Optional.of(candidate + " is not the store's candidate");
        }
        PromotionCheck.Result r = check(store, key, historyDb, rows, margin, ratedMargin);
        return r.passed() ? Optional.empty() : Optional.of(String.join("; ", r.refusals()));
      } catch (BundleException e) {
        return Optional.of(e.getMessage());
      }
    };
  }

  /**
   * @param historyDb the device's history database for its rated cycles, or null for none
   * @param rows rows of the dataset to regenerate, or null for the candidate card's count
   * @param margin largest allowed increase of a segment's mean shade error
   * @param ratedMargin largest allowed increase of the mean distance from the wanted time on rated
   *     cycles
   * @throws BundleException when there is no candidate, or it or the history cannot be read
   */
  public static PromotionCheck.Result check(
      ModelStore store,
      PublicKey key,
      @Nullable Path historyDb,
      @Nullable Integer rows,
      double margin,
      double ratedMargin)
      throws BundleException {
    String candidate =
        store
            .candidate()
            .orElseThrow(
                () ->
                    new BundleException(
                        "no candidate to promote: no installed"
                            + " version is newer than the active model "
                            + activeName(store)
                            + "; install one with `model install FILE`"));
    VerifiedBundle v;
    try {
      v =
          new BundleVerifier(key)
              .verify(
                  Files.readAllBytes(store.bundleFile(candidate)),
                  candidate + ModelBundle.EXTENSION);
    } catch (IOException e) {
      throw new BundleException("cannot read candidate " + candidate + ": " + e.getMessage());
    }
    ActiveModel.Loaded active = ActiveModel.load(store, key);
    if (active.refusal() != null) {
      throw new BundleException(
          active.refusal()
              + "; fix the active model (model activate or rollback) before"
              + " comparing a candidate with it");
    }
    ToastTimePredictor cand = v.predictor();
    if (!(cand instanceof ModelPredictor m)) {
      throw new BundleException("candidate " + candidate + " did not load as a model");
    }
    long seed = m.card().dataSeed();
    int n = rows != null ? rows : (int) Math.min(Integer.MAX_VALUE, m.card().dataRows());
    List<CycleRecord> rated = List.of();
    if (historyDb != null) {
      try (HistoryDatabase db = HistoryDatabase.openExisting(historyDb)) {
        rated = db.cycles().all().stream().filter(r -> r.rating() != null).toList();
      } catch (HistoryException e) {
        throw new BundleException(e.getMessage());
      }
    }
    try {
      return PromotionCheck.compare(
          active.pointer() + versionNote(active),
          active.predictor(),
          candidate,
          cand,
          PromotionCheck.testSplit(seed, n),
          rated,
          margin,
          ratedMargin);
    } finally {
      m.close();
      if (active.predictor() != ActiveModel.factory()
          && active.predictor() instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // a model loaded for the comparison only
        }
      }
    }
  }

  /** The factory model's version beside the word factory. */
  private static String versionNote(ActiveModel.Loaded active) {
    String v = active.predictor().modelVersion();
    return ModelVersion.FACTORY.equals(active.pointer()) && v != null ? " (" + v + ")" : "";
  }

  private static String activeName(ModelStore store) {
    try {
      return store.active().active();
    } catch (BundleException e) {
      return "(unreadable)";
    }
  }
}
