package com.smarttoaster.config;

import static com.smarttoaster.input.NumberRange.closed;

import com.smarttoaster.input.Choices;
import com.smarttoaster.input.NumberRange;
import com.smarttoaster.input.ObjectFields;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.List;
import java.util.Map;

/**
 * The {@code controller} section; every option is optional with {@link
 * ControllerConfig#defaults()}.
 */
final class ControllerSection {
  static final NumberRange TICK_S = closed(0.01, 0.2, "s");
  static final NumberRange PREDICTOR_TIMEOUT_S = closed(0.05, 5, "s");
  static final NumberRange THICKNESS_MM = closed(3, 60, "mm");
  static final NumberRange REMOTE_ARM_EXPIRY_S = closed(60, 7200, "s");

  static final List<String> OPTIONS =
      List.of(
          "tickS",
          "predictor",
          "predictorTimeoutS",
          "defaultShade",
          "defaultBread",
          "defaultThicknessMm",
          "defaultSlices",
          "defaultMode",
          "remoteStartEnabled",
          "remoteArmExpiryS");

  private static final Map<String, String> REFUSED_PREDICTORS =
      Map.of(
          "oracle",
          "the oracle reads the simulator's hidden state and exists only for evaluation with"
              + " 'simulate --predictor oracle'; a device cannot use it");

  private ControllerSection() {}

  static ControllerConfig read(ObjectFields f) {
    ControllerConfig d = ControllerConfig.defaults();
    return new ControllerConfig(
        f.decimal("tickS", TICK_S).orElse(d.tickS()),
        f.choice(
                "predictor",
                false,
                Choices.byId(PredictorChoice.values(), PredictorChoice::id),
                REFUSED_PREDICTORS)
            .orElse(d.predictor()),
        f.decimal("predictorTimeoutS", PREDICTOR_TIMEOUT_S).orElse(d.predictorTimeoutS()),
        (int) f.integer("defaultShade", 1, 7).orElse(d.defaultShade()),
        f.choice("defaultBread", false, Choices.byId(BreadType.values(), BreadType::id))
            .orElse(d.defaultBread()),
        f.decimal("defaultThicknessMm", THICKNESS_MM).orElse(d.defaultThicknessMm()),
        (int) f.integer("defaultSlices", 1, 2).orElse(d.defaultSlices()),
        f.choice("defaultMode", false, Choices.byId(ToastMode.values(), ToastMode::id))
            .orElse(d.defaultMode()),
        f.bool("remoteStartEnabled", false).orElse(d.remoteStartEnabled()),
        f.decimal("remoteArmExpiryS", REMOTE_ARM_EXPIRY_S).orElse(d.remoteArmExpiryS()));
  }
}
