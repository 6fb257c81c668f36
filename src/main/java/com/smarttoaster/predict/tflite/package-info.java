/**
 * Running {@code .tflite} models: a small {@link com.smarttoaster.predict.tflite.TfliteRuntime}
 * interface, DJL's TFLite engine (x86_64) and bytedeco's TFLite (linux-arm64, the Pi), chosen per
 * platform by {@link com.smarttoaster.predict.tflite.TfliteRuntimes}. Natives come only from the
 * Maven artifacts in the jar; nothing is downloaded at run time.
 */
package com.smarttoaster.predict.tflite;
