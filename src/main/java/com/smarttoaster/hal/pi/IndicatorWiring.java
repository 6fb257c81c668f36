package com.smarttoaster.hal.pi;

/**
 * The outputs people see and hear, each active-high.
 *
 * @param toastingLedPin toasting LED
 * @param remoteArmedLedPin remote-armed LED
 * @param faultLedPin fault LED
 * @param buzzerPin active buzzer driver
 */
public record IndicatorWiring(
    int toastingLedPin, int remoteArmedLedPin, int faultLedPin, int buzzerPin) {}
