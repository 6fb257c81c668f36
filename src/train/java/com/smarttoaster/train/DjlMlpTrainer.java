package com.smarttoaster.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.smarttoaster.model.Mlp;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains K small ReLU MLPs side by side ({@link EnsembleBlock}) with DJL's training API on the
 * PyTorch engine (CPU): L1 or L2 loss, Adam, a learning rate halved whenever validation stops
 * improving, early stopping on validation, and the best epoch's parameters kept. The members are
 * averaged and handed on as one ordinary MLP ({@link MlpEnsemble}); K = 1 is a single network.
 * Reproducible: the initial weights come from our own seeded draws, the shuffling is our own seeded
 * permutation, and PyTorch runs single-threaded (see {@link TrainCommand#configureEngine}).
 */
final class DjlMlpTrainer {
  /**
   * @param hidden units per hidden layer of each member, e.g. {32, 32}
   * @param members K, networks averaged (each from its own initial weights, the same batches)
   * @param batchSize rows per step
   * @param maxEpochs hard cap on epochs
   * @param patience stop after this many epochs without a better validation loss
   * @param lrPatience halve the learning rate after this many epochs without improvement
   * @param learningRate Adam's starting learning rate
   * @param minLearningRate stop once the learning rate has been halved below this
   * @param seed initial weights' and shuffling's seed
   * @param loss "l1" (absolute error: fits the conditional median, so the few rows whose bread came
   *     from the fridge – a hidden cause the features cannot show – do not drag every prediction
   *     longer) or "l2" (squared error: fits the mean)
   */
  record Settings(
      int[] hidden,
      int members,
      int batchSize,
      int maxEpochs,
      int patience,
      int lrPatience,
      float learningRate,
      float minLearningRate,
      long seed,
      String loss) {
    Settings {
      if (!loss.equals("l2") && !loss.equals("l1")) {
        throw new IllegalArgumentException("loss '" + loss + "' is not one of l2, l1");
      }
      if (members < 1) {
        throw new IllegalArgumentException("members " + members + " is below 1");
      }
    }
  }

  /**
   * One epoch: mean training loss (over the members) and the averaged network's validation error
   * (mean absolute error for L1, mean squared error for L2, both on the standardised target), and
   * the learning rate.
   */
  record EpochLog(int epoch, double trainLoss, double valLoss, float learningRate) {}

  /**
   * @param mlp the best epoch's averaged network, as one MLP
   * @param djlOutputs DJL's own outputs of that network (the members' mean) for the evaluation
   *     inputs
   * @param epochsRun epochs trained
   * @param bestEpoch the epoch whose parameters were kept (1-based)
   * @param bestValLoss the averaged network's validation loss at that epoch
   * @param memberValLosses each member's own validation loss at that epoch (what averaging gains)
   * @param log per-epoch history
   */
  record Result(
      Mlp mlp,
      float[] djlOutputs,
      int epochsRun,
      int bestEpoch,
      double bestValLoss,
      double[] memberValLosses,
      List<EpochLog> log) {}

  /** Adam asks this for its learning rate on every update; the trainer lowers it on plateaus. */
  private static final class PlateauTracker implements Tracker {
    private volatile float value;

    PlateauTracker(float start) {
      value = start;
    }

    @Override
    public float getNewValue(int numUpdate) {
      return value;
    }
  }

  private DjlMlpTrainer() {}

  static Result train(
      float[][] xTrain,
      float[] yTrain,
      float[][] xVal,
      float[] yVal,
      float[][] xEval,
      Settings s,
      PrintStream progress) {
    int inputs = xTrain[0].length;
    boolean absolute = s.loss().equals("l1");
    EnsembleBlock net = new EnsembleBlock(s.members(), inputs, s.hidden());
    PlateauTracker lr = new PlateauTracker(s.learningRate());
    // The loss is computed below (members against one label); this one only satisfies the config.
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(absolute ? Loss.l1Loss() : Loss.l2Loss())
            .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build())
            .optDevices(new Device[] {Device.cpu()});
    try (Model model = Model.newInstance("toast-time", Device.cpu(), "PyTorch")) {
      model.setBlock(net);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(s.batchSize(), inputs));
        net.initialiseWeights(s.seed());
        NDManager m = trainer.getManager();
        SplittableRandom shuffle = new SplittableRandom(s.seed());
        int[] order = new int[xTrain.length];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        List<EpochLog> log = new ArrayList<>();
        List<float[]> best = net.snapshot();
        double bestVal = Double.POSITIVE_INFINITY;
        double[] bestMembers = new double[s.members()];
        int bestEpoch = 0;
        int sinceBest = 0;
        int sinceLrDrop = 0;
        int epoch = 0;
        while (epoch < s.maxEpochs()) {
          epoch++;
          permute(order, shuffle);
          double lossSum = 0;
          for (int start = 0; start < order.length; start += s.batchSize()) {
            int n = Math.min(s.batchSize(), order.length - start);
            float[] bx = new float[n * inputs];
            float[] by = new float[n];
            for (int k = 0; k < n; k++) {
              System.arraycopy(xTrain[order[start + k]], 0, bx, k * inputs, inputs);
              by[k] = yTrain[order[start + k]];
            }
            try (NDManager batch = m.newSubManager()) {
              NDArray x = batch.create(bx, new Shape(n, inputs));
              NDArray y = batch.create(by, new Shape(n, 1));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
                // [n, K] − [n, 1]: every member against the label; the mean over members keeps
                // the members' gradients apart (each weight belongs to one member).
                NDArray d = pred.sub(y);
                NDArray loss = absolute ? d.abs().mean() : d.square().mean();
                gc.backward(loss);
                lossSum += loss.getFloat() * n;
              }
              trainer.step();
            }
          }
          Validation v = validate(trainer, m, xVal, yVal, absolute);
          log.add(new EpochLog(epoch, lossSum / order.length, v.ensemble, lr.value));
          if (v.ensemble < bestVal * (1 - 1e-4)) {
            bestVal = v.ensemble;
            bestMembers = v.members;
            bestEpoch = epoch;
            best = net.snapshot();
            sinceBest = 0;
            sinceLrDrop = 0;
          } else {
            sinceBest++;
            sinceLrDrop++;
          }
          if (progress != null && (epoch % 10 == 0 || epoch == 1)) {
            progress.printf(
                Locale.ROOT,
                "epoch %4d  train %.6f  val %.6f (members %.6f)  best %.6f (epoch %d)  lr %.2e%n",
                epoch,
                lossSum / order.length,
                v.ensemble,
                mean(v.members),
                bestVal,
                bestEpoch,
                lr.value);
          }
          if (sinceBest >= s.patience()) {
            break;
          }
          if (sinceLrDrop >= s.lrPatience()) {
            lr.value /= 2;
            sinceLrDrop = 0;
            if (lr.value < s.minLearningRate()) {
              break;
            }
          }
        }
        net.restore(best);
        float[] djl = predict(trainer, m, xEval);
        Mlp merged = MlpEnsemble.merge(net.membersOf(best));
        return new Result(merged, djl, epoch, bestEpoch, bestVal, bestMembers, log);
      }
    }
  }

  /** The averaged network's validation error and each member's. */
  private record Validation(double ensemble, double[] members) {}

  private static Validation validate(
      Trainer trainer, NDManager m, float[][] x, float[] y, boolean absolute) {
    float[] p = memberOutputs(trainer, m, x);
    int k = p.length / y.length;
    double[] members = new double[k];
    double ensemble = 0;
    for (int i = 0; i < y.length; i++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double d = p[i * k + j] - y[i];
        members[j] += absolute ? Math.abs(d) : d * d;
        sum += p[i * k + j];
      }
      double d = sum / k - y[i];
      ensemble += absolute ? Math.abs(d) : d * d;
    }
    for (int j = 0; j < k; j++) {
      members[j] /= y.length;
    }
    return new Validation(ensemble / y.length, members);
  }

  static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  /** Every member's output for {@code x}, row-major [n, K], computed by the engine. */
  private static float[] memberOutputs(Trainer trainer, NDManager m, float[][] x) {
    try (NDManager sub = m.newSubManager()) {
      NDArray in = sub.create(flatten(x), new Shape(x.length, x[0].length));
      return trainer.evaluate(new NDList(in)).singletonOrThrow().toFloatArray();
    }
  }

  /** DJL's outputs of the averaged network for {@code x}: the mean over the members. */
  private static float[] predict(Trainer trainer, NDManager m, float[][] x) {
    try (NDManager sub = m.newSubManager()) {
      NDArray in = sub.create(flatten(x), new Shape(x.length, x[0].length));
      return trainer.evaluate(new NDList(in)).singletonOrThrow().mean(new int[] {1}).toFloatArray();
    }
  }

  private static void permute(int[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  static float[] flatten(float[][] x) {
    int cols = x[0].length;
    float[] f = new float[x.length * cols];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, f, i * cols, cols);
    }
    return f;
  }
}
