package com.smarttoaster.modellife;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The installed models in the state directory:
 *
 * <pre>
 *   models/VERSION.toastmodel     the bundle as installed (verified again whenever it is loaded)
 *   models/VERSION.origin.json    where it came from and when it was installed
 *   models/active.json            the active version and the ones before it ({@link ActivePointer})
 * </pre>
 *
 * <p>Never half-installed: a bundle is copied to a temporary file in {@code models/}, the copy (not
 * the source, which could change meanwhile) is verified, and only then renamed to its final name in
 * one atomic move; the active pointer is written the same way. A crash leaves at most a {@code
 * .tmp} file, which the next install removes. Without {@code active.json} the factory model is
 * active.
 *
 * <p>Versions are unique (a version is installed once; the same bytes again are a no-op, different
 * bytes are refused) and ordered ({@link ModelVersion}): an install must be newer than every
 * version installed and than the factory model, unless forced, so an old signed bundle cannot be
 * replayed onto a device by accident. Activating an installed older version, and rollback, are
 * always allowed: they are the way back.
 */
public final class ModelStore {
  public static final String DIRECTORY = "models";
  static final String ACTIVE_FILE = "active.json";

  /** Held (an OS file lock) for the whole of an install, so two installs cannot interleave. */
  static final String INSTALL_LOCK = ".install.lock";

  private static final String ORIGIN_SUFFIX = ".origin.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;
  private final BundleVerifier verifier;
  private final ModelVersion factory;

  /**
   * @param stateDir the service's state directory
   * @param verifier checks bundles against the configured key
   * @param factory the version of the model built into the jar
   */
  public ModelStore(Path stateDir, BundleVerifier verifier, ModelVersion factory) {
    this.dir = stateDir.resolve(DIRECTORY);
    this.verifier = verifier;
    this.factory = factory;
  }

  public Path directory() {
    return dir;
  }

  /**
   * The version of the model built into the jar (active under the name {@link
   * ModelVersion#FACTORY}).
   */
  public ModelVersion factoryVersion() {
    return factory;
  }

  /** The installed bundle file of {@code version}. */
  public Path bundleFile(String version) {
    return dir.resolve(version + ModelBundle.EXTENSION);
  }

