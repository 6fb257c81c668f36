package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * The controller's heat lease and heartbeat, after WPILib's MotorSafety: heat may flow only while
 * the controller keeps renewing the lease.
 *
 * <ul>
 *   <li>LEASE_EXPIRED: heat is requested and the lease is older than leaseS.
 *   <li>CONTROLLER_HUNG: the carriage is held (e.g. armed for a remote start, no heat) and no
 *       renewal came for more than hungS.
 * </ul>
 *
 * The lease belongs to a cycle: only a renewal after {@link #startCycle} makes it fresh; until then
 * its age counts from the start of the cycle.
 *
 * <p>{@link Fault#measured()}: time since the last renewal (or the cycle's start), s; limit: leaseS
 * or hungS.
 */
final class HeatLease {
  private final SafetyLimits limits;
  private final long leaseNanos;
  private final long hungNanos;
  private long cycleStartNanos;
  private long lastRenewalNanos;
  private boolean renewedThisCycle;

  HeatLease(SafetyLimits limits) {
    this.limits = limits;
    this.leaseNanos = Nanos.of(limits.leaseS());
    this.hungNanos = Nanos.of(limits.hungS());
  }

  void startCycle(long nowNanos) {
    cycleStartNanos = nowNanos;
    renewedThisCycle = false;
  }

  void renew(long nowNanos) {
    lastRenewalNanos = nowNanos;
    renewedThisCycle = true;
  }

  /** True when renewed in this cycle no longer than leaseS ago. */
  boolean isFresh(long nowNanos) {
    return renewedThisCycle && nowNanos - lastRenewalNanos <= leaseNanos;
  }

  /** The fault an overdue renewal means, or null. Only a held carriage needs a live controller. */
  @Nullable Fault check(long nowNanos, boolean heatRequested, boolean carriageHeld) {
    if (!carriageHeld) {
      return null;
    }
    long ageNanos = nowNanos - (renewedThisCycle ? lastRenewalNanos : cycleStartNanos);
    double ageS = Nanos.toSeconds(ageNanos);
    if (heatRequested && ageNanos > leaseNanos) {
      String message =
          "Heat lease expired: the controller did not renew it for "
              + seconds(ageS)
              + ", limit "
              + seconds(limits.leaseS())
              + ". "
              + HEAT_CUT
              + " Hold the reset button for 3 s; if this happens again, unplug the toaster and"
              + " plug it back in.";
      return new Fault(FaultCode.LEASE_EXPIRED, message, ageS, limits.leaseS(), nowNanos);
    }
    if (ageNanos > hungNanos) {
      String message =
          "Controller not responding: no heartbeat for "
              + seconds(ageS)
              + " while the carriage was held, limit "
              + seconds(limits.hungS())
              + ". Bread released. Hold the reset button for 3 s; if this happens again, unplug"
              + " the toaster and plug it back in.";
      return new Fault(FaultCode.CONTROLLER_HUNG, message, ageS, limits.hungS(), nowNanos);
    }
    return null;
  }
}
