package com.smarttoaster.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.dataset.DatasetGenerator;
import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.dataset.Split;
import com.smarttoaster.model.DenseLayer;
import com.smarttoaster.model.Mlp;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.ModelFeatures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs only with {@code -Ptrain} (this source root exists only in that profile): real DJL +
 * PyTorch.
 */
class DjlMlpTrainerTest {
  private static List<DatasetRow> train;
  private static List<DatasetRow> val;
  private static ModelCard scaling;

  @BeforeAll
  static void data() {
    TrainCommand.configureEngine();
    List<DatasetRow> rows = DatasetGenerator.generate(3, 500);
    train = rows.stream().filter(r -> r.split() == Split.TRAIN).collect(Collectors.toList());
    val = rows.stream().filter(r -> r.split() != Split.TRAIN).collect(Collectors.toList());
    scaling =
        new ModelCard(
            1,
            null,
            null,
            null,
            null,
            null,
            0,
            0,
            FeatureScaling.features(train, train),
            FeatureScaling.target(train),
            Map.of(),
            null);
  }

  private static DjlMlpTrainer.Result train(long seed) {
    return train(seed, "l1");
  }

  private static DjlMlpTrainer.Result train(long seed, String loss) {
    return train(seed, loss, 1);
  }

  private static DjlMlpTrainer.Result train(long seed, String loss, int members) {
    DjlMlpTrainer.Settings s =
        new DjlMlpTrainer.Settings(
            new int[] {16, 8}, members, 32, 6, 50, 50, 0.003f, 1e-6f, seed, loss);
    return DjlMlpTrainer.train(
        FeatureScaling.inputs(scaling, train),
        FeatureScaling.targets(scaling.target(), train),
        FeatureScaling.inputs(scaling, val),
        FeatureScaling.targets(scaling.target(), val),
        FeatureScaling.inputs(scaling, val),
        s,
        null);
  }

  @Test
  void theCopiedMlpReproducesDjlsPredictions() {
    DjlMlpTrainer.Result r = train(1);
    Mlp mlp = r.mlp();
    assertEquals(ModelFeatures.COUNT, mlp.inputs());
    assertEquals(
        List.of(16, 8, 1),
        mlp.layers().stream().map(DenseLayer::outputs).collect(Collectors.toList()));
    assertEquals(
        List.of(true, true, false),
        mlp.layers().stream().map(DenseLayer::relu).collect(Collectors.toList()));
    assertCopyReproducesDjl(mlp, r);
    assertTrue(
        r.log().get(r.log().size() - 1).valLoss() < r.log().get(0).valLoss() || r.bestEpoch() > 1,
        "validation loss never improved: " + r.log());
  }

  @Test
  void anEnsembleIsOneWiderMlpThatReproducesDjlsAverage() {
    DjlMlpTrainer.Result r = train(1, "l1", 3);
    Mlp mlp = r.mlp();
    assertEquals(
        List.of(48, 24, 1),
        mlp.layers().stream().map(DenseLayer::outputs).collect(Collectors.toList()));
    assertCopyReproducesDjl(mlp, r);
    assertEquals(3, r.memberValLosses().length);
    // The members start apart, so they end apart; the average is at least as good as their mean
    // (the absolute error is convex).
    assertTrue(
        r.memberValLosses()[0] != r.memberValLosses()[1],
        "members 0 and 1 ended identical: " + r.memberValLosses()[0]);
    assertTrue(
        r.bestValLoss() <= DjlMlpTrainer.mean(r.memberValLosses()) + 1e-6,
        "ensemble " + r.bestValLoss() + " worse than its members' mean");
  }

  @Test
  void memberKStartsTheSameWhateverTheEnsemblesSize() {
    // Six epochs on the same batches: member 0 of a pair trains as a lone network does (the loss is
    // a mean over members, Adam is per weight, so only
    // the overall scale of the gradient differs, which Adam normalises away up to its epsilon).
    double lone = train(4, "l1", 1).memberValLosses()[0];
    double inPair = train(4, "l1", 2).memberValLosses()[0];
    assertEquals(lone, inPair, 0.02 * lone, "member 0 alone " + lone + ", in a pair " + inPair);
  }

  @Test
  void theSameSeedGivesTheSameNetwork() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String a = json.writeValueAsString(train(7, "l2").mlp());
    String b = json.writeValueAsString(train(7, "l2").mlp());
    assertEquals(a, b, "two trainings with seed 7 differ");
  }

  @Test
  void theNetworkAndTheCardReadBackFromJson(@TempDir Path dir) throws Exception {
    Mlp mlp = train(2).mlp();
    Path f = dir.resolve(MlpJson.MLP_FILE);
    MlpJson.write(mlp, f);
    Mlp back = MlpJson.readMlp(f);
    for (int k = 0; k < mlp.layers().size(); k++) {
      for (int o = 0; o < mlp.layers().get(k).outputs(); o++) {
        assertArrayEquals(mlp.layers().get(k).weights()[o], back.layers().get(k).weights()[o]);
      }
      assertArrayEquals(mlp.layers().get(k).bias(), back.layers().get(k).bias());
    }
    Path c = dir.resolve(MlpJson.CARD_FILE);
    MlpJson.write(scaling, c);
    ModelCard card = MlpJson.readCard(c);
    assertEquals(scaling.features(), card.features());
    assertEquals(scaling.target(), card.target());
  }

  /** The written network gives DJL's answers on the validation rows, within the trainer's limit. */
  private void assertCopyReproducesDjl(Mlp mlp, DjlMlpTrainer.Result r) {
    float[][] x = FeatureScaling.inputs(scaling, val);
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      double djl = scaling.seconds(r.djlOutputs()[i]);
      worst = Math.max(worst, Math.abs(scaling.seconds(mlp.forward(x[i])[0]) - djl) / djl);
    }
    assertTrue(
        worst <= TrainCommand.MAX_PARITY_SHARE,
        "Mlp.forward vs DJL differ by " + worst + " of the time");
  }
}
