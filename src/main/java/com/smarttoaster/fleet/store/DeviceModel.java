package com.smarttoaster.fleet.store;

import org.jspecify.annotations.Nullable;

/**
 * What a device last reported about its models.
 *
 * @param active the active version ({@code factory} for the jar's own)
 * @param candidate an installed version waiting for its promotion check, or null
 * @param lastResult the offer handler's last words (installed, refused and why), or null
 * @param reportedAt when, ISO-8601
 */
public record DeviceModel(
    String deviceId,
    String active,
    @Nullable String candidate,
    @Nullable String lastResult,
    String reportedAt) {}
