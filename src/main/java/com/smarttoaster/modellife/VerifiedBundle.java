package com.smarttoaster.modellife;

import com.smarttoaster.predict.ModelPredictor;

/**
 * A bundle whose signature, hashes, card and network all passed, with the model loaded and ready.
 * Close the predictor when only the verdict was wanted.
 */
public record VerifiedBundle(ModelVersion version, ModelBundle bundle, ModelPredictor predictor) {}
