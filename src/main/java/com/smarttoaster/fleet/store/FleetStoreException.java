package com.smarttoaster.fleet.store;

/**
 * The fleet database could not be opened, migrated, read or written; the message says which and
 * why.
 */
public final class FleetStoreException extends Exception {
  public FleetStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public FleetStoreException(String message) {
    super(message);
  }
}
