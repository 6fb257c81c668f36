package com.smarttoaster.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.dataset.DatasetCsv;
import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.dataset.RowSource;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.CycleRecordCsv;
import com.smarttoaster.history.Rating;
import com.smarttoaster.model.DenseLayer;
import com.smarttoaster.model.Mlp;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.TestBundles;
import com.smarttoaster.modellife.VerifiedBundle;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A whole (tiny) training run through the command, with recorded feedback. Only with -Ptrain. */
class TrainCommandTest {
  @Test
  void writesTheNetworkTheCardAndTheReport(@TempDir Path dir) throws Exception {
    TrainCommand.configureEngine();
    PredictionInput in =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST), 21, 21, 230);
    CycleRecord rated =
        new CycleRecord(
            "cycle-1",
            "kitchen",
            Instant.EPOCH,
            in,
            new Prediction(108, PredictorName.MODEL, null),
            CycleOutcome.DONE,
            null,
            108,
            null,
            Rating.TOO_LIGHT);
    CycleRecord unrated =
        new CycleRecord(
            "cycle-2",
            "kitchen",
            Instant.EPOCH,
            in,
            new Prediction(108, PredictorName.MODEL, null),
            CycleOutcome.DONE,
            null,
            108,
            null,
            null);
    Path cycles = dir.resolve("cycles.csv");
    CycleRecordCsv.write(List.of(rated, unrated), cycles);
    Path out = dir.resolve("model");

    int code =
        new CommandLine(new TrainCommand())
            .execute(
                "--rows",
                "300",
                "--seed",
                "2",
                "--max-epochs",
                "3",
                "--hidden",
                "8,8",
                "--members",
                "2",
                "--feedback",
                cycles.toString(),
                "--out",
                out.toString(),
                "--install",
                dir.resolve("installed").toString(),
                "--bundle-key",
                TestBundles.keyDirectory().resolve("test-signing-key.pem").toString());

    assertEquals(0, code);
    ModelCard card = MlpJson.readCard(out.resolve(MlpJson.CARD_FILE));
    assertEquals(1, card.version());
    assertEquals("toast-time.tflite", card.modelFile());
    assertEquals(
        DatasetCsv.sha256Hex(Files.readAllBytes(out.resolve(MlpJson.TFLITE_FILE))),
        card.tfliteSha256());
    assertEquals(301, card.dataRows(), "300 simulated rows and one rated cycle");
    assertEquals(
        DatasetCsv.sha256Hex(Files.readAllBytes(out.resolve(DatasetCsv.FILE_NAME))),
        card.dataSha256());
    assertEquals(
        ModelFeatures.NAMES,
        card.features().stream().map(ModelCard.Feature::name).collect(Collectors.toList()));
    assertEquals(
        new ModelCard.Target("heaterOnS", "s", "log", card.target().mean(), card.target().std()),
        card.target());
    for (String k :
        List.of(
            "maeS",
            "p95AbsErrS",
            "shadeMae",
            "shadeP95",
            "startOnlyShadeMae",
            "fixedTimerShadeMae",
            "fallbackShadeMae",
            "shadeMaeSecondBatch",
            "shadeMaeMainsDeviation",
            "shadeMaeMains120",
            "oracleShadeMae",
            "nominalBreadOracleShadeMae",
            "mlpVsDjlMaxAbsDiffS")) {
      assertTrue(
          card.metrics().containsKey(k), "metric " + k + " missing: " + card.metrics().keySet());
    }
    // Two 8-8 members written as one MLP: 16 units in each hidden layer, one output.
    Mlp written = MlpJson.readMlp(out.resolve(MlpJson.MLP_FILE));
    assertEquals(
        List.of(16, 16, 1),
        written.layers().stream().map(DenseLayer::outputs).collect(Collectors.toList()));
    assertTrue(Files.readString(out.resolve(TrainCommand.REPORT_FILE)).contains("## Per segment"));
    for (String f :
        List.of(
            MlpJson.TFLITE_FILE,
            MlpJson.CARD_FILE,
            MlpJson.MLP_FILE,
            TrainCommand.REPORT_FILE,
            "data-card.md")) {
      assertTrue(Files.exists(dir.resolve("installed").resolve(f)), f + " not installed");
    }
    // The signed bundle verifies with the (test-only) public key and carries the card's version.
    VerifiedBundle bundle =
        new BundleVerifier(TestBundles.publicKey())
            .verify(
                Files.readAllBytes(out.resolve(TrainCommand.BUNDLE_FILE)),
                TrainCommand.BUNDLE_FILE);
    bundle.predictor().close();
    assertEquals(card.modelVersion(), bundle.version().text());
    assertTrue(
        card.modelVersion().matches("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{6}-data2-train1"),
        card.modelVersion());

    List<DatasetRow> data = DatasetCsv.read(out.resolve(DatasetCsv.FILE_NAME));
    DatasetRow recorded = data.get(data.size() - 1);
    assertEquals(RowSource.RECORDED, recorded.source());
    assertEquals(108 * 1.03, recorded.heaterOnS(), 1e-9);
  }
}
