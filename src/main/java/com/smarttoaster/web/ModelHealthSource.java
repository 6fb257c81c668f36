package com.smarttoaster.web;

/**
 * Where the model page's data comes from: one small interface so that the device's rolling
 * monitoring (fallback rate, drift) can be added to {@link ModelHealth#monitoring()} in one place.
 * Called on a web thread for each request; may read files.
 */
public interface ModelHealthSource {
  ModelHealth read();
}
