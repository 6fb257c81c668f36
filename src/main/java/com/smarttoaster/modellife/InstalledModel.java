package com.smarttoaster.modellife;

import org.jspecify.annotations.Nullable;

/**
 * One line of {@code model list}.
 *
 * @param version the version, or {@link ModelVersion#FACTORY} for the jar's model
 * @param origin where it came from (the bundle file it was installed from, or "built into the jar")
 * @param installedAt when it was installed (ISO-8601), or null for the factory model
 * @param active whether it is the active model
 * @param problem why it would be refused now (null when it verifies)
 */
public record InstalledModel(
    String version,
    String origin,
    @Nullable String installedAt,
    boolean active,
    @Nullable String problem) {}
