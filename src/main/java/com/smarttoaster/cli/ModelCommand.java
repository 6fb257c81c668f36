package com.smarttoaster.cli;

import com.smarttoaster.modellife.ActivePointer;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.BundleKeys;
import com.smarttoaster.modellife.BundleSigner;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.InstalledModel;
import com.smarttoaster.modellife.ModelBundle;
import com.smarttoaster.modellife.ModelPromotion;
import com.smarttoaster.modellife.ModelVersion;
import com.smarttoaster.modellife.PromotionCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code model}: signed model bundles and the installed models of a device (README, "The life of a
 * model"). Every refusal is one line on stderr and exit 2; nothing is changed by a refused command.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = {
      "Signed model bundles (.toastmodel) and the models installed in the service's state directory.",
      "The model built into the jar stays as the factory model; a refused installed model falls back to it.",
      "Exit codes: 0 done, 2 a bad bundle, key, version or state directory (one line says what), 1 internal error."
    },
    subcommands = {
      ModelCommand.Verify.class,
      ModelCommand.Install.class,
      ModelCommand.ListModels.class,
      ModelCommand.Activate.class,
      ModelCommand.Rollback.class,
      ModelCommand.Promote.class,
      ModelCommand.Bundle.class,
      ModelCommand.Keygen.class
    })
