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

/**
 * The promotion check on a device's model store, callable from code (e.g. a fleet rollout) as from
 * {@code model promote}: the candidate ({@link ModelStore#candidate()}) against the active model
 * ({@link ActiveModel#load}), on the test split of the candidate's own training data (its card's
 * dataSeed and dataRows) and on the device's rated cycles. Changes nothing; the caller activates.
 */
public final class ModelPromotion {
  private ModelPromotion() {}

  /**
   * @param historyDb the device's history database for its rated cycles, or null for none
   * @param rows rows of the dataset to regenerate, or null for the candidate card's count
   * @param margin largest allowed increase of a segment's mean shade error
   * @param ratedMargin largest allowed increase of the mean distance from the wanted time on rated cycles
   * @throws BundleException when there is no candidate, or it or the history cannot be read
   */
  public static PromotionCheck.Result check(ModelStore store, PublicKey key, Path historyDb, Integer rows,
      double margin, double ratedMargin) throws BundleException {
    String candidate = store.candidate().orElseThrow(() -> new BundleException("no candidate to promote: no installed"
        + " version is newer than the active model " + activeName(store) + "; install one with `model install FILE`"));
    VerifiedBundle v;
    try {
      v = new BundleVerifier(key).verify(Files.readAllBytes(store.bundleFile(candidate)), candidate
          + ModelBundle.EXTENSION);
    } catch (IOException e) {
      throw new BundleException("cannot read candidate " + candidate + ": " + e.getMessage());
    }
    ActiveModel.Loaded active = ActiveModel.load(store, key);
    if (active.refusal() != null) {
      throw new BundleException(active.refusal() + "; fix the active model (model activate or rollback) before"
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
      return PromotionCheck.compare(active.pointer() + versionNote(active), active.predictor(),
          candidate, cand, PromotionCheck.testSplit(seed, n), rated, margin, ratedMargin);
    } finally {
      m.close();
      if (active.predictor() != ActiveModel.factory() && active.predictor() instanceof AutoCloseable c) {
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
