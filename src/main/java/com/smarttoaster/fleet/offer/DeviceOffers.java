package com.smarttoaster.fleet.offer;

import com.smarttoaster.config.MqttConfig;
import com.smarttoaster.modellife.ModelPromotion;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.OfferSink;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real toaster's model offers ({@code mqtt.acceptModelOffers}): the remote's {@link OfferSink}
 * backed by the device-side {@link OfferHandler} over the appliance's own {@link ModelStore}. It
 * only installs and activates; the running service picks an activated model up between cycles
 * (appliance.RunningModel follows the active pointer), so nothing here reaches the controller.
 */
public final class DeviceOffers implements OfferSink {
  private static final Logger log = LoggerFactory.getLogger(DeviceOffers.class);
  private final String offerTopic;
  private final OfferHandler handler;

  /**
   * @param store the appliance's model store (its verifier holds model.bundlePublicKey, the fleet
   *     key)
   */
  public DeviceOffers(String deviceId, ModelStore store) {
    this.offerTopic = ModelOffer.offerTopic(deviceId);
    this.handler =
        new OfferHandler(
            store,
            ModelPromotion.VERIFIES_AND_LOADS,
            store.directory().resolveSibling("model-offers"));
  }

  /**
   * Gives {@code remote} the device's offers when {@code mqtt} says {@code acceptModelOffers}; with
   * the option off (or no mqtt section, or no model store) nothing is subscribed.
   *
   * @return whether offers are now accepted
   */
  public static boolean acceptIfConfigured(
      @Nullable MqttConfig mqtt,
      String deviceId,
      ApplianceRemote remote,
      @Nullable ModelStore store) {
    if (mqtt == null || !mqtt.acceptModelOffers()) {
      return false;
    }
    if (store == null) { // the config check makes this unreachable: predictor model and
      // appliance.stateDir
      log.warn(
          "mqtt.acceptModelOffers is on but there is no model store (controller.predictor model and a state"
              + " directory are needed); model offers are ignored");
      return false;
    }
    remote.acceptModelOffers(new DeviceOffers(deviceId, store));
    log.info(
        "Model offers: accepted on {}, signed with model.bundlePublicKey",
        ModelOffer.offerTopic(deviceId));
    return true;
  }

  @Override
  public String offerTopic() {
    return offerTopic;
  }

  @Override
  public Optional<String> onOffer(byte[] payload, Consumer<Report> report) {
    return handler.onOffer(payload, Instant.now(), r -> report.accept(of(r)));
  }

  @Override
  public void onPart(String topic, byte[] payload, Consumer<Report> report) {
    handler.onPart(topic, payload, Instant.now(), r -> report.accept(of(r)));
  }

  private static Report of(OfferHandler.Result r) {
    return new Report(r.active(), r.candidate(), r.result());
  }
}
