package com.smarttoaster.remote;

/**
 * The topics of one toaster: everything under {@code toaster/<deviceId>/}, plus its Home Assistant
 * discovery topic. A broker ACL can then confine each toaster to {@code toaster/<its id>/#}.
 *
 * @param deviceId the appliance's id (a-z, 0-9, -)
 * @param discoveryPrefix Home Assistant's discovery prefix, normally {@code homeassistant}
 */
public record Topics(String deviceId, String discoveryPrefix) {
  public static final String ROOT = "toaster";

  /** Command names, as in {@code toaster/<id>/cmd/<name>}. */
  public static final String CANCEL = "cancel";

  public static final String SHADE = "shade";
  public static final String BREAD = "bread";
  public static final String MODE = "mode";
  public static final String SLICES = "slices";
  public static final String THICKNESS = "thickness";
  public static final String START = "start";
  public static final String FEEDBACK = "feedback";

  /** Forgets the household's learned taste (payload PRESS). */
  public static final String TASTE_RESET = "taste-reset";

  public String base() {
    return ROOT + "/" + deviceId;
  }

  /** Retained {@code online} / {@code offline} (the will). */
  public String status() {
    return base() + "/status";
  }

  /** Retained JSON state. */
  public String state() {
    return base() + "/state";
  }

  /** Retained JSON of the model's rolling figures (monitoring), published after each cycle. */
  public String monitor() {
    return base() + "/monitor";
  }

  /** Non-retained JSON events. */
  public String event() {
    return base() + "/event";
  }

  /** Prefix of the command topics, ending in a slash. */
  public String commandPrefix() {
    return base() + "/cmd/";
  }

  public String command(String name) {
    return commandPrefix() + name;
  }

  /** The filter the appliance subscribes to for commands. */
  public String commandFilter() {
    return commandPrefix() + "+";
  }

  /** Device-based discovery config (retained). */
  public String discovery() {
    return discoveryPrefix + "/device/" + deviceId + "/config";
  }

  /** Home Assistant's birth and will messages ({@code online} / {@code offline}). */
  public String homeAssistantStatus() {
    return discoveryPrefix + "/status";
  }
}
