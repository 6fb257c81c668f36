package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The optional bread and slices buttons of the front panel, on Pi4J's mock provider: a press of the
 * bread button selects the next bread type, holding it turns the shade knob into the thickness
 * knob, a press of the slices button toggles 1 and 2 slices; the panel follows the live settings.
 */
class FrontPanelBreadAndSlicesTest {
  private static final PiConfig WITH_BUTTONS =
      MockPi.SPI_WIRING.with(MockPi.SPI_WIRING.panel().withBreadAndSlicesPins(4, 14));
  private static final int[][] CLOCKWISE = {{0, 1}, {0, 0}, {1, 0}, {1, 1}};
  private static final int[][] ANTICLOCKWISE = {{1, 0}, {0, 0}, {0, 1}, {1, 1}};

  private final ManualClock clock = new ManualClock();
  private final List<UserEvent> events = new ArrayList<>();
  private MockPi pi;
  private PiAppliance appliance;
  private FrontPanel panel;

  /** The controller's settings as a fake controller keeps them: every panel event applied. */
  private ToastSettings live = new ToastSettings(4, BreadType.WHITE, 12.0, 2, ToastMode.TOAST);

  private void build(PiConfig wiring) throws HardwareUnavailableException {
    pi = new MockPi();
    appliance = PiAppliance.open(wiring, true, pi.context, clock, live);
    panel = appliance.controls();
    panel.followSettings(() -> live);
    panel.onEvent(
        e -> {
          events.add(e);
          if (e instanceof UserEvent.BreadSelected b) {
            live = live.withBread(b.bread());
          } else if (e instanceof UserEvent.SliceSizeSet s) {
            live = live.withThicknessMm(s.thicknessMm()).withSlices(s.slices());
          } else if (e instanceof UserEvent.ShadeChanged s) {
            live = live.withShade(s.shade());
          }
        });
  }

  @AfterEach
  void close() {
    if (appliance != null) {
      appliance.close();
    }
  }

  private void scanFor(double seconds) {
    for (long i = Math.round(seconds / 0.002); i > 0; i--) {
      clock.advanceNanos(2_000_000L);
      panel.scan();
    }
  }

  private void press(String option, double seconds) {
    pi.close(option);
    scanFor(seconds);
    pi.open(option);
    scanFor(0.1);
  }

  private void turn(int[][] states, int clicks) {
    for (int c = 0; c < clicks; c++) {
      for (int[] s : states) {
        pi.set("encoderAPin", s[0] == 1);
        pi.set("encoderBPin", s[1] == 1);
        clock.advanceNanos(2_000_000L);
        panel.scan();
      }
    }
  }

  private List<BreadType> breads() {
    return events.stream()
        .filter(e -> e instanceof UserEvent.BreadSelected)
        .map(e -> ((UserEvent.BreadSelected) e).bread())
        .toList();
  }

  private List<UserEvent.SliceSizeSet> sizes() {
    return events.stream()
        .filter(e -> e instanceof UserEvent.SliceSizeSet)
        .map(e -> (UserEvent.SliceSizeSet) e)
        .toList();
  }

  private boolean anyShadeChange() {
    return events.stream().anyMatch(e -> e instanceof UserEvent.ShadeChanged);
  }

  @Test
  void eachPressSelectsTheNextBreadTypeWrappingAround() throws Exception {
    build(WITH_BUTTONS);
    for (int i = 0; i < BreadType.values().length; i++) {
      press("breadPin", 0.1);
    }
    assertEquals(
        List.of(
            BreadType.WHOLEGRAIN,
            BreadType.SOURDOUGH,
            BreadType.RYE,
            BreadType.BRIOCHE,
            BreadType.BAGEL,
            BreadType.WHITE),
        breads());
    assertEquals(BreadType.WHITE, panel.bread());
  }

  @Test
  void aPressJustUnderTheHoldTimeStillSelectsTheBread() throws Exception {
    build(WITH_BUTTONS);
    press("breadPin", FrontPanel.BREAD_HOLD_S - 0.1);
    assertEquals(List.of(BreadType.WHOLEGRAIN), breads());
  }

  @Test
  void aHoldSelectsNoBreadEvenWithoutTurningTheKnob() throws Exception {
    build(WITH_BUTTONS);
    press("breadPin", FrontPanel.BREAD_HOLD_S + 0.5);
    assertEquals(List.of(), events);
  }

