package com.smarttoaster.predict.tflite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Picks the TFLite runtime for the machine we run on: bytedeco's on linux-aarch64 (Raspberry Pi OS
 * 64-bit), where DJL has no natives, and DJL's everywhere else. The system property {@value
 * #PROPERTY} ({@code djl} or {@code bytedeco}) overrides the choice.
 */
public final class TfliteRuntimes {
  /** System property that forces a runtime: {@code djl} or {@code bytedeco}. */
  public static final String PROPERTY = "toaster.tflite.runtime";

  /** The runtimes this build carries. */
  public enum Kind {
    DJL("djl"),
    BYTEDECO("bytedeco");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  private TfliteRuntimes() {}

  /** Loads a model file with the runtime for this platform (see {@link #choose}). */
  public static TfliteRuntime forThisPlatform(Path modelFile) throws TfliteLoadException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(modelFile);
    } catch (IOException e) {
      throw new TfliteLoadException(
          "cannot read model file " + modelFile + ": " + e.getMessage(), e);
    }
    return forThisPlatform(bytes);
  }

  /**
   * Loads the bytes of a {@code .tflite} file with the runtime for this platform (see {@link
   * #choose}).
   */
  public static TfliteRuntime forThisPlatform(byte[] model) throws TfliteLoadException {
    return open(
        choose(
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty(PROPERTY)),
        model);
  }

  /** Loads the bytes of a {@code .tflite} file with the given runtime. */
  public static TfliteRuntime open(Kind kind, byte[] model) throws TfliteLoadException {
    return kind == Kind.BYTEDECO ? BytedecoTfliteRuntime.load(model) : DjlTfliteRuntime.load(model);
  }

  /**
   * The runtime for a platform.
   *
   * @param osName as in the {@code os.name} property
   * @param osArch as in the {@code os.arch} property
   * @param override the value of {@value #PROPERTY}, or null
   */
  public static Kind choose(String osName, String osArch, @Nullable String override)
      throws TfliteLoadException {
    if (override != null && !override.isBlank()) {
      for (Kind k : Kind.values()) {
        if (k.id().equals(override.trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new TfliteLoadException(
          "system property "
              + PROPERTY
              + " is '"
              + override
              + "'; expected djl or bytedeco (or unset to choose by platform)");
    }
    boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux");
    boolean arm64 = "aarch64".equals(osArch) || "arm64".equals(osArch);
    return linux && arm64 ? Kind.BYTEDECO : Kind.DJL;
  }
}
