package com.smarttoaster.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.config.ConfigException;
import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.HistoryException;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.monitoring.HealthCheck;
import com.smarttoaster.monitoring.HealthThresholds;
import com.smarttoaster.monitoring.RollingFigures;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.taste.TasteEntry;
import com.smarttoaster.taste.TasteFile;
import com.smarttoaster.taste.TasteFileException;
import com.smarttoaster.toast.BreadType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code monitor}: the model's rolling figures over the latest cycles of a history database, and
 * which of them are beyond the config's {@code model.health} thresholds (README, "The life of a
 * model"). Reads the database without changing it, like {@code history export}.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "The model's rolling figures over the latest cycles of a history database.",
      "Fallback rate, out-of-envelope rate, checker disagreement, rating mix, the shadow candidate's answers and",
      "input drift against the model card, each judged against the config's model.health thresholds.",
      "Exit codes: 0 healthy, 3 a figure beyond its threshold, 2 a bad database, card or config."
    })
public final class MonitorCommand implements Callable<Integer> {
  /** Exit code when a figure is beyond its threshold (scripts and cron can alert on it). */
  public static final int EXIT_UNHEALTHY = 3;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--db",
      required = true,
      paramLabel = "FILE",
      description = "History database file.")
  Path db;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The device's config, for its model.health thresholds"
              + " (default: the built-in thresholds).")
  Path config;

  @Option(
      names = "--card",
      paramLabel = "JSON",
      description =
          "The model card to measure drift and the envelope"
              + " against (default: the factory model's).")
  Path card;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "Cycles to cover (default: model.health.window).")
  Integer window;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "The service's state directory, for the household's"
              + " taste (the shade offsets learned from ratings; default: the config's appliance.stateDir).")
  Path stateDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      HealthThresholds limits = thresholds();
      ModelCard modelCard = readCard();
      List<CycleRecord> latest;
      try (HistoryDatabase database = HistoryDatabase.openExisting(db)) {
        latest = database.cycles().latest(2 * limits.window());
      }
      RollingFigures f = RollingFigures.of(latest, limits.window(), modelCard);
      out.println(
          "Model "
              + (modelCard == null ? "(no card)" : modelCard.modelVersion())
              + ", the last "
              + f.cycles()
              + " model cycles of "
              + db
              + " (window "
              + limits.window()
              + "):");
      out.print(f.toText());
      List<String> problems = HealthCheck.problems(f, limits);
      if (f.cycles() < limits.minCycles()) {
        out.println(
            "Health: not judged, "
                + f.cycles()
                + " cycles are fewer than model.health.minCycles = "
                + limits.minCycles());
      } else if (problems.isEmpty()) {
        out.println("Health: OK, every figure within model.health");
      } else {
        problems.forEach(p -> out.println("HEALTH: " + p));
      }
      tasteDirectory().ifPresent(dir -> out.println("Taste: " + taste(TasteFile.in(dir))));
      out.flush();
      return problems.isEmpty() ? 0 : EXIT_UNHEALTHY;
    } catch (BadInput | HistoryException e) {
      err.println(e.getMessage());
      err.flush();
      return Main.EXIT_BAD_INPUT;
    }
  }

  /** --state-dir, else the config's appliance.stateDir; none without either. */
  private java.util.Optional<Path> tasteDirectory() throws BadInput {
    if (stateDir != null) {
      return java.util.Optional.of(stateDir);
    }
    if (config == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.ofNullable(ConfigLoader.load(config).appliance().stateDir())
          .map(Path::of);
    } catch (ConfigException e) {
      throw new BadInput(e.getMessage());
    }
  }

  /**
   * The household's taste on one line: it moves the shade the model is asked for, so it belongs
   * beside the model's figures. Kept apart from the shared model and never judged as a problem.
   */
  static String taste(TasteFile file) {
    Map<BreadType, TasteEntry> taste;
    try {
      taste = file.read();
    } catch (TasteFileException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
    List<String> offsets = new ArrayList<>();
    taste.forEach(
        (bread, entry) -> {
          if (entry.offset() != 0) {
            offsets.add(
                bread.id() + " " + (entry.offset() > 0 ? "+" : "") + entry.offset() + " shade");
          }
        });
    return offsets.isEmpty()
        ? "no offset learned from ratings (" + file.path() + ")"
        : String.join(", ", offsets) + " (learned from ratings; taste reset forgets them)";
  }

  private HealthThresholds thresholds() throws BadInput {
    HealthThresholds t = HealthThresholds.defaults();
    if (config != null) {
      try {
        t = ConfigLoader.load(config).model().health();
      } catch (ConfigException e) {
        throw new BadInput(e.getMessage());
      }
    }
    if (window != null) {
      if (window < 1 || window > 10_000) {
        throw new BadInput("--window " + window + " must lie in 1..10000 cycles");
      }
      t =
          new HealthThresholds(
              window,
              Math.min(t.minCycles(), window),
              t.maxFallbackRate(),
              t.maxOutOfEnvelopeRate(),
              t.maxInputDriftSd(),
              t.maxUnhappyRatingShare());
    }
    return t;
  }

  private @Nullable ModelCard readCard() throws BadInput {
    try {
      if (card != null) {
        return JSON.readValue(Files.readAllBytes(card), ModelCard.class);
      }
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream(ModelPredictor.CARD_RESOURCE)) {
        return in == null ? null : JSON.readValue(in, ModelCard.class);
      }
    } catch (IOException e) {
      throw new BadInput(
          "--card "
              + card
              + " is not a readable model card: "
              + Objects.toString(e.getMessage(), e.toString()).lines().findFirst().orElse(""));
    }
  }

  /** A user error: one line, exit 2. */
  private static final class BadInput extends Exception {
    BadInput(String message) {
      super(message);
    }
  }
}
