package com.smarttoaster.train;

import com.smarttoaster.dataset.PredictorEvaluation;
import com.smarttoaster.dataset.PredictorEvaluation.Stats;
import com.smarttoaster.dataset.Segment;
import com.smarttoaster.model.ModelCard;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The metrics of a training run: the card's metrics map, its notes, and the markdown report. */
final class TrainingReport {
  /** Issue 3 §6 targets. */
  static final double TARGET_SHADE_MAE = 0.25;

  static final double TARGET_SHADE_P95 = 0.6;
  static final double TARGET_GAP_TO_ORACLE = 0.1;
  static final double TARGET_FIXED_TIMER_RATIO = 0.5;

  /** Segments whose figures also go into the card, with the short key used there. */
  private static final Map<String, String> KEY_SEGMENTS = new LinkedHashMap<>();

  static {
    KEY_SEGMENTS.put("Cold", "cold toaster");
    KEY_SEGMENTS.put("Warm", "warm toaster (chamber > ambient + 10 °C)");
    KEY_SEGMENTS.put("SecondBatch", "second batch (≤ 300 s since the last cycle)");
    KEY_SEGMENTS.put("Frozen", Segment.FROZEN_DEFROST);
    KEY_SEGMENTS.put("FrozenInToast", "frozen in toast/bagel mode (defrost forgotten)");
    KEY_SEGMENTS.put("RoomInDefrost", "room bread in defrost mode");
    KEY_SEGMENTS.put("LowMains", "low mains (< 215 V of 230, < 112 V of 120)");
    KEY_SEGMENTS.put("MainsDeviation", "mains deviation (actual off the configured by > 2 %)");
    KEY_SEGMENTS.put("Mains120", "120 V appliance");
    KEY_SEGMENTS.put("Fridge", "fridge bread in toast/bagel mode (hidden)");
  }

  private TrainingReport() {}

  static Map<String, Double> metrics(
      PredictorEvaluation eval,
      DjlMlpTrainer.Result result,
      int trainRows,
      int validationRows,
      double trainSeconds,
      double parityS) {
    Map<String, Double> m = new LinkedHashMap<>();
    Stats model = eval.stats("model");
    Stats fixed = eval.stats("fixed-timer");
    Stats fallback = eval.stats("fallback");
    Stats oracle = eval.stats(PredictorEvaluation.ORACLE);
    m.put("maeS", model.maeS());
    m.put("p95AbsErrS", model.p95AbsErrS());
    m.put("shadeMae", model.shadeMae());
    m.put("shadeP95", model.shadeP95());
    Stats start = eval.stats(TrainCommand.MODEL_START);
    m.put("startOnlyShadeMae", start.shadeMae());
    m.put("startOnlyShadeP95", start.shadeP95());
    m.put("startOnlyMaeS", start.maeS());
    m.put("fixedTimerShadeMae", fixed.shadeMae());
    m.put("fixedTimerShadeP95", fixed.shadeP95());
    m.put("fixedTimerMaeS", fixed.maeS());
    m.put("fallbackShadeMae", fallback.shadeMae());
    m.put("fallbackShadeP95", fallback.shadeP95());
    m.put("fallbackMaeS", fallback.maeS());
    m.put("oracleShadeMae", oracle.shadeMae());
    m.put("oracleShadeP95", oracle.shadeP95());
    Stats nominal = eval.stats(TrainCommand.NOMINAL_ORACLE);
    m.put("nominalBreadOracleShadeMae", nominal.shadeMae());
    m.put("nominalBreadOracleShadeP95", nominal.shadeP95());
    for (Map.Entry<String, String> e : KEY_SEGMENTS.entrySet()) {
      Segment seg = segment(e.getValue());
      m.put("shadeMae" + e.getKey(), eval.stats("model", seg).shadeMae());
      m.put("startOnlyShadeMae" + e.getKey(), eval.stats(TrainCommand.MODEL_START, seg).shadeMae());
      m.put("fixedTimerShadeMae" + e.getKey(), eval.stats("fixed-timer", seg).shadeMae());
      m.put("fallbackShadeMae" + e.getKey(), eval.stats("fallback", seg).shadeMae());
    }
    m.put("testRows", (double) model.n());
    m.put("trainRows", (double) trainRows);
    m.put("validationRows", (double) validationRows);
    m.put("epochs", (double) result.epochsRun());
    m.put("bestEpoch", (double) result.bestEpoch());
    m.put("validationLoss", result.bestValLoss());
    m.put("trainSeconds", Math.round(trainSeconds * 10) / 10.0);
    m.put("mlpVsDjlMaxAbsDiffS", parityS);
    return m;
  }

