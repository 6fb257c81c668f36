package com.smarttoaster.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.smarttoaster.model.Mlp;
import com.smarttoaster.model.ModelCard;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON forms of the network and its card, with Jackson's plain record mapping: {@code
 * {"layers":[{"weights":[[..]],"bias":[..],"relu":true},..]}}. Floats are written with their
 * shortest exact decimal, so a file reads back bit for bit ({@code new
 * ObjectMapper().readValue(file, Mlp.class)}).
 */
final class MlpJson {
  static final String MLP_FILE = "toast-time.mlp.json";
  static final String CARD_FILE = "toast-time.card.json";
  static final String TFLITE_FILE = "toast-time.tflite";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MlpJson() {}

  static void write(Mlp mlp, Path file) throws IOException {
    JSON.writeValue(file.toFile(), mlp);
  }

  static Mlp readMlp(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Mlp.class);
  }

  static void write(ModelCard card, Path file) throws IOException {
    JSON.writeValue(file.toFile(), card);
  }

  static ModelCard readCard(Path file) throws IOException {
    return JSON.readValue(file.toFile(), ModelCard.class);
  }
}
