/**
 * Shared machinery for reading user-written input files (the JSON scenario and the YAML config): a
 * strict tree builder, typed field access that names the field path in every message, and a
 * collector for problems. Internal to {@code scenario} and {@code config}; not an API for other
 * packages.
 */
package com.smarttoaster.input;
