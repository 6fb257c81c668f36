package com.smarttoaster.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.smarttoaster.input.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConfigLoaderProperties {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Provide
  Arbitrary<String> configs() throws IOException {
    return Arbitraries.of(
        Files.readString(Path.of("config/toaster.yaml")), ConfigLoaderTest.APPLIANCE);
  }

  @Property(tries = 3000)
  void randomTextEditsOnlyEverGiveAConfigException(
      @ForAll("configs") String base, @ForAll long seed) {
    checkOutcome(Mutations.text(base, new Random(seed)));
  }

  @Property(tries = 3000)
  void randomValueEditsOnlyEverGiveAConfigException(
      @ForAll("configs") String base, @ForAll long seed) throws IOException {
    JsonNode mutated = Mutations.tree(YAML.readTree(base), new Random(seed));
    checkOutcome(YAML.writeValueAsString(mutated));
  }

  /** Either a valid config, or a ConfigException whose message is fit for a user. */
  private static void checkOutcome(String yaml) {
    try {
      ConfigLoader.parse(yaml, "mutated.yaml");
    } catch (ConfigException e) {
      String msg = e.getMessage();
      assertFalse(e.problems().isEmpty(), yaml);
      assertTrue(msg.startsWith("invalid config mutated.yaml ("), msg);
      assertFalse(msg.chars().anyMatch(c -> c < 0x20 && c != '\n'), "control character in: " + msg);
      for (String problem : e.problems()) {
        assertFalse(problem.isBlank() || problem.contains("\n"), "one line per problem: " + msg);
      }
      for (String leak :
          List.of(
              "com.fasterxml", "jackson", "Exception", "\tat ", "org.yaml", "java.", "snakeyaml")) {
        assertFalse(
            msg.toLowerCase().contains(leak.toLowerCase()),
            "message leaks '" + leak + "': " + msg + "\nfor:\n" + yaml);
      }
    }
  }
}
