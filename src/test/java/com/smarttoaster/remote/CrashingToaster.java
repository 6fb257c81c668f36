package com.smarttoaster.remote;

import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.testkit.SimToaster;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link OutboxCrashTest}: a toaster whose broker is unreachable runs one
 * cycle, says READY once its events are committed, then waits to be killed with SIGKILL.
 */
public final class CrashingToaster {
  private CrashingToaster() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String device = args[1];
    String deadBroker = args[2];
    HistoryDatabase history = HistoryDatabase.open(db, 100, 100);
    MqttRemote remote = RemoteFixture.remote(RemoteFixture.transport(deadBroker, device), device, history.cycles(),
        history.outbox(), 2, 10);
    try (SimToaster toaster = new SimToaster(remote, false)) {
      toaster.run(0.5).lever().runUntil("done", 300).run(1);
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (history.outbox().size() < 2 || history.cycles().size() < 1) {
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
}
