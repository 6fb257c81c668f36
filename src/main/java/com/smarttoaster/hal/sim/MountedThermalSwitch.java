package com.smarttoaster.hal.sim;

/**
 * A thermal part in the mains path that follows its {@link ProtectorMount} and opens once the mount
 * reaches its opening temperature: the cut-out ({@link ThermalCutout}, which a reset button can
 * close again) and the fuse ({@link ThermalFuse}, which never closes).
 */
abstract class MountedThermalSwitch {
  private final ProtectorMount mount;
  private final double opensAtC;
  private boolean open;

  MountedThermalSwitch(ProtectorMount mount, double opensAtC) {
    this.mount = mount;
    this.opensAtC = opensAtC;
  }

  /** Follows the mount; opens once it reaches the opening temperature. */
  final void update(double boardC, double roomC, double dtS) {
    mount.update(boardC, roomC, dtS);
    if (mount.tempC() >= opensAtC) {
      open = true;
    }
  }

  final boolean isOpen() {
    return open;
  }

  /** The part's own temperature (its mount's), °C. */
  final double tempC() {
    return mount.tempC();
  }

  /** The temperature at which it opens, °C. */
  final double opensAtC() {
    return opensAtC;
  }

  /** Closes the part again (a reset). */
  final void close() {
    open = false;
  }
}
