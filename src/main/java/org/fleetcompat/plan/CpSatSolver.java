package org.fleetcompat.plan;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact solver: OR-Tools CP-SAT maximizing the items placed (one boolean per item and candidate
 * bin, at most one bin per item, every bin's load within its free capacity per dimension), started
 * from the first-fit placement as a hint, so it is never worse than first fit.
 *
 * <p>Deterministic: one search worker, a fixed seed and a budget in CP-SAT's deterministic time
 * (not wall-clock time), so the same instance gives the same placement on every run. When the
 * budget runs out the best placement found is kept (never worse than first fit) and not marked
 * optimal. When OR-Tools' native library cannot be loaded on this machine, {@link #isAvailable()}
 * is false and {@link #place} answers with first fit. Thread safe.
 */
public final class CpSatSolver implements PlacementSolver {
  /** The budget per instance, in CP-SAT deterministic seconds (about wall seconds on one core). */
  public static final double DETERMINISTIC_SECONDS = 2.0;

  /** The one instance. */
  public static final CpSatSolver INSTANCE = new CpSatSolver();

  private CpSatSolver() {}

  /**
   * OR-Tools' native library, loaded on first use: loading it costs 0.1 s from an unpacked copy on
   * java.library.path and about 1 s when the Loader unpacks its 61 MB from the jar, which a plan
   * whose every placement first fit solves should not pay.
   */
  private static final class Natives {
    static final boolean AVAILABLE = load();

    private static boolean load() {
      try {
        Loader.loadNativeLibraries();
        return true;
      } catch (RuntimeException | LinkageError e) {
        return false;
      }
    }
  }

  /** Whether OR-Tools' native library loaded on this machine (loading it on the first call). */
  public static boolean isAvailable() {
    return Natives.AVAILABLE;
  }

  @Override
  public Placement place(PlacementInstance p) {
    Placement firstFit = FirstFitDecreasing.INSTANCE.place(p);
    if (firstFit.optimal() || !isAvailable()) {
      return firstFit;
    }
    CpModel model = new CpModel();
    Literal[][] x = new Literal[p.itemCount()][];
    List<List<long[]>> onBin = new ArrayList<>();
    for (int b = 0; b < p.binCount(); b++) {
      onBin.add(new ArrayList<>());
    }
    LinearExprBuilder placed = LinearExpr.newBuilder();
    for (int i = 0; i < p.itemCount(); i++) {
      int[] candidates = p.candidates()[i];
      x[i] = new Literal[candidates.length];
      for (int k = 0; k < candidates.length; k++) {
        x[i][k] = model.newBoolVar("x" + i + "_" + candidates[k]);
        onBin.get(candidates[k]).add(new long[] {i, k});
        placed.add(x[i][k]);
        model.addHint(x[i][k], firstFit.binOfItem()[i] == candidates[k]);
      }
      if (candidates.length > 1) {
        model.addAtMostOne(x[i]);
      }
    }
    for (int b = 0; b < p.binCount(); b++) {
      for (int d = 0; d < p.dimensions(); d++) {
        LinearExprBuilder load = LinearExpr.newBuilder();
        boolean any = false;
        for (long[] ik : onBin.get(b)) {
          long demand = p.demand()[(int) ik[0]][d];
          if (demand > 0) {
            load.addTerm(x[(int) ik[0]][(int) ik[1]], demand);
            any = true;
          }
        }
        if (any) {
          model.addLessOrEqual(load, Math.max(0, p.free()[b][d]));
        }
      }
    }
    model.maximize(placed);
    CpSolver solver = new CpSolver();
    solver.getParameters().setNumWorkers(1).setRandomSeed(1);
    solver.getParameters().setMaxDeterministicTime(DETERMINISTIC_SECONDS);
    solver.getParameters().setLogSearchProgress(false);
    CpSolverStatus status = solver.solve(model);
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return firstFit;
    }
    int[] bins = new int[p.itemCount()];
    for (int i = 0; i < p.itemCount(); i++) {
      bins[i] = -1;
      for (int k = 0; k < x[i].length; k++) {
        if (solver.booleanValue(x[i][k])) {
          bins[i] = p.candidates()[i][k];
        }
      }
    }
    Placement exact =
        new Placement(bins, Placement.SolverName.CP_SAT, status == CpSolverStatus.OPTIMAL);
    return exact.placedCount() >= firstFit.placedCount() ? exact : firstFit;
  }
}
