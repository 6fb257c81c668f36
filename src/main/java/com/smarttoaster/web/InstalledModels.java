package com.smarttoaster.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.InstalledModel;
import com.smarttoaster.modellife.ModelBundle;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.modellife.ModelVersion;
import com.smarttoaster.predict.ModelPredictor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The model page's data from the model store (installed versions, the active pointer) and the
 * running model's card: the factory card in the jar, or the card inside the installed bundle.
 * Monitoring figures: none yet (the device does not compute any in this version).
 */
public final class InstalledModels implements ModelHealthSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelStore store;
  private final Supplier<String> running;

  /**
   * @param store the installed models, or null without a state directory
   * @param running the version the controller predicts with now
   */
  public InstalledModels(ModelStore store, Supplier<String> running) {
    this.store = store;
    this.running = running;
  }

  @Override
  public ModelHealth read() {
    String run = running.get();
    String active = ModelVersion.FACTORY;
    List<ModelHealth.Installed> installed = List.of();
    if (store != null) {
      try {
        active = store.active().active();
        installed = store.list().stream().map(InstalledModels::installed).toList();
      } catch (BundleException e) {
        active = "unreadable (" + e.getMessage() + ")";
      }
    }
    return new ModelHealth(run, active, installed, card(run), List.of(),
        "Card metrics are the test-set figures measured when the model was trained; the device does not yet"
            + " monitor rolling figures.");
  }

  private static ModelHealth.Installed installed(InstalledModel m) {
    return new ModelHealth.Installed(m.version(), m.origin(), m.installedAt(), m.active(), m.problem());
  }

  private ModelHealth.Card card(String version) {
    try {
      byte[] json = null;
      if (store != null && version != null && Files.isRegularFile(store.bundleFile(version))) {
        json = ModelBundle.read(Files.readAllBytes(store.bundleFile(version)), version + ModelBundle.EXTENSION).card();
      } else {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ModelPredictor.CARD_RESOURCE)) {
          json = in == null ? null : in.readAllBytes();
        }
      }
      return json == null ? null : parse(JSON.readTree(json));
    } catch (IOException | BundleException | RuntimeException e) {
      return null; // shown as "card unreadable"; the running model was verified when it loaded
    }
  }

  private static ModelHealth.Card parse(JsonNode n) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    n.path("metrics").fields().forEachRemaining(e -> {
      if (e.getValue().isNumber()) {
        metrics.put(e.getKey(), e.getValue().asDouble());
      }
    });
    return new ModelHealth.Card(n.path("modelVersion").asText(null), n.path("created").asText(null),
        n.path("dataRows").asLong(0), metrics);
  }
}
