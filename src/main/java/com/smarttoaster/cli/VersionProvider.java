package com.smarttoaster.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, if there is one. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"smart-toaster " + (v == null ? "development build" : v)};
  }
}
