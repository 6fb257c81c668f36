package com.smarttoaster.remote;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.testkit.SimToaster;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Run in a child JVM by {@link OutboxCrashTest}: a toaster whose broker is unreachable runs one
 * cycle to its end (or, with a fourth argument {@code mid-cycle}, only starts one), says READY once
 * its events and records are committed, then waits to be killed with SIGKILL.
 */
public final class CrashingToaster {
  private CrashingToaster() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String device = args[1];
    String deadBroker = args[2];
    boolean midCycle = args.length > 3 && args[3].equals("mid-cycle");
    HistoryDatabase history = HistoryDatabase.open(db, 100, 100);
    MqttRemote remote =
        RemoteFixture.remote(
            RemoteFixture.transport(deadBroker, device),
            device,
            history.cycles(),
            history.outbox(),
            2,
            10);
    BooleanSupplier committed;
    try (SimToaster toaster = new SimToaster(remote, false)) {
      if (midCycle) {
        toaster.run(0.5).lever().run(10);
        committed =
            () -> history.outbox().size() >= 1 && lastOutcome(history) == CycleOutcome.RUNNING;
      } else {
        toaster.run(0.5).lever().runUntil("done", 300).run(1);
        committed = () -> history.outbox().size() >= 2 && lastOutcome(history) == CycleOutcome.DONE;
      }
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!committed.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        System.out.println("TIMEOUT");
        System.exit(3);
      }
      Thread.sleep(5);
    }
    System.out.println("READY " + List.of(history.outbox().size(), history.cycles().size()));
    System.out.flush();
    Thread.sleep(60_000);
  }

  private static CycleOutcome lastOutcome(HistoryDatabase history) {
    return history.cycles().last().map(CycleRecord::outcome).orElse(null);
  }
}