  @Test
  void holdingTheBreadButtonTheKnobSetsTheThicknessNotTheShadeClampedToEightToThirtyFive()
      throws Exception {
    build(WITH_BUTTONS);
    pi.close("breadPin");
    scanFor(FrontPanel.BREAD_HOLD_S + 0.1);
    turn(CLOCKWISE, 3);
    assertEquals(
        List.of(
            new UserEvent.SliceSizeSet(13.0, 2),
            new UserEvent.SliceSizeSet(14.0, 2),
            new UserEvent.SliceSizeSet(15.0, 2)),
        sizes());
    turn(CLOCKWISE, 40);
    assertEquals(35.0, panel.thicknessMm(), "35 mm is the thickest");
    turn(ANTICLOCKWISE, 60);
    assertEquals(8.0, panel.thicknessMm(), "8 mm is the thinnest");
    pi.open("breadPin");
    scanFor(0.1);
    assertFalse(anyShadeChange(), "the knob set the thickness, not the shade");
    assertEquals(List.of(), breads(), "a hold that turned the knob selects no bread");
    assertEquals(4, panel.shade());
    assertEquals(8.0, live.thicknessMm());
    assertEquals(
        35.0,
        sizes().stream().mapToDouble(UserEvent.SliceSizeSet::thicknessMm).max().orElseThrow());
    assertEquals(
        8.0, sizes().stream().mapToDouble(UserEvent.SliceSizeSet::thicknessMm).min().orElseThrow());

    turn(CLOCKWISE, 1);
    assertEquals(
        List.of(new UserEvent.ShadeChanged(5)),
        events.stream().filter(e -> e instanceof UserEvent.ShadeChanged).toList(),
        "released: the knob is the shade again");
  }

  @Test
  void aShortPressDuringWhichTheKnobTurnedChangesNeitherBreadNorShadeNorThickness()
      throws Exception {
    build(WITH_BUTTONS);
    pi.close("breadPin");
    scanFor(0.3);
    turn(CLOCKWISE, 2);
    pi.open("breadPin");
    scanFor(0.1);
    assertEquals(List.of(), events);
    assertEquals(12.0, panel.thicknessMm());
  }

  @Test
  void theSlicesButtonTogglesOneAndTwoSlices() throws Exception {
    build(WITH_BUTTONS);
    press("slicesPin", 0.1);
    press("slicesPin", 0.1);
    press("slicesPin", 0.1);
    assertEquals(
        List.of(
            new UserEvent.SliceSizeSet(12.0, 1),
            new UserEvent.SliceSizeSet(12.0, 2),
            new UserEvent.SliceSizeSet(12.0, 1)),
        sizes());
    assertEquals(1, live.slices());
  }

  @Test
  void thePanelStartsFromSettingsChangedElsewhere() throws Exception {
    build(WITH_BUTTONS);
    live = new ToastSettings(4, BreadType.RYE, 20.0, 1, ToastMode.TOAST); // set over MQTT
    press("breadPin", 0.1);
    assertEquals(List.of(BreadType.BRIOCHE), breads());
    press("slicesPin", 0.1);
    assertEquals(List.of(new UserEvent.SliceSizeSet(20.0, 2)), sizes());
    pi.close("breadPin");
    scanFor(FrontPanel.BREAD_HOLD_S + 0.1);
    turn(CLOCKWISE, 1);
    assertEquals(new UserEvent.SliceSizeSet(21.0, 2), sizes().get(sizes().size() - 1));
  }

  @Test
  void withoutTheButtonsTheirPinsAreNotOpenedAndTheKnobOnlySetsTheShade() throws Exception {
    build(MockPi.SPI_WIRING);
    assertFalse(panel.hasBreadButton());
    assertFalse(panel.hasSlicesButton());
    assertThrows(IllegalArgumentException.class, () -> pi.close("breadPin"));
    assertThrows(IllegalArgumentException.class, () -> pi.close("slicesPin"));
    scanFor(1.5);
    turn(CLOCKWISE, 1);
    assertEquals(List.of(new UserEvent.ShadeChanged(5)), events);
    assertTrue(sizes().isEmpty());
  }
}
