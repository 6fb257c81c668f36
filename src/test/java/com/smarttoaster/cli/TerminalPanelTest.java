package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.toast.BreadType;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalPanelTest {
  private final SimulatedAppliance appliance = new SimulatedAppliance(
      new ApplianceConditions(21, 230, 21, 2, BreadType.WHITE, 12, 21), 1, new SimClock());
  private final List<UserEvent> events = new ArrayList<>();
  private final List<RemoteCommand> remote = new ArrayList<>();
  private final TerminalPanel panel = new TerminalPanel(appliance, remote::add, new PrintWriter(new StringWriter()));

  TerminalPanelTest() {
    appliance.controls().onEvent(events::add);
  }

  private boolean keys(String typed) throws Exception {
    return panel.readKeys(new ByteArrayInputStream(typed.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void qQuitsAndLeavesTheRestOfTheInputUnread() throws Exception {
    assertTrue(keys("3lq c"));

    assertEquals(List.of(new UserEvent.ShadeChanged(3), new UserEvent.LeverDown()), events);
    assertTrue(appliance.isCarriageDown());
  }

  @Test
  void lPutsFreshSlicesInAndPReToastsTheSameOnes() throws Exception {
    appliance.heater().set(true);
    appliance.deadMan().toggle(); // the test's clock stands still: one edge keeps the dead-man enabling
    appliance.latch().hold();
    assertTrue(keys("lq"));
    for (int i = 0; i < 10_000; i++) {
      appliance.step(0.01);
    }
    appliance.heater().set(false);
    appliance.latch().release();
    appliance.liftLever();
    double browned = appliance.physics().browningDeltaE();
    assertTrue(browned > 1, "browning after 100 s of heat: " + browned);

    assertTrue(keys("pq"));
    assertEquals(browned, appliance.physics().browningDeltaE(), 1e-9, "p: the same slices");
    appliance.liftLever();
    assertTrue(keys("lq"));
    assertTrue(appliance.physics().browningDeltaE() < 0.01, "l: fresh slices, " + appliance.physics().browningDeltaE());
    assertEquals(21.0, appliance.physics().breadSurfaceC(), 0.5, "fresh slices at room temperature");
  }

  @Test
  void theEndOfTheInputIsNotAQuit() throws Exception {
    // Under systemd stdin is /dev/null: run must go on until it is stopped, not end here.
    assertFalse(keys("ls"));
    assertFalse(keys(""));

    assertEquals(List.of(new UserEvent.LeverDown()), events);
    assertEquals(List.of(new RemoteCommand.Start()), remote);
  }
}
