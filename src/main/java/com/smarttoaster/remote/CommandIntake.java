package com.smarttoaster.remote;

import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the commands that arrive over MQTT, by priority:
 *
 * <ol>
 *   <li>A valid {@code cancel} goes to the controller at once: never rate-limited and never behind
 *       another command here, so it acts on the controller's next tick whatever else arrives (a
 *       flood once kept every cancel out, issue 12). Cancelling only ever stops heat.
 *   <li>Everything else, valid or not, shares one token bucket on the appliance's {@link Clock};
 *       what passes is applied, rated or rejected with a reason. What the bucket drops is counted
 *       and reported as one {@code rejected} event per {@link #FLOOD_WINDOW_NANOS} with the count.
 * </ol>
 *
 * <p>Validation comes first ({@link CommandParser}: payload size, exact text, retained flag), so
 * the cancel can be told apart; it reads at most {@link CommandParser#MAX_PAYLOAD_BYTES} bytes of a
 * payload and the transport never delivers more than a kilobyte. Threads: the transport's (one at a
 * time) and the controller's ({@link #tick}); nothing here blocks.
 */
final class CommandIntake {
  private static final Logger log = LoggerFactory.getLogger(CommandIntake.class);

  /** Dropped commands are reported at most once per this long, with their number. */
  static final long FLOOD_WINDOW_NANOS = 10_000_000_000L;

  private static final byte[] HA_ONLINE = "online".getBytes(StandardCharsets.US_ASCII);

  private final Topics topics;
  private final CommandParser parser;
  private final TokenBucket commands;
  private final TokenBucket announcements;
  private final CycleRecorder recorder;
  private final EventSink events;
  private final Runnable announce;
  private final double ratePerS;
  private final int burst;
  private volatile @Nullable ToastController controller;
  private volatile Clock clock = Clock.system();

  // Guarded by this.
  private long droppedTotal;
  private long droppedInWindow;
  private long windowStartNanos;

  /**
   * @param announce what to do when Home Assistant comes online (announce the toaster again)
   */
  CommandIntake(
      Topics topics,
      double ratePerS,
      int burst,
      CycleRecorder recorder,
      EventSink events,
      Runnable announce) {
    this.topics = topics;
    this.parser = new CommandParser(topics);
    this.ratePerS = ratePerS;
    this.burst = burst;
    this.commands = new TokenBucket(burst, ratePerS, clock);
    this.announcements = new TokenBucket(2, 0.2, clock);
    this.recorder = recorder;
    this.events = events;
    this.announce = announce;
  }

  void attach(ToastController c, Clock newClock) {
    this.clock = newClock;
    commands.reset(newClock);
    announcements.reset(newClock);
    synchronized (this) {
      droppedInWindow = 0;
    }
    this.controller = c;
  }

  /** One incoming message. Transport thread. */
  void onMessage(String topic, byte[] payload, boolean retained) {
    if (topic.equals(topics.homeAssistantStatus())) {
      // Home Assistant's birth message: exactly "online", live.
      if (!retained && Arrays.equals(HA_ONLINE, payload) && announcements.tryTake()) {
        log.info("Home Assistant came online; announcing the toaster again");
        announce.run();
      }
      return;
    }
    Command c = parser.parse(topic, payload, retained);
    if (c instanceof Command.ForController fc && fc.command() instanceof RemoteCommand.Cancel) {
      toController(fc);
      return;
    }
    if (!commands.tryTake()) {
      dropped();
      return;
    }
    if (c instanceof Command.ForController fc) {
      toController(fc);
    } else if (c instanceof Command.Feedback f) {
      recorder.rateLast(f.rating());
    } else if (c instanceof Command.TasteReset) {
      recorder.resetTaste();
    } else if (c instanceof Command.Rejected r) {
      reject(r.name(), r.reason());
    }
  }

  private void toController(Command.ForController fc) {
    ToastController target = controller;
    if (target == null) {
      reject(fc.name(), "the toaster is starting up; send the command again");
      return;
    }
    log.info("Remote command {}: {}", fc.name(), fc.command());
    target.submit(fc.command());
  }

  private synchronized void dropped() {
    if (droppedInWindow == 0) {
      windowStartNanos = clock.nanos();
      log.warn(
          "Commands arrive faster than {} /s (burst {}); dropping them until the rate falls",
          ratePerS,
          burst);
    }
    droppedInWindow++;
    droppedTotal++;
  }

  /**
   * Reports the dropped commands once their window has passed. Controller thread, after each tick.
   */
  void tick() {
    long n;
    synchronized (this) {
      if (droppedInWindow == 0 || clock.nanos() - windowStartNanos < FLOOD_WINDOW_NANOS) {
        return;
      }
      n = droppedInWindow;
      droppedInWindow = 0;
    }
    String reason =
        "rate limit: "
            + n
            + " command"
            + (n == 1 ? "" : "s")
            + " dropped in "
            + FLOOD_WINDOW_NANOS / 1_000_000_000L
            + " s (more than "
            + ratePerS
            + " commands/s, burst "
            + burst
            + "); cancel is never dropped";
    log.warn("{}", reason);
    events.emit(
        new ToasterEvent(ToasterEvent.Type.REJECTED, Instant.now(), reason, null, null, null));
  }

  /** Commands dropped by the rate limit since start. */
  synchronized long droppedCommands() {
    return droppedTotal;
  }

  private void reject(String name, String reason) {
    log.info("Rejected remote command {}: {}", name, reason);
    events.emit(
        new ToasterEvent(ToasterEvent.Type.REJECTED, Instant.now(), reason, name, null, null));
  }
}
