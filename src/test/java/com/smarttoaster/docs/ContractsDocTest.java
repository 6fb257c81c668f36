package com.smarttoaster.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.scenario.ActionKind;
import com.smarttoaster.scenario.FaultKind;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import com.smarttoaster.simulation.SimulationResult;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/contracts.md and docs/scenario.schema.json say what the code does: nothing missing, nothing
 * extra.
 */
class ContractsDocTest {
  private static final Path DOC = Path.of("docs/contracts.md");
  private static final Path SCHEMA = Path.of("docs/scenario.schema.json");

  @Test
  void theContractPageNamesEverythingTheCodeKnows() throws Exception {
    String doc = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    Arrays.stream(FaultKind.values())
        .map(k -> "`" + k.id() + "`")
        .filter(s -> !doc.contains(s))
        .forEach(missing::add);
    Arrays.stream(ActionKind.values())
        .map(a -> "`" + a.id() + "`")
        .filter(s -> !doc.contains(s))
        .forEach(missing::add);
    Arrays.stream(FaultCode.values())
        .map(c -> "`" + c.name() + "`")
        .filter(s -> !doc.contains(s))
        .forEach(missing::add);
    Arrays.stream(CyclePhase.values())
        .map(p -> "`" + p.id() + "`")
        .filter(s -> !doc.contains(s))
        .forEach(missing::add);
    SimulatedApplianceKind.NAMES.stream()
        .map(n -> "`" + n + "`")
        .filter(s -> !doc.contains(s))
        .forEach(missing::add);
    for (String field : SimulationResult.class.getAnnotation(JsonPropertyOrder.class).value()) {
      if (!doc.contains("\"" + field + "\"")) {
        missing.add("result field " + field);
      }
    }
    assertTrue(missing.isEmpty(), "docs/contracts.md does not mention: " + missing);
  }

  @Test
  void theSchemaListsExactlyTheKindsActionsBreadsAndModes() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
    JsonNode props = schema.path("properties");
    assertEquals(
        ids(Arrays.stream(FaultKind.values()).map(FaultKind::id).toList()),
        enumOf(props.path("faults").path("items").path("properties").path("kind")));
    assertEquals(
        ids(Arrays.stream(ActionKind.values()).map(ActionKind::id).toList()),
        enumOf(props.path("actions").path("items").path("properties").path("do")));
    assertEquals(
        ids(Arrays.stream(BreadType.values()).map(b -> b.name().toLowerCase(Locale.ROOT)).toList()),
        enumOf(props.path("bread").path("properties").path("type")));
    assertEquals(
        ids(Arrays.stream(ToastMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList()),
        enumOf(props.path("mode")));
  }

  @Test
  void everyKindWithAParameterRequiresItInTheSchema() throws Exception {
    JsonNode rules =
        new ObjectMapper()
            .readTree(SCHEMA.toFile())
            .path("properties")
            .path("faults")
            .path("items")
            .path("allOf");
    int checked = 0;
    for (FaultKind k : FaultKind.values()) {
      if (k.parameter().isEmpty()) {
        continue;
      }
      String field = k.parameter().get().fieldName();
      boolean required = false;
      for (JsonNode rule : rules) {
        JsonNode kinds = rule.path("if").path("properties").path("kind");
        Set<String> named =
            kinds.has("const") ? Set.of(kinds.get("const").asText()) : enumOf(kinds);
        if (named.contains(k.id())
            && rule.path("then").path("required").toString().contains("\"" + field + "\"")) {
          required = true;
        }
      }
      assertTrue(required, k.id() + " needs " + field + " in the schema");
      checked++;
    }
    assertTrue(checked >= 6, "kinds with a parameter checked: " + checked);
  }

  private static Set<String> ids(List<String> ids) {
    return new TreeSet<>(ids);
  }

  private static Set<String> enumOf(JsonNode node) {
    Set<String> out = new TreeSet<>();
    node.path("enum").forEach(n -> out.add(n.asText()));
    return out.stream().collect(Collectors.toCollection(TreeSet::new));
  }
}
