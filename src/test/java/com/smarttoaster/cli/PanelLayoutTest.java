package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import org.junit.jupiter.api.Test;

/** The run panel's status line in an 80-column terminal: every phase, setting and fault fits. */
class PanelLayoutTest {
  private static SafetyStatus status(double chamberC, boolean heat, Fault fault) {
    return new SafetyStatus(
        heat,
        heat,
        new TemperatureReading(chamberC, 21.0, com.smarttoaster.hal.ThermocoupleFault.NONE, 0),
        0,
        fault);
  }

  @Test
  void everyCombinationFitsIn79Columns() {
    Prediction longest = new Prediction(285, PredictorName.MODEL, null);
    int checked = 0;
    for (CyclePhase phase : CyclePhase.values()) {
      for (BreadType bread : BreadType.values()) {
        for (ToastMode mode : ToastMode.values()) {
          ToastSettings s = new ToastSettings(7, bread, 35, 2, mode);
          for (FaultCode code : FaultCode.values()) {
            for (double c : new double[] {-40, 21, 499.9}) {
              ControllerSnapshot snap = new ControllerSnapshot(phase, s, longest, 0.4, true);
              Fault fault = phase == CyclePhase.FAULT ? new Fault(code, "m", c, 280, 0) : null;
              String line = TerminalPanel.statusText(snap, status(c, true, fault));
              assertTrue(line.length() <= 79, line.length() + ": " + line);
              checked++;
            }
          }
        }
      }
    }
    assertTrue(checked > 1000);
  }

  @Test
  void toastingShowsTheBarSizedByThePredictionAndTheSettingsInForce() {
    ControllerSnapshot snap =
        new ControllerSnapshot(
            CyclePhase.TOASTING,
            new ToastSettings(5, BreadType.WHITE, 12, 2, ToastMode.TOAST),
            new Prediction(108, PredictorName.MODEL, null),
            54,
            false);
    assertEquals(
        "toasting  [####----]  54/108s  shade 5 white      2x12mm toast   156°C HEAT",
        TerminalPanel.statusText(snap, status(156.2, true, null)));
  }

  @Test
  void aFaultShowsItsCode() {
    ControllerSnapshot snap =
        new ControllerSnapshot(
            CyclePhase.FAULT,
            new ToastSettings(5, BreadType.WHITE, 12, 2, ToastMode.TOAST),
            new Prediction(108, PredictorName.MODEL, null),
            0,
            false);
    String line =
        TerminalPanel.statusText(
            snap, status(290, false, new Fault(FaultCode.OVER_TEMPERATURE, "m", 290, 280, 0)));
    assertTrue(line.startsWith("fault     OVER_TEMPERATURE "), line);
  }
}
