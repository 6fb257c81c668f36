package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SafeOffCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void aSimulatedApplianceHasNoPinsToDrive() {
    assertEquals(0, run("safe-off", "--config", "config/toaster.yaml"));
    assertEquals(
        "safe-off: appliance.kind is simulated in config/toaster.yaml; no pins to drive.",
        err.toString().strip());
  }

  @Test
  void anInvalidConfigExits2AndSaysNothingWasDriven(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "appliance:\n  kind: toaster-oven\n");

    assertEquals(2, run("safe-off", "--config", bad.toString()));
    assertTrue(
        err.toString()
            .startsWith(
                "safe-off: the heater pin is unknown because the config is invalid;"
                    + " nothing was driven"),
        err.toString());
  }

  @Test
  void withoutGpioItExits2NamingThePin() {
    assertEquals(2, run("safe-off", "--config", "config/pi.yaml"));
    assertTrue(
        err.toString().startsWith("safe-off: could not drive the pins LOW:"), err.toString());
  }
}