public final class ModelCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Runs a step, turning a refusal into its one line and exit 2. */
  abstract static class Step implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
      try {
        run(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return 0;
      } catch (BundleException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("REFUSED: " + e.getMessage());
        err.flush();
        return Main.EXIT_BAD_INPUT;
      }
    }

    abstract void run(PrintWriter out) throws BundleException;
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Checks a bundle as the device would (signature first, then hashes, card and network); changes nothing.")
  static final class Verify extends Step {
    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (.toastmodel).")
    Path file;

    @Mixin ModelDeviceOptions device;

    @Override
    void run(PrintWriter out) throws BundleException {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new BundleException("cannot read the bundle " + file + ": " + e);
      }
      ModelVersion v =
          new BundleVerifier(device.key()).check(bytes, String.valueOf(file.getFileName()));
      out.println(
          "OK: "
              + file
              + " is model version "
              + v
              + ", signed with the configured key; card and network pass");
    }
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Verifies a bundle and installs it into the state directory (not activated: see model activate).",
        "The version must be newer than every installed one and the factory model's, unless --force."
      })
  static final class Install extends Step {
    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (.toastmodel).")
    Path file;

    @Option(
        names = "--force",
        description = "Install even when the version is not newer (a deliberate downgrade).")
    boolean force;

    @Mixin ModelDeviceOptions device;

    /** Wall time for the origin record; replaceable by tests. */
    Clock wallClock = Clock.systemUTC();

    @Override
    void run(PrintWriter out) throws BundleException {
      ModelVersion v = device.store().install(file, force, wallClock.instant());
      out.println(
          "Installed model version "
              + v
              + " from "
              + file
              + "; make it active with: model activate "
              + v);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "The factory model and the installed versions, oldest first: active mark, origin, problems.")
  static final class ListModels extends Step {
    @Mixin ModelDeviceOptions device;

    @Override
    void run(PrintWriter out) throws BundleException {
      for (InstalledModel m : device.store().list()) {
        out.println(
            (m.active() ? "* " : "  ")
                + m.version()
                + "  from "
                + m.origin()
                + (m.installedAt() == null ? "" : ", installed " + m.installedAt())
                + (m.problem() == null ? "" : "  REFUSED: " + m.problem()));
      }
    }
  }

  @Command(
      name = "activate",
      mixinStandardHelpOptions = true,
      description = {
        "Makes an installed version (or 'factory') the active model, after verifying it again.",
        "A running service switches to it after the current cycle, never during one."
      })
  static final class Activate extends Step {
    @Parameters(
        index = "0",
        paramLabel = "VERSION",
        description = "An installed version, or factory.")
    String version;

    @Mixin ModelDeviceOptions device;

    @Override
    void run(PrintWriter out) throws BundleException {
      ActivePointer p = device.store().activate(version);
      out.println(
          "Active model: "
              + p.active()
              + (p.previous().isEmpty()
                  ? ""
                  : " (model rollback returns to "
                      + p.previous().get(p.previous().size() - 1)
                      + ")"));
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Makes the version that was active before the current one active again.")
  static final class Rollback extends Step {
    @Mixin ModelDeviceOptions device;

    @Override
    void run(PrintWriter out) throws BundleException {
      ActivePointer p = device.store().rollback();
      out.println("Rolled back: active model " + p.active());
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = {
        "Compares the shadow candidate (the newest installed version newer than the active one) with the",
        "active model on the held-out test split of the candidate's training data, segment by segment, and on",
        "the device's rated cycles (--db); prints the table and activates the candidate only if it is no worse",
        "anywhere by more than the margin. Exit 2 when refused (nothing changes)."
      })
  static final class Promote extends Step {
    @Mixin ModelDeviceOptions device;

    @Option(
        names = "--db",
        paramLabel = "FILE",
        description = "The device's history database, for its rated cycles.")
    Path db;

    @Option(
        names = "--rows",
        paramLabel = "N",
        description =
            "Rows of the dataset to regenerate (default: the"
                + " candidate card's dataRows); its test split is about a tenth.")
    Integer rows;

    @Option(
        names = "--margin",
        defaultValue = "0.05",
        paramLabel = "SHADE",
        description =
            "Largest allowed increase of a segment's mean shade error (default ${DEFAULT-VALUE}); a wide margin"
                + " is a deliberate override.")
    double margin;

    @Option(
        names = "--rated-margin",
        defaultValue = "0.02",
        paramLabel = "SHARE",
        description =
            "Largest allowed"
                + " increase of the mean distance from the wanted time on the device's rated cycles (default ${DEFAULT-VALUE}).")
    double ratedMargin;

    @Option(
        names = "--check-only",
        description = "Print the comparison and the verdict; activate nothing.")
    boolean checkOnly;

    @Override
    void run(PrintWriter out) throws BundleException {
      if (!(margin >= 0 && margin <= 10)) {
        throw new BundleException("--margin " + margin + " must lie in 0..10 shade steps");
      }
      if (!(ratedMargin >= 0 && ratedMargin <= 1)) {
        throw new BundleException("--rated-margin " + ratedMargin + " must lie in 0..1");
      }
      if (rows != null && (rows < 100 || rows > 1_000_000)) {
        throw new BundleException("--rows " + rows + " must lie in 100..1000000");
      }
      com.smarttoaster.modellife.ModelStore store = device.store();
      PromotionCheck.Result r =
          ModelPromotion.check(store, device.key(), db, rows, margin, ratedMargin);
      out.print(r.toText());
      out.flush();
      if (!r.passed()) {
        throw new BundleException(
            "candidate " + r.candidate() + " is not promoted: " + String.join("; ", r.refusals()));
      }
      if (checkOnly) {
        out.println("Not activated (--check-only); promote with: model promote");
        return;
      }
      ActivePointer p = store.activate(r.candidate());
      out.println(
          "Promoted: active model "
              + p.active()
              + " (model rollback returns to "
              + p.previous().get(p.previous().size() - 1)
              + ")");
    }
  }

  @Command(
      name = "bundle",
      mixinStandardHelpOptions = true,
      description =
          "Makes a signed bundle from a model and its sealed card (the trainer does this with --bundle-key).")
  static final class Bundle extends Step {
    @Option(
        names = "--model",
        required = true,
        paramLabel = "TFLITE",
        description = "The .tflite file.")
    Path model;

    @Option(names = "--card", required = true, paramLabel = "JSON", description = "Its model card.")
    Path card;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "PEM",
        description = "The signing key (PKCS#8 PEM, Ed25519); keep it outside the repository.")
    Path key;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The bundle to write (.toastmodel).")
    Path outFile;

    @Override
    void run(PrintWriter out) throws BundleException {
      byte[] m;
      byte[] c;
      try {
        m = Files.readAllBytes(model);
        c = Files.readAllBytes(card);
      } catch (IOException e) {
        throw new BundleException("cannot read the model or its card: " + e);
      }
      ModelBundle b = BundleSigner.sign(m, c, BundleKeys.privateKey(key));
      try {
        Files.write(outFile, b.toBytes());
      } catch (IOException e) {
        throw new BundleException("cannot write " + outFile + ": " + e);
      }
      out.println("Wrote " + outFile);
    }
  }

  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Makes an Ed25519 key pair for signing bundles: the private key as PEM (mode 600), the public key",
        "printed as the line for the device config's model.bundlePublicKey."
      })
  static final class Keygen extends Step {
    @Option(
        names = "--private-out",
        required = true,
        paramLabel = "PEM",
        description = "Where to write the private key; never inside the repository or on a device.")
    Path privateOut;

    @Override
    void run(PrintWriter out) throws BundleException {
      if (Files.exists(privateOut)) {
        throw new BundleException(privateOut + " exists; refusing to overwrite a signing key");
      }
      KeyPair pair = BundleKeys.generate();
      try {
        Files.createFile(
            privateOut,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateOut, BundleKeys.toPem(pair.getPrivate()));
      } catch (IOException | UnsupportedOperationException e) {
        throw new BundleException("cannot write " + privateOut + ": " + e);
      }
      out.println("model:");
      out.println("  bundlePublicKey: " + BundleKeys.toBase64(pair.getPublic()));
    }
  }
}
