package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.hal.sim.ApplianceConditions;
import org.junit.jupiter.api.Test;

/**
 * The shade knob is an encoder: it has no absolute position, so a detent must step from the shade
 * the toaster has now, also when that was set remotely. The toaster assembly names the controller's
 * live settings to the panel (UserControls.followSettings), for the Pi and the emulated Pi alike.
 */
class KnobFollowsRemoteTest {
  @Test
  void thePanelTakesOverARemoteShadeAndTheKnobStepsFromIt() throws Exception {
    try (EmulatedToaster t =
        new EmulatedToaster(
            EmulatedPiApplianceTest.wiring(ThermocoupleInterface.SPI),
            ApplianceConditions.typical())) {
      t.run(0.2);
      assertEquals(4, t.controller.snapshot().settings().shade());
      t.controller.submit(new RemoteCommand.SetShade(2));
      t.run(0.2);
      assertEquals(2, t.controller.snapshot().settings().shade());

      assertEquals(
          2, t.appliance.piAppliance().controls().shade(), "the panel took over the remote shade");

      t.stepped.press(
          new UserEvent.ShadeChanged(3)); // the hand turns until the panel shows 3: one detent
      t.run(0.5);

      assertEquals(
          3, t.controller.snapshot().settings().shade(), "one detent up from the remote 2");
    }
  }
}
