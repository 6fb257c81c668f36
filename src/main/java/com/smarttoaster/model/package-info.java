/**
 * The learned toasting-time model as data: the network ({@link com.smarttoaster.model.Mlp}), how
 * appliance inputs become its features ({@link com.smarttoaster.predict.ModelFeatures}) and the
 * model card that travels with the {@code .tflite} file. Training (a separate Maven profile) and
 * on-device inference both use these, so the two cannot drift apart.
 */
package com.smarttoaster.model;
