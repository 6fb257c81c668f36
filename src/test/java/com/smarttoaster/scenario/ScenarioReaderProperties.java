package com.smarttoaster.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.input.Mutations;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScenarioReaderProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SOURCE = "mutated.json";

  @Provide
  Arbitrary<String> examples() throws IOException {
    List<String> texts = new ArrayList<>();
    texts.add(ScenarioJson.BASE);
    try (var files = Files.list(Path.of("src/test/resources/scenarios"))) {
      for (Path p : files.sorted().toList()) {
        texts.add(Files.readString(p));
      }
    }
    return Arbitraries.of(texts);
  }

  @Property(tries = 3000)
  void randomTextEditsOnlyEverGiveAScenarioException(
      @ForAll("examples") String base, @ForAll long seed) {
    checkOutcome(Mutations.text(base, new Random(seed)));
  }

  @Property(tries = 3000)
  void randomValueEditsOnlyEverGiveAScenarioException(
      @ForAll("examples") String base, @ForAll long seed) throws IOException {
    JsonNode mutated = Mutations.tree(MAPPER.readTree(base), new Random(seed));
    checkOutcome(MAPPER.writeValueAsString(mutated));
  }

  /** Either a valid scenario, or a ScenarioException whose message is fit for a user. */
  private static void checkOutcome(String json) {
    try {
      ScenarioReader.parse(json, SOURCE);
    } catch (ScenarioException e) {
      String msg = e.getMessage();
      assertFalse(e.problems().isEmpty(), json);
      for (String line : msg.split("\n")) {
        assertTrue(
            line.startsWith(SOURCE + ": ") && line.length() > SOURCE.length() + 5,
            "line: " + line + "\nfor:\n" + json);
      }
      assertFalse(msg.chars().anyMatch(c -> c < 0x20 && c != '\n'), "control character in: " + msg);
      for (String leak :
          List.of("com.fasterxml", "jackson", "Exception", "\tat ", "org.yaml", "java.")) {
        assertFalse(msg.contains(leak), "message leaks '" + leak + "': " + msg + "\nfor:\n" + json);
      }
    }
  }

  // ---- anything inside the limits is accepted -----------------------------------------------

  @Provide
  Arbitrary<Scenario> validScenarios() {
    Arbitrary<Double> ambient = Arbitraries.doubles().between(-30, 60).ofScale(6);
    Arbitrary<Double> chamberOffset = Arbitraries.doubles().between(0, 1).ofScale(6);
    Arbitrary<BreadSpec> bread =
        Combinators.combine(
                Arbitraries.of(BreadType.class),
                Arbitraries.doubles().between(3, 60).ofScale(6),
                Arbitraries.doubles().between(-40, 90).ofScale(6))
            .as(BreadSpec::new);
    Arbitrary<ScenarioFault> fault =
        Combinators.combine(
                Arbitraries.of(FaultKind.class),
                Arbitraries.doubles().between(0, 3600).ofScale(6),
                Arbitraries.doubles().between(0.001, 1).ofScale(6))
            .as(
                (k, at, frac) ->
                    k.parameter().isEmpty()
                        ? ScenarioFault.of(k, at)
                        : ScenarioFault.of(k, at, parameterFor(k, frac)));
    Arbitrary<ScenarioAction> action =
        Combinators.combine(
                Arbitraries.doubles().between(0, 3600).ofScale(6), Arbitraries.of(ActionKind.class))
            .as((at, k) -> new ScenarioAction(k == ActionKind.ARM_REMOTE_START ? 0 : at, k));
    return Combinators.combine(
            Arbitraries.longs(),
            ambient,
            Arbitraries.doubles().between(90, 270).ofScale(6),
            chamberOffset,
            Arbitraries.integers().between(1, 2),
            bread,
            Arbitraries.integers().between(1, 7),
            Arbitraries.of(ToastMode.class))
        .flatAs(
            (seed, amb, mains, frac, slices, b, shade, mode) ->
                Combinators.combine(fault.list().ofMaxSize(5), action.list().ofMaxSize(5))
                    .as(
                        (faults, actions) ->
                            new Scenario(
                                1,
                                "generated",
                                seed,
                                amb,
                                mains,
                                amb - 1 + frac * (350 - amb + 1),
                                slices,
                                b,
                                shade,
                                mode,
                                faults,
                                actions)));
  }

  private static double parameterFor(FaultKind k, double frac) {
    switch (k) {
      case SENSOR_DRIFT:
        return frac < 0.5 ? -100 * frac * 2 : 100 * (frac - 0.5) * 2 + 1e-9;
      case OVERHEAT:
        return 100 * frac;
      case SENSOR_NOISE:
        return 200 * frac;
      case SENSOR_DROPOUT:
      case PREDICTOR_SLOW:
        return 3600 * frac;
      default:
        return (frac - 0.5) * 1e9;
    }
  }

  @Property(tries = 500)
  void everyScenarioWithinTheLimitsIsReadBackEqual(@ForAll("validScenarios") Scenario s)
      throws Exception {
    assertEquals(s, ScenarioReader.parse(toJson(s), SOURCE));
  }

  private static String toJson(Scenario s) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", s.version())
        .put("name", s.name())
        .put("seed", s.seed())
        .put("ambientC", s.ambientC())
        .put("mainsVolts", s.mainsVolts())
        .put("chamberStartC", s.chamberStartC())
        .put("slices", s.slices());
    root.putObject("bread")
        .put("type", s.bread().type().id())
        .put("thicknessMm", s.bread().thicknessMm())
        .put("startC", s.bread().startC());
    root.put("shade", s.shade()).put("mode", s.mode().id());
    var faults = root.putArray("faults");
    for (ScenarioFault f : s.faults()) {
      ObjectNode o = faults.addObject().put("kind", f.kind().id()).put("atS", f.atS());
      f.kind().parameter().ifPresent(p -> o.put(p.fieldName(), f.parameter()));
    }
    var actions = root.putArray("actions");
    for (ScenarioAction a : s.actions()) {
      actions.addObject().put("atS", a.atS()).put("do", a.action().id());
    }
    return root.toString();
  }
}