  static String notes(
      DjlMlpTrainer.Settings s, DjlMlpTrainer.Result r, int rows, String generatorVersion) {
    return String.format(
        Locale.ROOT,
        "MLP %d→%s→1 (ReLU)%s, trained with DJL 0.27.0 on PyTorch 2.1.1 (CPU, 1 thread): %s loss on the "
            + "standardised log of seconds, Adam lr %.4g halved after %d epochs without improvement, batch %d, "
            + "early stopping (patience %d); %d epochs, best %d kept; seed %d. Dataset: %d simulated rows, "
            + "generator version %s, split 80/10/10 by row-seed hash; features standardised with the train "
            + "split's mean/std. Metrics are on the test split, replayed on the simulator with the true bread "
            + "temperature. The bread's start temperature is not observable: frozen bread spans −25…−12 °C "
            + "and toast-mode bread comes from the fridge (5 %%) or the freezer (10 %%), which no predictor seeing only these "
            + "features can tell apart at the start; frozen bread in toast mode, a toaster warm from earlier "
            + "cycles and a supply off its configured voltage show in the chamber's rise over the first 30 and 60 s, "
            + "which the same network reads for the two re-predictions (progressKnown = 1, then "
            + "lateProgressKnown = 1 as well). Card ranges: the "
            + "sampling envelope; chamberStartC and the rises: the range the simulated histories produced. "
            + "See the metrics report for the per-segment table.",
        r.mlp().inputs(),
        join(s.hidden()),
        members(s),
        s.loss().toUpperCase(Locale.ROOT),
        s.learningRate(),
        s.lrPatience(),
        s.batchSize(),
        s.patience(),
        r.epochsRun(),
        r.bestEpoch(),
        s.seed(),
        rows,
        generatorVersion);
  }

