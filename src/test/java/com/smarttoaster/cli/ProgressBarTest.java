package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.simulation.LiveStatus;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void theBarIsSizedByThePredictedTimeNotAFixedThreeMinutes() {
    assertEquals("[----------]", ProgressBar.bar(0, 108, 10));
    assertEquals("[#####-----]", ProgressBar.bar(54, 108, 10));
    assertEquals("[##########]", ProgressBar.bar(108, 108, 10), "a 108 s cycle is full at 108 s");
    assertEquals("[##########]", ProgressBar.bar(120, 108, 10), "never more than full");
    assertEquals("[----------]", ProgressBar.bar(30, Double.NaN, 10), "no prediction yet: empty");
  }

  @Test
  void heatedAndPredictedSecondsFollowTheBar() {
    assertEquals("[####----]  54/108s", ProgressBar.withTimes(54, 108, 8));
  }

  @Test
  void simulatesLineFits80ColumnsAndShowsTheShadeAsTheResultDoes() {
    LiveStatus worst = new LiveStatus("preparing", true, 499.9, 499.9, -0.93, 285, 285);
    String line = ProgressBar.simulateLine("second batch, frozen bagel after a long pause", worst);
    assertTrue(line.length() <= 79, line.length() + ": " + line);
    assertTrue(line.contains("shade -0.93"), line);
    assertTrue(line.startsWith("second batc~ "), line);

    String toasting =
        ProgressBar.simulateLine("white", new LiveStatus("toasting", true, 150, 80, 2.5, 108, 54));
    assertTrue(toasting.contains("[#####-----]  54/108s"), toasting);
  }
}
