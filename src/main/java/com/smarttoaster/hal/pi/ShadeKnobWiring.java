package com.smarttoaster.hal.pi;

/**
 * The shade knob: a rotary encoder's two channels to ground, read every scan and not debounced (a
 * bounce on one channel only steps the quadrature count back and forth).
 *
 * @param encoderAPin channel A
 * @param encoderBPin channel B
 * @param encoderStepsPerDetent quadrature steps per click of the encoder (1, 2 or 4)
 */
public record ShadeKnobWiring(int encoderAPin, int encoderBPin, int encoderStepsPerDetent) {}
