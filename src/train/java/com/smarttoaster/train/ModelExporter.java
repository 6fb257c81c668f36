package com.smarttoaster.train;

import com.smarttoaster.model.Mlp;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Turns the trained network into the file the device loads. The trainer hands the {@link Mlp} to
 * exactly one exporter ({@link TrainCommand#EXPORTER}); the SHA-256 of the file it returns goes
 * into the model card's {@code tfliteSha256}.
 */
@FunctionalInterface
interface ModelExporter {
  /**
   * Writes {@code mlp} into {@code dir}.
   *
   * @return the file written (e.g. {@code dir/toast-time.tflite}), or null when nothing was
   *     exported
   */
  @Nullable Path export(Mlp mlp, Path dir) throws IOException;

  /** No exporter wired in: the card's tfliteSha256 stays null. */
  ModelExporter NONE = (mlp, dir) -> null;
}