  /**
   * Installs a bundle file; does not activate it.
   *
   * @param force install even when the version is not newer than every installed one
   * @return the installed version
   * @throws BundleException on a bad bundle or a refused version, with nothing changed
   */
  public ModelVersion install(Path source, boolean force, Instant now) throws BundleException {
    byte[] bytes = readBundle(source);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BundleException("cannot use the model directory " + dir + ": " + e.getMessage());
    }
    try (FileChannel lockFile =
        FileChannel.open(
            dir.resolve(INSTALL_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = lockFile.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this process (another thread's install)
      }
      if (lock == null) {
        throw new BundleException(
            "another `model install` is running on "
                + dir
                + "; wait for it to finish and"
                + " try again");
      }
      try {
        return installLocked(source, bytes, force, now);
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new BundleException(
          "cannot lock " + dir.resolve(INSTALL_LOCK) + " for the install: " + e.getMessage());
    }
  }

  private ModelVersion installLocked(Path source, byte[] bytes, boolean force, Instant now)
      throws BundleException {
    prepareDirectory(); // under the lock: the .tmp files it removes cannot be another install's
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
      write(tmp, bytes);
      ModelVersion v =
          verifier.check(Files.readAllBytes(tmp), String.valueOf(source.getFileName()));
      Path target = bundleFile(v.text());
      if (Files.exists(target)) {
        if (java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
          return v; // the same bundle again: nothing to do
        }
        throw new BundleException(
            "version "
                + v
                + " is already installed with different contents; versions are"
                + " unique: train (or bundle) again to get a new version");
      }
      if (!force) {
        requireNewest(v);
      }
      Map<String, Object> origin = new LinkedHashMap<>();
      origin.put("source", source.toAbsolutePath().toString());
      origin.put("installedAt", now.toString());
      origin.put("sha256", BundleSigner.sha256(bytes));
      origin.put("forced", force);
      replaceAtomically(dir.resolve(v.text() + ORIGIN_SUFFIX), JSON.writeValueAsBytes(origin));
      move(tmp, target);
      tmp = null;
      return v;
    } catch (IOException e) {
      throw new BundleException("cannot install into " + dir + ": " + e.getMessage());
    } finally {
      deleteQuietly(tmp);
    }
  }

  private void requireNewest(ModelVersion v) throws BundleException {
    ModelVersion newest = factory;
    for (String installed : installedVersions()) {
      try {
        ModelVersion other = ModelVersion.parse(installed);
        if (other.sortKey() >= newest.sortKey()) {
          newest = other;
        }
      } catch (BundleException e) {
        // a file that does not name a version is not a version to compare with
      }
    }
    if (!v.isNewerThan(newest)) {
      throw new BundleException(
          "version "
              + v
              + " is not newer than "
              + newest
              + " ("
              + (newest == factory ? "the factory model" : "installed")
              + "); refusing a downgrade: use --force to"
              + " install it anyway, or `model activate` to go back to an installed version");
    }
  }

  /**
   * Makes an installed version (or {@link ModelVersion#FACTORY}) active, after verifying it again.
   *
   * @throws BundleException when it is not installed or no longer verifies; nothing changes then
   */
  public ActivePointer activate(String version) throws BundleException {
    ActivePointer current = active();
    if (current.active().equals(version)) {
      return current;
    }
    requireUsable(version);
    ActivePointer next = current.activate(version);
    writePointer(next);
    return next;
  }

  /**
   * Makes the version active before the current one active again.
   *
   * @throws BundleException when there is none, or it no longer verifies
   */
  public ActivePointer rollback() throws BundleException {
    ActivePointer current = active();
    ActivePointer back =
        current
            .rolledBack()
            .orElseThrow(
                () ->
                    new BundleException(
                        "nothing to roll back to: "
                            + current.active()
                            + " is active and no version was active before it"));
    requireUsable(back.active());
    writePointer(back);
    return back;
  }

  private void requireUsable(String version) throws BundleException {
    if (ModelVersion.FACTORY.equals(version)) {
      return;
    }
    Path file = bundleFile(ModelVersion.parse(version).text());
    if (!Files.isRegularFile(file)) {
      throw new BundleException(
          "version "
              + version
              + " is not installed (installed: "
              + installedVersions()
              + "); install its bundle first with `model install FILE`");
    }
    try {
      ModelVersion v = verifier.check(Files.readAllBytes(file), file.getFileName().toString());
      if (!v.text().equals(version)) {
        throw new BundleException(file + " holds version " + v + ", not " + version);
      }
    } catch (IOException e) {
      throw new BundleException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * The shadow candidate: the newest installed version, if it is newer than the active model (the
   * factory model's version when that is active) and still verifies. It runs beside the active
   * model on every cycle and {@code model promote} may make it active. Installing a newer version
   * makes it the candidate; activating it (or anything newer) ends its candidacy; after a rollback
   * the version rolled back from is the candidate again, so it keeps being watched until it is
   * promoted or a newer one is installed. A newest version that no longer verifies is no candidate
   * (and an older one does not stand in for it: {@code model list} shows the problem).
   *
   * @return the candidate's version, or empty when there is none
   */
  public java.util.Optional<String> candidate() throws BundleException {
    java.util.Optional<String> newest = newestAboveActive();
    if (newest.isPresent()) {
      try {
        requireUsable(newest.get());
      } catch (BundleException e) {
        return java.util.Optional.empty();
      }
    }
    return newest;
  }

  /**
   * The newest installed version if it is newer than the active model, by version alone: cheap (no
   * verification, no model loaded), for a caller that polls.
   */
  public java.util.Optional<String> newestAboveActive() throws BundleException {
    String active = active().active();
    ModelVersion floor = ModelVersion.FACTORY.equals(active) ? factory : ModelVersion.parse(active);
    List<String> installed = installedVersions();
    for (int i = installed.size() - 1; i >= 0; i--) {
      try {
        ModelVersion v = ModelVersion.parse(installed.get(i));
        return v.isNewerThan(floor) ? java.util.Optional.of(v.text()) : java.util.Optional.empty();
      } catch (BundleException e) {
        // a file that does not name a version is not a version
      }
    }
    return java.util.Optional.empty();
  }

  /** The active pointer; the factory model when none was ever written. */
  public ActivePointer active() throws BundleException {
    Path f = dir.resolve(ACTIVE_FILE);
    try {
      return JSON.readValue(Files.readAllBytes(f), ActivePointer.class);
    } catch (NoSuchFileException e) {
      return ActivePointer.factory();
    } catch (IOException e) {
      throw new BundleException(
          "the active-model pointer "
              + f
              + " cannot be read: "
              + e.getMessage()
              + "; run `model activate VERSION` (or `model activate factory`) to write it again");
    }
  }

  /** Installed versions, oldest first. */
  public List<String> installedVersions() {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + ModelBundle.EXTENSION)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        out.add(n.substring(0, n.length() - ModelBundle.EXTENSION.length()));
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(
        (a, b) -> {
          try {
            return ModelVersion.parse(a).compareTo(ModelVersion.parse(b));
          } catch (BundleException e) {
            return a.compareTo(b);
          }
        });
    return out;
  }

  /** The factory model and every installed version, each verified now, for {@code model list}. */
  public List<InstalledModel> list() throws BundleException {
    String active = active().active();
    List<InstalledModel> out = new ArrayList<>();
    out.add(
        new InstalledModel(
            ModelVersion.FACTORY + " (" + factory + ")",
            "built into the jar",
            null,
            active.equals(ModelVersion.FACTORY),
            null));
    for (String v : installedVersions()) {
      String problem = null;
      try {
        requireUsable(v);
      } catch (BundleException e) {
        problem = e.getMessage();
      }
      String source = "unknown (no " + v + ORIGIN_SUFFIX + ")";
      String at = null;
      try {
        Map<?, ?> origin = JSON.readValue(dir.resolve(v + ORIGIN_SUFFIX).toFile(), Map.class);
        source = String.valueOf(origin.get("source"));
        at = String.valueOf(origin.get("installedAt"));
      } catch (IOException e) {
        // shown as unknown
      }
      out.add(new InstalledModel(v, source, at, active.equals(v), problem));
    }
    return out;
  }

  private void writePointer(ActivePointer p) throws BundleException {
    prepareDirectory();
    try {
      replaceAtomically(dir.resolve(ACTIVE_FILE), JSON.writeValueAsBytes(p));
    } catch (IOException e) {
      throw new BundleException(
          "cannot write the active-model pointer in " + dir + ": " + e.getMessage());
    }
  }

  private static byte[] readBundle(Path source) throws BundleException {
    try {
      if (Files.size(source) > ModelBundle.MAX_BUNDLE_BYTES) {
        throw new BundleException(
            "bundle "
                + source
                + " is "
                + Files.size(source)
                + " bytes, more than the "
                + ModelBundle.MAX_BUNDLE_BYTES
                + " a model bundle may have");
      }
      return Files.readAllBytes(source);
    } catch (IOException e) {
      throw new BundleException("cannot read the bundle " + source + ": " + e);
    }
  }

  private void prepareDirectory() throws BundleException {
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
        for (Path leftover : s) {
          Files.deleteIfExists(leftover); // from an install or switch that crashed half-way
        }
      }
    } catch (IOException e) {
      throw new BundleException("cannot use the model directory " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Writes {@code data} to a temporary file beside {@code target}, syncs it, then renames it over.
   */
  private void replaceAtomically(Path target, byte[] data) throws IOException {
    Path tmp = Files.createTempFile(dir, ".write-", ".tmp");
    try {
      write(tmp, data);
      move(tmp, target);
      tmp = null;
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void write(Path file, byte[] data) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(data));
      ch.force(true); // on the disk before the rename makes it visible
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of "
              + to.getParent()
              + " cannot rename atomically; refusing a"
              + " switch that could be seen half-done");
    }
  }

  private static void deleteQuietly(@Nullable Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // removed by the next install
      }
    }
  }
}
