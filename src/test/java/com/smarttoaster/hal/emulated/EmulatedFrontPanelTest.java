package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.pi.FrontPanel;
import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.hal.pi.ShadeKnobWiring;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hands on the emulated panel: bouncing buttons and lever, the encoder turned by detents, all read
 * by the real FrontPanel scan. Run with the simulation's 10 ms scan and with a 1 ms scan, which
 * samples the contact bounce itself (the debounce must still give one event per press).
 */
class EmulatedFrontPanelTest {
  private final SimClock clock = new SimClock();
  private final SimulatedAppliance world =
      new SimulatedAppliance(ApplianceConditions.typical(), 3, clock);
  private final List<UserEvent> events = new ArrayList<>();
  private EmulatedPiAppliance pi;
  private long scanNanos;

  private void build(long scanNanos, int stepsPerDetent) throws Exception {
    PiConfig w = EmulatedPiApplianceTest.wiring(ThermocoupleInterface.SPI);
    if (stepsPerDetent != w.shadeKnob().encoderStepsPerDetent()) {
      w =
          w.with(
              new ShadeKnobWiring(
                  w.shadeKnob().encoderAPin(), w.shadeKnob().encoderBPin(), stepsPerDetent));
    }
    build(scanNanos, w);
  }

  private void build(long scanNanos, PiConfig w) throws Exception {
    this.scanNanos = scanNanos;
    pi = new EmulatedPiAppliance(w, true, world, clock, EmulatedToaster.SETTINGS);
    pi.ports().controls().onEvent(events::add);
  }

  @AfterEach
  void close() {
    pi.close();
  }

  private void run(double s) {
    for (long i = Math.round(s * 1e9 / scanNanos); i > 0; i--) {
      pi.scanSoftware();
      pi.step(scanNanos / 1e9);
      clock.advance(scanNanos);
    }
  }

  /** Events of one kind, in order. */
  private <T extends UserEvent> List<T> of(Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  @ParameterizedTest(name = "scan every {0} ns")
  @ValueSource(longs = {10_000_000L, 1_000_000L})
  void eachButtonPressIsOneEventAfterTheDebounce(long scan) throws Exception {
    build(scan, 4);
    pi.press(new UserEvent.CancelPressed());
    run(0.019);
    assertEquals(List.of(), events, "nothing before the 20 ms debounce");
    run(0.5);
    assertEquals(List.of(new UserEvent.CancelPressed()), events);
    pi.press(new UserEvent.RemoteArmPressed());
    pi.press(new UserEvent.ModeSelected(ToastMode.BAGEL));
    pi.press(new UserEvent.ModeSelected(ToastMode.DEFROST));
    pi.press(new UserEvent.ModeSelected(ToastMode.TOAST));
    run(2.0);
    assertEquals(
        List.of(
            new UserEvent.CancelPressed(),
            new UserEvent.RemoteArmPressed(),
            new UserEvent.ModeSelected(ToastMode.BAGEL),
            new UserEvent.ModeSelected(ToastMode.DEFROST),
            new UserEvent.ModeSelected(ToastMode.TOAST)),
        events,
        "toast = the selected mode's button again");
  }

  @ParameterizedTest(name = "scan every {0} ns")
  @ValueSource(longs = {10_000_000L, 1_000_000L})
  void resetIsHeldLongEnoughAndGivesOneEvent(long scan) throws Exception {
    build(scan, 4);
    pi.press(new UserEvent.ResetHeld());
    run(FrontPanel.RESET_HOLD_S - 0.05);
    assertEquals(List.of(), events, "not before " + FrontPanel.RESET_HOLD_S + " s");
    run(2.0);
    assertEquals(List.of(new UserEvent.ResetHeld()), events);
  }

  @ParameterizedTest(name = "scan every {0} ns")
  @ValueSource(longs = {10_000_000L, 1_000_000L})
  void theLeverFollowsTheCarriageWithOneEventEachWay(long scan) throws Exception {
    build(scan, 4);
    pi.pushLever();
    run(1.0); // no magnet holds it: it springs back after the push
    assertEquals(List.of(new UserEvent.LeverDown(), new UserEvent.LeverUp()), events);
  }

  @ParameterizedTest(name = "{0} steps per detent")
  @ValueSource(ints = {4, 2, 1})
  void theKnobTurnsByTheDetentsBetweenTheShownAndTheWantedShade(int stepsPerDetent)
      throws Exception {
    build(10_000_000L, stepsPerDetent);
    pi.press(new UserEvent.ShadeChanged(7));
    pi.press(new UserEvent.ShadeChanged(2));
    run(3.0);
    assertEquals(
        List.of(5, 6, 7, 6, 5, 4, 3, 2),
        of(UserEvent.ShadeChanged.class).stream().map(UserEvent.ShadeChanged::shade).toList());
    assertEquals(2, pi.piAppliance().controls().shade());
  }

  @ParameterizedTest(name = "scan every {0} ns")
  @ValueSource(longs = {10_000_000L, 1_000_000L})
  void breadHasNoInputAndGoesStraightToThePanelsListener(long scan) throws Exception {
    build(scan, 4);
    pi.press(new UserEvent.BreadSelected(BreadType.RYE));
    assertEquals(List.of(new UserEvent.BreadSelected(BreadType.RYE)), events);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> pi.piAppliance().controls().deliverWithoutInput(new UserEvent.CancelPressed()));
    assertTrue(e.getMessage().contains("own inputs"), e.getMessage());
  }

  @ParameterizedTest(name = "scan every {0} ns")
  @ValueSource(longs = {10_000_000L, 1_000_000L})
  void withBreadAndSlicesButtonsTheHandPressesThemAndHoldsBreadToTurnTheThickness(long scan)
      throws Exception {
    build(scan, withBreadAndSlicesButtons());
    pi.press(new UserEvent.BreadSelected(BreadType.RYE));
    pi.press(new UserEvent.SliceSizeSet(12.0, 1));
    pi.press(new UserEvent.SliceSizeSet(15.0, 1));
    run(1.0);
    assertEquals(
        List.of(BreadType.WHOLEGRAIN, BreadType.SOURDOUGH, BreadType.RYE),
        of(UserEvent.BreadSelected.class).stream().map(UserEvent.BreadSelected::bread).toList(),
        "three presses");
    run(5.0);
    assertEquals(
        List.of(
            new UserEvent.SliceSizeSet(12.0, 1),
            new UserEvent.SliceSizeSet(13.0, 1),
            new UserEvent.SliceSizeSet(14.0, 1),
            new UserEvent.SliceSizeSet(15.0, 1)),
        of(UserEvent.SliceSizeSet.class));
    assertEquals(
        List.of(),
        of(UserEvent.ShadeChanged.class),
        "the held bread button made the knob the thickness");
    assertEquals(
        List.of(BreadType.WHOLEGRAIN, BreadType.SOURDOUGH, BreadType.RYE),
        of(UserEvent.BreadSelected.class).stream().map(UserEvent.BreadSelected::bread).toList(),
        "the hold chose none");
    assertEquals(15.0, pi.piAppliance().controls().thicknessMm());

    pi.press(
        new UserEvent.SliceSizeSet(
            12.5, 2)); // no whole mm: the knob cannot set it, so it is delivered
    assertEquals(new UserEvent.SliceSizeSet(12.5, 2), events.get(events.size() - 1));
  }

  private static PiConfig withBreadAndSlicesButtons() {
    PiConfig w = EmulatedPiApplianceTest.wiring(ThermocoupleInterface.SPI);
    return w.with(w.panel().withBreadAndSlicesPins(4, 14));
  }
}
