package com.smarttoaster.predict.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.model.RandomMlp;
import com.smarttoaster.model.TfliteMlpWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which runtime a platform gets, and how loading and running fail. */
class TfliteRuntimesTest {

  @Test
  void thePiGetsBytedecoAndEverythingElseDjl() throws Exception {
    assertEquals(TfliteRuntimes.Kind.BYTEDECO, TfliteRuntimes.choose("Linux", "aarch64", null));
    assertEquals(TfliteRuntimes.Kind.DJL, TfliteRuntimes.choose("Linux", "amd64", null));
    assertEquals(TfliteRuntimes.Kind.DJL, TfliteRuntimes.choose("Mac OS X", "aarch64", ""));
  }

  @Test
  void thePropertyOverridesThePlatform() throws Exception {
    assertEquals(TfliteRuntimes.Kind.DJL, TfliteRuntimes.choose("Linux", "aarch64", "djl"));
    assertEquals(
        TfliteRuntimes.Kind.BYTEDECO, TfliteRuntimes.choose("Linux", "amd64", " Bytedeco "));
    TfliteLoadException e =
        assertThrows(
            TfliteLoadException.class, () -> TfliteRuntimes.choose("Linux", "amd64", "pytorch"));
    assertEquals(
        "system property toaster.tflite.runtime is 'pytorch'; expected djl or bytedeco (or unset to choose "
            + "by platform)",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TfliteRuntimes.Kind.class)
  void somethingThatIsNotAModelIsRefusedBeforeNativeCode(TfliteRuntimes.Kind kind) {
    TfliteLoadException e =
        assertThrows(
            TfliteLoadException.class,
            () ->
                TfliteRuntimes.open(
                    kind, "{\"not\": \"a model\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("not a TFLite model: file identifier 't\": ', expected 'TFL3'", e.getMessage());
    assertThrows(TfliteLoadException.class, () -> TfliteRuntimes.open(kind, new byte[3]));
  }

  @ParameterizedTest
  @EnumSource(TfliteRuntimes.Kind.class)
  void aTruncatedModelIsRefusedWithAMessage(TfliteRuntimes.Kind kind) {
    byte[] model = TfliteMlpWriter.write(RandomMlp.of(1, 14, 32, 1));
    byte[] cut = Arrays.copyOf(model, model.length / 3);
    TfliteLoadException e =
        assertThrows(TfliteLoadException.class, () -> TfliteRuntimes.open(kind, cut));
    assertTrue(
        e.getMessage().contains("not a valid TFLite model")
            || e.getMessage().contains("could not load"),
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TfliteRuntimes.Kind.class)
  void aWrongInputLengthOrAClosedRuntimeFailsClearly(TfliteRuntimes.Kind kind) throws Exception {
    TfliteRuntime r = TfliteRuntimes.open(kind, TfliteMlpWriter.write(RandomMlp.of(1, 4, 1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> r.run(new float[3]));
    assertEquals("model takes 4 inputs, got 3", e.getMessage());
    r.close();
    r.close();
    IllegalStateException closed =
        assertThrows(IllegalStateException.class, () -> r.run(new float[4]));
    assertTrue(closed.getMessage().endsWith("runtime is closed"), closed.getMessage());
  }

  @Test
  void aMissingFileIsALoadError() {
    TfliteLoadException e =
        assertThrows(
            TfliteLoadException.class,
            () -> TfliteRuntimes.forThisPlatform(Path.of("/nonexistent/toast-time.tflite")));
    assertTrue(
        e.getMessage().startsWith("cannot read model file /nonexistent/toast-time.tflite"),
        e.getMessage());
  }
}
