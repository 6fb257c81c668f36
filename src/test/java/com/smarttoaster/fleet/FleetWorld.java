package com.smarttoaster.fleet;

import com.smarttoaster.fleet.sim.FieldToaster;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.TestBundles;
import com.smarttoaster.remote.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The fleet's test world: the shipped Mosquitto (TLS, passwords, the shipped ACL) with a user per
 * toaster and per fleet tool, a throwaway PostgreSQL, and {@code n} field toasters whose models are
 * checked with the test fleet key (src/test/resources/model-bundle, TEST ONLY).
 */
final class FleetWorld implements AutoCloseable {
  static final List<String> TOOLS =
      List.of("fleet-collector-1", "fleet-collector-2", "fleet-rollout");
  final Path dir;
  final MosquittoBroker broker;
  final PostgresCluster postgres;
  final List<FieldToaster> toasters = new ArrayList<>();
  private final ExecutorService connecting = Executors.newFixedThreadPool(8);

  FleetWorld(Path dir, int n) throws Exception {
    MosquittoBroker.assumeInstalled();
    PostgresCluster.assumeInstalled();
    this.dir = dir;
    List<String> users = new ArrayList<>(TOOLS);
    for (int i = 0; i < n; i++) {
      users.add(deviceId(i));
    }
    broker = new MosquittoBroker(Files.createDirectories(dir.resolve("broker")), users);
    postgres = new PostgresCluster();
    BundleVerifier fleetKey = new BundleVerifier(TestBundles.publicKey());
    List<Future<FieldToaster>> pending = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = deviceId(i);
      long seed = i;
      pending.add(
          connecting.submit(
              () ->
                  new FieldToaster(
                          id, login(id), dir.resolve("devices").resolve(id), fleetKey, seed)
                      .connect()));
    }
    for (Future<FieldToaster> f : pending) {
      toasters.add(f.get());
    }
  }

  static String deviceId(int i) {
    return String.format(Locale.ROOT, "t%03d", i);
  }

  FleetLogin login(String user) {
    return new FleetLogin(broker.tlsUrl(), user, MosquittoBroker.password(user), broker.ca());
  }

  CollectorProcess collector(String user) throws Exception {
    return new CollectorProcess(
        dir,
        broker.tlsUrl(),
        broker.ca(),
        user,
        MosquittoBroker.password(user),
        postgres.url(),
        postgres.user());
  }

  @Override
  public void close() throws Exception {
    connecting.shutdownNow();
    for (FieldToaster t : toasters) {
      t.close();
    }
    postgres.close();
    broker.close();
  }
}
