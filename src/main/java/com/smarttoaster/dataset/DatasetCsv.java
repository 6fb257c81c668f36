package com.smarttoaster.dataset;

import com.smarttoaster.predict.HeatingProgress;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.StoredHeat;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dataset's CSV form. Columns, in order:
 *
 * <ol>
 *   <li>{@code id, rowSeed, split, source}: bookkeeping, not features;
 *   <li>one column per {@link ModelFeatures#NAMES}, exactly {@link ModelFeatures#encode} of the
 *       row's input (floats written so they read back bit for bit);
 *   <li>{@code truth_breadStartC, truth_breadStorage, truth_actualMainsVolts, truth_earlierCycles}:
 *       hidden simulator truth, NOT features (the appliance cannot measure them); empty for
 *       recorded rows;
 *   <li>{@code heaterOnS}: the label, s.
 * </ol>
 *
 * Plain comma-separated text, UTF-8, '\n' line ends, no quoting (no field contains a comma). The
 * same rows always give the same bytes.
 */
public final class DatasetCsv {
  public static final String FILE_NAME = "toast-dataset.csv";

  /** Prefix of every column that is hidden truth and must never be a model input. */
  public static final String NOT_A_FEATURE_PREFIX = "truth_";

  public static final String LABEL = "heaterOnS";

  public static final List<String> HEADER;

  private static final int FIRST_FEATURE = 4;

  static {
    List<String> h = new ArrayList<>(List.of("id", "rowSeed", "split", "source"));
    h.addAll(ModelFeatures.NAMES);
    h.add(NOT_A_FEATURE_PREFIX + "breadStartC");
    h.add(NOT_A_FEATURE_PREFIX + "breadStorage");
    h.add(NOT_A_FEATURE_PREFIX + "actualMainsVolts");
    h.add(NOT_A_FEATURE_PREFIX + "earlierCycles");
    h.add(LABEL);
    HEADER = List.copyOf(h);
  }

  private DatasetCsv() {}

  /** The CSV text of {@code rows}, header first. */
  public static String format(List<DatasetRow> rows) {
    StringBuilder sb = new StringBuilder(rows.size() * 160);
    sb.append(String.join(",", HEADER)).append('\n');
    for (DatasetRow r : rows) {
      sb.append(r.id())
          .append(',')
          .append(r.rowSeed())
          .append(',')
          .append(r.split().id())
          .append(',')
          .append(r.source().id());
      for (float f : r.features()) {
        sb.append(',').append(Float.toString(f));
      }
      sb.append(',').append(r.breadStartC() == null ? "" : Double.toString(r.breadStartC()));
      sb.append(',').append(r.breadStorage() == null ? "" : r.breadStorage().id());
      sb.append(',')
          .append(r.actualMainsVolts() == null ? "" : Double.toString(r.actualMainsVolts()));
      sb.append(',').append(r.earlierCycles() == null ? "" : Integer.toString(r.earlierCycles()));
      sb.append(',').append(Double.toString(r.heaterOnS())).append('\n');
    }
    return sb.toString();
  }

  public static byte[] bytes(List<DatasetRow> rows) {
    return format(rows).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code rows} to {@code file} and returns the file's SHA-256 (lower-case hex). */
  public static String write(List<DatasetRow> rows, Path file) throws IOException {
    byte[] b = bytes(rows);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, b);
    return sha256Hex(b);
  }

  public static String sha256Hex(byte[] data) {
    StringBuilder sb = new StringBuilder(64);
    for (byte x : SeedMix.Sha256.of(data)) {
      sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    }
    return sb.toString();
  }

  public static List<DatasetRow> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    }
  }

  public static List<DatasetRow> parse(String text) {
    try {
      return read(new StringReader(text), "<text>");
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  /**
   * Reads rows back. Each row's feature columns are decoded into a {@link PredictionInput} and
   * re-encoded; a row whose columns are not exactly what {@link ModelFeatures#encode} gives is
   * refused, so a file edited by hand cannot smuggle in features the device would compute
   * differently.
   *
   * @throws IllegalArgumentException naming the file, line and column of the first problem
   */
  public static List<DatasetRow> read(Reader reader, String name) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    String header = in.readLine();
    if (header == null || !header.equals(String.join(",", HEADER))) {
      throw new IllegalArgumentException(
          name + ": line 1 is not the dataset header; expected " + String.join(",", HEADER));
    }
    List<DatasetRow> rows = new ArrayList<>();
    int lineNo = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      try {
        rows.add(parseRow(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(name + ": line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static DatasetRow parseRow(String line) {
    String[] c = line.split(",", -1);
    if (c.length != HEADER.size()) {
      throw new IllegalArgumentException("has " + c.length + " columns, expected " + HEADER.size());
    }
    float[] f = new float[ModelFeatures.COUNT];
    for (int i = 0; i < f.length; i++) {
      f[i] = Float.parseFloat(c[FIRST_FEATURE + i]);
    }
    PredictionInput input = decode(f);
    float[] again = ModelFeatures.encode(input);
    for (int i = 0; i < f.length; i++) {
      if (Float.compare(again[i], f[i]) != 0) {
        throw new IllegalArgumentException(
            "column "
                + ModelFeatures.NAMES.get(i)
                + " = "
                + f[i]
                + " is not what ModelFeatures.encode gives for this row ("
                + again[i]
                + ")");
      }
    }
    int t = FIRST_FEATURE + ModelFeatures.COUNT;
    Double breadC = c[t].isEmpty() ? null : Double.valueOf(c[t]);
    BreadStorage storage = c[t + 1].isEmpty() ? null : BreadStorage.fromId(c[t + 1]);
    Double actualMains = c[t + 2].isEmpty() ? null : Double.valueOf(c[t + 2]);
    Integer earlier = c[t + 3].isEmpty() ? null : Integer.valueOf(c[t + 3]);
    return new DatasetRow(
        c[0],
        Long.parseLong(c[1]),
        Split.fromId(c[2]),
        RowSource.fromId(c[3]),
        input,
        breadC,
        storage,
        actualMains,
        earlier,
        Double.parseDouble(c[t + 4]));
  }

  /** The inverse of {@link ModelFeatures#encode} for well-formed vectors. */
  static PredictionInput decode(float[] f) {
    int shade = Math.round(f[0]);
    int slices = Math.round(f[2]);
    BreadType bread = null;
    for (int i = 0; i < BreadType.values().length; i++) {
      if (f[6 + i] == 1f) {
        if (bread != null) {
          throw new IllegalArgumentException("more than one bread_ column is 1");
        }
        bread = BreadType.values()[i];
      }
    }
    if (bread == null) {
      throw new IllegalArgumentException("no bread_ column is 1");
    }
    if (f[12] == 1f && f[13] == 1f) {
      throw new IllegalArgumentException("mode_defrost and mode_bagel are both 1");
    }
    ToastMode mode =
        f[12] == 1f ? ToastMode.DEFROST : f[13] == 1f ? ToastMode.BAGEL : ToastMode.TOAST;
    ToastSettings s = new ToastSettings(shade, bread, f[1], slices, mode);
    int k = ModelFeatures.PROGRESS_KNOWN;
    HeatingProgress progress = null;
    int l = ModelFeatures.LATE_PROGRESS_KNOWN;
    if (f[l] != 0f && (f[l] != 1f || f[k] != 1f)) {
      throw new IllegalArgumentException(
          "lateProgressKnown is "
              + f[l]
              + " (progressKnown "
              + f[k]
              + "): it must be 0, or 1 when progressKnown is 1");
    }
    if (f[k] == 1f && f[l] == 1f) {
      progress =
          new HeatingProgress(
              new double[] {f[k + 1], f[k + 2], f[k + 3], f[l + 1], f[l + 2], f[l + 3]});
    } else if (f[k] == 1f) {
      progress = new HeatingProgress(new double[] {f[k + 1], f[k + 2], f[k + 3]});
    } else if (f[k] != 0f) {
      throw new IllegalArgumentException("progressKnown is " + f[k] + ", not 0 or 1");
    }
    // mainsRatio (f[15]) is derived from mainsVolts and nominalMainsVolts; encode checks it.
    int h = ModelFeatures.STORED_HEAT;
    StoredHeat stored = new StoredHeat(f[h], f[h + 1]);
    int b = ModelFeatures.BREAD_READ_KNOWN;
    double breadReadC;
    if (f[b] == 1f) {
      breadReadC = f[b + 1];
    } else if (f[b] == 0f) {
      breadReadC = Double.NaN; // the value column then holds ambientC; encode checks it
    } else {
      throw new IllegalArgumentException("breadReadKnown is " + f[b] + ", not 0 or 1");
    }
    return new PredictionInput(
        s, f[3], f[4], f[5], f[14], f[16], f[17], stored, progress, breadReadC);
  }
}