  static String markdown(
      ModelCard card, PredictorEvaluation eval, DjlMlpTrainer.Result r, DjlMlpTrainer.Settings s) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Toasting-time model: test metrics\n\n");
    sb.append("Model ")
        .append(card.modelVersion())
        .append(", trained ")
        .append(card.created())
        .append("; data SHA-256 `")
        .append(card.dataSha256())
        .append("` (")
        .append(card.dataRows())
        .append(" rows, seed ")
        .append(card.dataSeed())
        .append(").\n\n");
    sb.append(
        "Each test row is replayed on the simulator from its true toaster state (earlier cycles, actual "
            + "mains, bread temperature; `BackToBackCycles.shadeAfter`) with each predictor's time; the error is "
            + "|achieved − target shade|. `model` is what the controller does: the start prediction and, when "
            + "that is over 40 s, the re-prediction from the chamber's rise at 10/20/30 s (at least 31 s) and, "
            + "when the cycle still heats at 60 s, the second from the rises at 10–60 s (at least 61 s); `"
            + TrainCommand.MODEL_START
            + "` is the start prediction alone. `oracle` is the simulator's own best time "
            + "(the label). `"
            + TrainCommand.NOMINAL_ORACLE
            + "` is the simulator's best time from the true "
            + "toaster state with a nominal bread temperature (ambient in toast/bagel mode, −18.5 °C in defrost): "
            + "its error is what the hidden bread temperature alone costs. The model, the fixed timer and the "
            + "fallback table see only `PredictionInput`.\n\n");
    sb.append("## Targets (issue 3 §6)\n\n");
    Stats model = eval.stats("model");
    Stats fixed = eval.stats("fixed-timer");
    Stats oracle = eval.stats(PredictorEvaluation.ORACLE);
    sb.append("| target | value | met |\n|---|---|---|\n");
    check(
        sb,
        "shade error mean ≤ " + TARGET_SHADE_MAE,
        model.shadeMae(),
        model.shadeMae() <= TARGET_SHADE_MAE);
    check(
        sb,
        "shade error p95 ≤ " + TARGET_SHADE_P95,
        model.shadeP95(),
        model.shadeP95() <= TARGET_SHADE_P95);
    double gap = model.shadeMae() - oracle.shadeMae();
    check(
        sb,
        "mean within " + TARGET_GAP_TO_ORACLE + " of the oracle's (" + fmt(oracle.shadeMae()) + ")",
        gap,
        gap <= TARGET_GAP_TO_ORACLE);
    Stats nominal = eval.stats(TrainCommand.NOMINAL_ORACLE);
    double floorGap = model.shadeMae() - nominal.shadeMae();
    check(
        sb,
        "mean within "
            + TARGET_GAP_TO_ORACLE
            + " of the nominal-bread oracle's ("
            + fmt(nominal.shadeMae())
            + "), the floor without the bread temperature",
        floorGap,
        floorGap <= TARGET_GAP_TO_ORACLE);
    double ratio = model.shadeMae() / fixed.shadeMae();
    check(
        sb,
        "at most half the fixed timer's mean error (" + fmt(fixed.shadeMae()) + ")",
        ratio,
        ratio <= TARGET_FIXED_TIMER_RATIO);
    for (Map.Entry<String, String> e : KEY_SEGMENTS.entrySet()) {
      Segment seg = segment(e.getValue());
      double rs = eval.stats("model", seg).shadeMae() / eval.stats("fixed-timer", seg).shadeMae();
      sb.append("| model / fixed timer, ")
          .append(seg.name())
          .append(" | ")
          .append(fmt(rs))
          .append(" | |\n");
    }
    sb.append("\n## Per segment\n\n");
    sb.append(eval.toMarkdown());
    sb.append("\n## Training\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "- network: %d → %s → 1, ReLU%s; %d parameters as written (block-diagonal zeros"
                + " included)%n",
            r.mlp().inputs(),
            join(s.hidden()),
            members(s),
            parameters(r)));
    sb.append(
        String.format(
            Locale.ROOT,
            "- loss: %s on the standardised log time; epochs: %d run, best %d kept (validation loss"
                + " %.6f; the members alone %.6f on average)%n",
            s.loss().toUpperCase(Locale.ROOT),
            r.epochsRun(),
            r.bestEpoch(),
            r.bestValLoss(),
            DjlMlpTrainer.mean(r.memberValLosses())));
    sb.append(
        String.format(
            Locale.ROOT,
            "- test time error: mean %.3f s, p95 %.3f s%n",
            model.maeS(),
            model.p95AbsErrS()));
    sb.append(
        String.format(
            Locale.ROOT,
            "- training time: %.1f s (2-core x86_64, PyTorch on 1 thread)%n",
            card.metrics().get("trainSeconds")));
    sb.append(
        String.format(
            Locale.ROOT,
            "- Mlp.forward vs DJL on the test set: max |diff| %.2e s%n",
            card.metrics().get("mlpVsDjlMaxAbsDiffS")));
    sb.append("\n## Notes\n\n").append(card.notes()).append('\n');
    return sb.toString();
  }

  static String summary(PredictorEvaluation eval) {
    StringBuilder sb = new StringBuilder();
    for (String p : eval.predictors()) {
      Stats st = eval.stats(p);
      sb.append(
          String.format(
              Locale.ROOT,
              "%-12s shade err mean %.3f p95 %.3f   time err mean %.2f s p95 %.2f s%n",
              p,
              st.shadeMae(),
              st.shadeP95(),
              st.maeS(),
              st.p95AbsErrS()));
    }
    return sb.toString();
  }

  private static void check(StringBuilder sb, String what, double v, boolean ok) {
    sb.append("| ")
        .append(what)
        .append(" | ")
        .append(fmt(v))
        .append(" | ")
        .append(ok ? "yes" : "**no**")
        .append(" |\n");
  }

  private static Segment segment(String name) {
    return Segment.named(name);
  }

  private static int parameters(DjlMlpTrainer.Result r) {
    return r.mlp().layers().stream().mapToInt(l -> l.outputs() * (l.inputs() + 1)).sum();
  }

  /** How the ensemble reads in the notes: nothing for one network. */
  private static String members(DjlMlpTrainer.Settings s) {
    return s.members() == 1
        ? ""
        : String.format(
            Locale.ROOT,
            " × %d members averaged (seeds' own initial weights, the same batches), written as one"
                + " %d-wide block-diagonal MLP",
            s.members(),
            s.members() * s.hidden()[0]);
  }

  private static String join(int[] hidden) {
    return String.join(
        "→", Arrays.stream(hidden).mapToObj(Integer::toString).toArray(String[]::new));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
