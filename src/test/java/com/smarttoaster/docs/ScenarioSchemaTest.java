package com.smarttoaster.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.smarttoaster.scenario.ScenarioReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/scenario.schema.json, checked by a maintained JSON Schema validator: it accepts every
 * example scenario in the repository (which the program's own reader accepts too), and it refuses
 * what the reader refuses in ways a schema can express.
 */
class ScenarioSchemaTest {
  private static Schema schema;

  @BeforeAll
  static void loadTheSchema() throws IOException {
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(Path.of("docs/scenario.schema.json")));
  }

  static Stream<Path> exampleScenarios() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      return all.stream();
    }
  }

  @Test
  void thereAreExamplesInEverySet() throws IOException {
    List<Path> all = exampleScenarios().toList();
    for (String set : List.of("scenarios", "fault-scenarios", "kitchen-scenarios")) {
      assertTrue(
          all.stream().anyMatch(p -> p.getParent().getFileName().toString().equals(set)), set);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleScenarios")
  void theSchemaAcceptsEveryExampleTheReaderAccepts(Path file) throws Exception {
    ScenarioReader.read(file);
    assertEquals(List.of(), messages(Files.readString(file)), file.toString());
  }

  @Test
  void theSchemaAcceptsTheContractPagesExample() throws IOException {
    Matcher m =
        Pattern.compile("```json\\n(\\{\\s*\"version\".*?)```", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("docs/contracts.md")));
    assertTrue(m.find(), "docs/contracts.md has an example scenario");
    assertEquals(List.of(), messages(m.group(1)));
  }

  @Test
  void theSchemaRefusesAnUnknownFieldAMissingParameterAndAnUnknownKind() throws IOException {
    String good =
        Files.readString(Path.of("src/test/resources/scenarios/normal-white-medium.json"));
    assertFalse(messages(good.replace("\"seed\"", "\"sead\"")).isEmpty(), "unknown field");
    assertFalse(
        messages(
                good.replace(
                    "\"faults\": []", "\"faults\": [{\"kind\": \"sensor-drift\", \"atS\": 3}]"))
            .isEmpty(),
        "sensor-drift without rateCPerS");
    assertFalse(
        messages(
                good.replace(
                    "\"faults\": []", "\"faults\": [{\"kind\": \"sensor-melt\", \"atS\": 3}]"))
            .isEmpty(),
        "unknown kind");
    assertFalse(messages(good.replace("\"shade\": 4", "\"shade\": 8")).isEmpty(), "shade above 7");
    assertFalse(
        messages(good.replace("\"white bread, medium, cold toaster\"", "\"  \"")).isEmpty(),
        "blank name");
  }

  private static List<String> messages(String json) {
    try {
      return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("not JSON: " + e.getMessage(), e));
    }
  }
}
