/**
 * The appliance's one configuration file, {@code config/toaster.yaml}: loaded and validated by
 * {@link com.smarttoaster.config.ConfigLoader} into immutable records. A config that fails
 * validation is a {@link com.smarttoaster.config.ConfigException} listing every problem; the
 * appliance does not heat with it.
 *
 * <p>The records themselves only refuse nulls; the ranges and cross-field rules live in the loader,
 * so tests may build deliberately unusual configs in code.
 */
package com.smarttoaster.config;
