package com.smarttoaster.modellife;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.cli.Main;
import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.testkit.CliRun;
import com.smarttoaster.toast.ToastMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promotion check: the segment table, a candidate worse on one segment refused, `model promote`
 * end to end.
 */
class PromotionCheckTest {
  private static final String V2 = "2027.02.20.120000-data1-train2";
  private static List<DatasetRow> test;

  @TempDir Path dir;

  @BeforeAll
  static void testSplit() {
    test = PromotionCheck.testSplit(1, 4000);
  }

  /**
   * The factory model, but 15 % longer in defrost mode: a regression on the defrost segments only.
   */
  private static ToastTimePredictor longerInDefrost() {
    ToastTimePredictor factory = ActiveModel.factory();
    return new ToastTimePredictor() {
      @Override
      public PredictorName name() {
        return PredictorName.MODEL;
      }

      @Override
      public double predictSeconds(PredictionInput in) throws Exception {
        double s = factory.predictSeconds(in);
        return in.settings().mode() == ToastMode.DEFROST ? 1.15 * s : s;
      }

      @Override
      public java.util.OptionalDouble cardCheckerBand() {
        return factory.cardCheckerBand(); // the same checker band: only defrost differs
      }

      @Override
      public java.util.OptionalDouble cardCheckerBandProgress() {
        return factory.cardCheckerBandProgress();
      }

      @Override
      public java.util.OptionalDouble cardCheckerBandAtRest() {
        return factory.cardCheckerBandAtRest();
      }

      @Override
      public java.util.OptionalDouble cardCheckerBandJustUsed() {
        return factory.cardCheckerBandJustUsed();
      }
    };
  }

  @Test
  void aCandidateWorseOnOneSegmentIsRefusedNamingIt() {
    PromotionCheck.Result r =
        PromotionCheck.compare(
            "factory",
            ActiveModel.factory(),
            "defrost-longer",
            longerInDefrost(),
            test,
            List.of(),
            PromotionCheck.DEFAULT_MARGIN_SHADE);
    assertFalse(r.passed(), r.toText());
    assertTrue(
        r.refusals().stream().anyMatch(s -> s.startsWith("segment 'frozen in defrost mode'")),
        r.toText());
    PromotionCheck.SegmentRow toast =
        r.segments().stream()
            .filter(s -> s.segment().equals("mode toast"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        toast.activeShadeMae(), toast.candidateShadeMae(), 1e-12, "toast mode is the same model");
    assertTrue(
        r.toText().contains("WORSE")
            && r.toText().startsWith("Candidate defrost-longer against active factory"),
        r.toText());
  }

  @Test
  void theSameModelPassesWithEqualErrorsEverywhere() {
    PromotionCheck.Result r =
        PromotionCheck.compare(
            "factory",
            ActiveModel.factory(),
            "same",
            ActiveModel.factory(),
            test,
            List.of(),
            PromotionCheck.DEFAULT_MARGIN_SHADE);
    assertTrue(r.passed(), r.toText());
    r.segments()
        .forEach(s -> assertEquals(s.activeShadeMae(), s.candidateShadeMae(), 1e-12, s.segment()));
    assertTrue(r.segments().size() > 10, "every segment of the test split is shown");
  }

  @Test
  void modelPromoteActivatesAPassingCandidateAndRefusesWhenThereIsNone() throws Exception {
    Path bundle = dir.resolve(V2 + ModelBundle.EXTENSION);
    Files.write(bundle, TestBundles.bundle(V2).toBytes());
    String[] device = {
      "--state-dir", dir.resolve("state").toString(), "--public-key", TestBundles.publicKeyBase64()
    };
    assertEquals(
        0,
        run("model", "install", bundle.toString(), device[0], device[1], device[2], device[3])
            .code());
    CliRun check =
        run(
            "model",
            "promote",
            "--rows",
            "500",
            "--check-only",
            device[0],
            device[1],
            device[2],
            device[3]);
    assertEquals(0, check.code(), check.err());
    assertTrue(
        check.out().contains("PASSED") && check.out().contains("Not activated (--check-only)"),
        check.out());
    CliRun promote =
        run("model", "promote", "--rows", "500", device[0], device[1], device[2], device[3]);
    assertEquals(0, promote.code(), promote.err());
    assertTrue(
        promote
            .out()
            .contains("Promoted: active model " + V2 + " (model rollback returns to factory)"),
        promote.out());
    CliRun none = run("model", "promote", device[0], device[1], device[2], device[3]);
    assertEquals(Main.EXIT_BAD_INPUT, none.code());
    assertEquals(
        "REFUSED: no candidate to promote: no installed version is newer than the active model "
            + V2
            + "; install one with `model install FILE`",
        none.err().strip());
  }

  @Test
  void theSegmentCheckAsAFleetCheckActivatesAPassingCandidateOnlyWhenItIsTheStoresCandidate()
      throws Exception {
    ModelStore store = TestBundles.storeWith(dir.resolve("state"), dir, V2);
    ModelPromotion.Check check =
        ModelPromotion.segmentCheck(store, TestBundles.publicKey(), null, 500, 0.05, 0.02);

    ModelPromotion.Outcome other =
        ModelPromotion.activateAfterPromotionCheck(store, "2027.03.01.000000-data9-train9", check);
    assertFalse(other.activated());
    assertEquals("2027.03.01.000000-data9-train9 is not the store's candidate", other.reason());

    ModelPromotion.Outcome same = ModelPromotion.activateAfterPromotionCheck(store, V2, check);
    assertTrue(same.activated(), String.valueOf(same.reason()));
    assertEquals(V2, store.active().active());
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }
}
