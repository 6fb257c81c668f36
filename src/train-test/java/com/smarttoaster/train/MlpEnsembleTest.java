package com.smarttoaster.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.model.DenseLayer;
import com.smarttoaster.model.Mlp;
import com.smarttoaster.model.RandomMlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MlpEnsembleTest {
  private static List<Mlp> members(int k, int... sizes) {
    List<Mlp> m = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      m.add(RandomMlp.of(100 + i, sizes));
    }
    return m;
  }

  @Test
  void theMergedNetworkAnswersTheMembersMean() {
    List<Mlp> members = members(4, 22, 32, 32, 1);
    Mlp merged = MlpEnsemble.merge(members);
    Random rnd = new Random(5);
    double worst = 0;
    for (int n = 0; n < 2000; n++) {
      float[] x = RandomMlp.input(rnd, 22);
      double mean = 0;
      for (Mlp m : members) {
        mean += m.forward(x)[0];
      }
      mean /= members.size();
      worst = Math.max(worst, Math.abs(merged.forward(x)[0] - mean));
    }
    // Float sums in another order: rounding only, far below the trainer's parity limit (a millionth
    // of the time).
    assertTrue(worst < 1e-5, "merged vs mean of members differ by " + worst);
  }

  @Test
  void itIsOneOrdinaryMlpWithKTimesWiderHiddenLayers() {
    Mlp merged = MlpEnsemble.merge(members(3, 22, 32, 16, 1));
    assertEquals(22, merged.inputs());
    assertEquals(
        List.of(96, 48, 1),
        merged.layers().stream().map(DenseLayer::outputs).collect(Collectors.toList()));
    assertEquals(
        List.of(true, true, false),
        merged.layers().stream().map(DenseLayer::relu).collect(Collectors.toList()));
  }

  @Test
  void laterHiddenLayersReadOnlyTheirOwnMembersUnits() {
    Mlp merged = MlpEnsemble.merge(members(3, 5, 4, 4, 1));
    float[][] w = merged.layers().get(1).weights();
    for (int o = 0; o < 12; o++) {
      for (int i = 0; i < 12; i++) {
        if (o / 4 != i / 4) {
          assertEquals(0f, w[o][i], "weight [" + o + "][" + i + "] crosses members");
        }
      }
    }
  }

  @Test
  void oneMemberIsItself() {
    Mlp one = RandomMlp.of(1, 22, 8, 1);
    assertSame(one, MlpEnsemble.merge(List.of(one)));
  }

  @Test
  void membersOfDifferentShapesAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MlpEnsemble.merge(List.of(RandomMlp.of(1, 5, 4, 1), RandomMlp.of(2, 5, 3, 1))));
    assertTrue(e.getMessage().contains("differ in shape"), e.getMessage());
  }
}
