package com.smarttoaster.fleet.rollout;

/**
 * Where the rollout puts its retained offers and bundle parts (the broker, as the rollout tool's
 * user).
 */
public interface OfferPublisher {
  /** Publishes a retained message at QoS 1 and returns once the broker has it. */
  void publishRetained(String topic, byte[] payload) throws Exception;
}
