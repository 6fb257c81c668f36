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
import org.jspecify.annotations.Nullable;

/**
 * The model page's data from the model store (installed versions, the active pointer) and the
 * running model's card: the factory card in the jar, or the card inside the installed bundle.
 * Monitoring: the rolling figures the device computes after each cycle (the same as the retained
 * monitor topic and the {@code monitor} command), from the recorded cycles.
 */
public final class InstalledModels implements ModelHealthSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final @Nullable ModelStore store;
  private final Supplier<String> running;
  private final Supplier<List<ModelHealth.Figure>> monitoring;

  /**
   * @param store the installed models, or null without a state directory
   * @param running the version the controller predicts with now
   * @param monitoring the rolling figures now (read for each request)
   */
  public InstalledModels(
      @Nullable ModelStore store,
      Supplier<String> running,
      Supplier<List<ModelHealth.Figure>> monitoring) {
    this.store = store;
    this.running = running;
    this.monitoring = monitoring;
  }

  /** Without monitoring figures. */
  public InstalledModels(@Nullable ModelStore store, Supplier<String> running) {
    this(store, running, List::of);
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
    return new ModelHealth(
        run,
        active,
        installed,
        card(run),
        monitoring.get(),
        "Card metrics are the test-set figures measured when the model was trained; the rolling figures are"
            + " the device's own, over its latest recorded cycles (model.health.window).");
  }

  private static ModelHealth.Installed installed(InstalledModel m) {
    return new ModelHealth.Installed(
        m.version(), m.origin(), m.installedAt(), m.active(), m.problem());
  }

  private ModelHealth.@Nullable Card card(@Nullable String version) {
    try {
      byte[] json = null;
      if (store != null && version != null && Files.isRegularFile(store.bundleFile(version))) {
        json =
            ModelBundle.read(
                    Files.readAllBytes(store.bundleFile(version)), version + ModelBundle.EXTENSION)
                .card();
      } else {
        try (InputStream in =
            getClass().getClassLoader().getResourceAsStream(ModelPredictor.CARD_RESOURCE)) {
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
    n.path("metrics")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNumber()) {
                metrics.put(e.getKey(), e.getValue().asDouble());
              }
            });
    return new ModelHealth.Card(
        n.path("modelVersion").asText(null),
        n.path("created").asText(null),
        n.path("dataRows").asLong(0),
        metrics);
  }
}
