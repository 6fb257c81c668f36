package com.smarttoaster.remote;

import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.history.Rating;

/** An MQTT command after validation: for the controller, a rating, or rejected with a reason. */
sealed interface Command {
  /** The command's name as in {@code cmd/<name>}. */
  String name();

  /** A valid command for the controller. */
  record ForController(String name, RemoteCommand command) implements Command {}

  /** A valid rating of the last cycle. */
  record Feedback(Rating rating) implements Command {
    @Override
    public String name() {
      return Topics.FEEDBACK;
    }
  }

  /** A valid request to forget the learned taste. */
  record TasteReset() implements Command {
    @Override
    public String name() {
      return Topics.TASTE_RESET;
    }
  }

  /** Not valid: nothing changes, a {@code rejected} event says why. */
  record Rejected(String name, String reason) implements Command {}
}
