package com.smarttoaster.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.smarttoaster.model.DenseLayer;
import com.smarttoaster.model.Mlp;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains a small ReLU MLP with DJL's training API on the PyTorch engine (CPU): L1 or L2 loss, Adam,
 * a learning rate halved whenever validation stops improving, early stopping on validation, and the
 * best epoch's parameters kept. Reproducible: the engine seed fixes the initial weights, the
 * shuffling is our own seeded permutation, and PyTorch runs single-threaded (see {@link
 * TrainCommand#configureEngine}).
 */
final class DjlMlpTrainer {
  /**
   * @param hidden units per hidden layer, e.g. {32, 32}
   * @param batchSize rows per step
   * @param maxEpochs hard cap on epochs
   * @param patience stop after this many epochs without a better validation loss
   * @param lrPatience halve the learning rate after this many epochs without improvement
   * @param learningRate Adam's starting learning rate
   * @param minLearningRate stop once the learning rate has been halved below this
   * @param seed engine seed (initial weights) and shuffling seed
   * @param loss "l1" (absolute error: fits the conditional median, so the few rows whose bread came
   *     from the fridge – a hidden cause the features cannot show – do not drag every prediction
   *     longer) or "l2" (squared error: fits the mean)
   */
  record Settings(
      int[] hidden,
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
    }
  }

  /**
   * One epoch: mean training loss and validation error (mean absolute error for L1, mean squared
   * error for L2, both on the standardised target), and the learning rate.
   */
  record EpochLog(int epoch, double trainLoss, double valLoss, float learningRate) {}

  /**
   * @param mlp the best epoch's network, copied out of DJL
   * @param djlOutputs DJL's own outputs of that network for the evaluation inputs
   * @param epochsRun epochs trained
   * @param bestEpoch the epoch whose parameters were kept (1-based)
   * @param log per-epoch history
   */
  record Result(
      Mlp mlp,
      float[] djlOutputs,
      int epochsRun,
      int bestEpoch,
      double bestValLoss,
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
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) s.seed());
    SequentialBlock net = new SequentialBlock();
    List<Linear> linears = new ArrayList<>();
    for (int units : s.hidden()) {
      Linear l = Linear.builder().setUnits(units).build();
      linears.add(l);
      net.add(l).add(Activation.reluBlock());
    }
    Linear out = Linear.builder().setUnits(1).build();
    linears.add(out);
    net.add(out);

    PlateauTracker lr = new PlateauTracker(s.learningRate());
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(s.loss().equals("l1") ? Loss.l1Loss() : Loss.l2Loss())
            .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build())
            .optDevices(new Device[] {Device.cpu()});
    try (Model model = Model.newInstance("toast-time", Device.cpu(), "PyTorch")) {
      model.setBlock(net);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(s.batchSize(), inputs));
        NDManager m = trainer.getManager();
        SplittableRandom shuffle = new SplittableRandom(s.seed());
        int[] order = new int[xTrain.length];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        List<EpochLog> log = new ArrayList<>();
        Mlp best = copy(linears);
        double bestVal = Double.POSITIVE_INFINITY;
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
                NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(pred));
                gc.backward(loss);
                lossSum += loss.getFloat() * n;
              }
              trainer.step();
            }
          }
          double valLoss = validationLoss(trainer, m, xVal, yVal, s.loss().equals("l1"));
          log.add(new EpochLog(epoch, lossSum / order.length, valLoss, lr.value));
          if (valLoss < bestVal * (1 - 1e-4)) {
            bestVal = valLoss;
            bestEpoch = epoch;
            best = copy(linears);
            sinceBest = 0;
            sinceLrDrop = 0;
          } else {
            sinceBest++;
            sinceLrDrop++;
          }
          if (progress != null && (epoch % 10 == 0 || epoch == 1)) {
            progress.printf(
                Locale.ROOT,
                "epoch %4d  train %.6f  val %.6f  best %.6f (epoch %d)  lr %.2e%n",
                epoch,
                lossSum / order.length,
                valLoss,
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
        restore(linears, best);
        float[] djl = predict(trainer, m, xEval);
        return new Result(best, djl, epoch, bestEpoch, bestVal, log);
      }
    }
  }

  /** DJL's outputs for {@code x}, computed by the engine in inference mode. */
  private static float[] predict(Trainer trainer, NDManager m, float[][] x) {
    try (NDManager sub = m.newSubManager()) {
      NDArray in = sub.create(flatten(x), new Shape(x.length, x[0].length));
      return trainer.evaluate(new NDList(in)).singletonOrThrow().toFloatArray();
    }
  }

  private static double validationLoss(
      Trainer trainer, NDManager m, float[][] x, float[] y, boolean absolute) {
    float[] p = predict(trainer, m, x);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double d = p[i] - y[i];
      s += absolute ? Math.abs(d) : d * d;
    }
    return s / y.length;
  }

  /**
   * Copies the Linear layers' parameters into an {@link Mlp}. DJL keeps a Linear weight as [out,
   * in], the same layout as {@link DenseLayer#weights()}; every layer but the last has a ReLU.
   */
  static Mlp copy(List<Linear> linears) {
    List<DenseLayer> layers = new ArrayList<>();
    for (int k = 0; k < linears.size(); k++) {
      Linear l = linears.get(k);
      NDArray w = l.getParameters().get("weight").getArray();
      NDArray b = l.getParameters().get("bias").getArray();
      long[] shape = w.getShape().getShape();
      int outs = (int) shape[0];
      int ins = (int) shape[1];
      float[] flat = w.toFloatArray();
      float[][] weights = new float[outs][ins];
      for (int o = 0; o < outs; o++) {
        System.arraycopy(flat, o * ins, weights[o], 0, ins);
      }
      layers.add(new DenseLayer(weights, b.toFloatArray(), k < linears.size() - 1));
    }
    return new Mlp(layers);
  }

  /** Puts an {@link Mlp}'s parameters back into the Linear layers (to keep the best epoch). */
  private static void restore(List<Linear> linears, Mlp mlp) {
    for (int k = 0; k < linears.size(); k++) {
      DenseLayer d = mlp.layers().get(k);
      linears.get(k).getParameters().get("weight").getArray().set(flatten(d.weights()));
      linears.get(k).getParameters().get("bias").getArray().set(d.bias());
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
