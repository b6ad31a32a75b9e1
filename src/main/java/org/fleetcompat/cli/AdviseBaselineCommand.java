package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.fleetcompat.advise.BaselineAdvisor;
import org.fleetcompat.advise.BaselineCandidate;
import org.fleetcompat.advise.ClassFleet;
import org.fleetcompat.advise.FeatureLoss;
import org.fleetcompat.advise.ResultFleetReader;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.drift.ResultDirectory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleetcompat advise-baseline}: candidate baselines for a host set, as a Pareto table. */
@Command(
    name = "advise-baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Which baseline should this host set use? Candidates: the set's own baseline, then, greedily,"
          + " the baselines of subsets that drop the host class whose removal gains the most"
          + " mobile VMs (VMs of the fleet that fit every kept host). For each: the hosts kept,"
          + " the mobile VMs, and per vector the features given up against the best kept host"
          + " (bits for SubSet/SuperSet/Disjoint, else the value). Pareto marks candidates no"
          + " other beats on hosts kept, mobile VMs and features lost. --json prints {result,"
          + " host_set, candidates: [{step, kept_host_count, kept_host_ids, dropped_host_ids,"
          + " mobile_vms, features_lost, pareto, baseline: [...], losses: [{vector_id, name,"
          + " operation, status, baseline_value_hex, best_host_value_hex, lost_bits_hex,"
          + " lost_bits, lost_bit_names (catalog feature names, empty where unknown), features}]}]}."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat advise-baseline --result target/cpu-fleet-result --cluster cl-cascadelake-a",
      "  jobs/fleetcompat advise-baseline --result target/cpu-fleet-result --pool 3 --json",
      "  jobs/fleetcompat advise-baseline --result target/cpu-fleet-result --hosts h-0001,h-0042"
    })
final class AdviseBaselineCommand implements Callable<Integer> {
  @Option(
      names = "--result",
      required = true,
      paramLabel = "DIR",
      description = "The result directory (the --out of a run).")
  String result;

  @ArgGroup(exclusive = true, multiplicity = "1")
  HostSetOption hostSet;

  @Mixin CatalogOption catalog;

  @Option(names = "--json", description = "Print the answer as one JSON document.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ClassFleet fleet = ResultFleetReader.read(ResultDirectory.open(result));
    BitSet hosts = hostSet.resolve(fleet, result);
    List<BaselineCandidate> candidates = BaselineAdvisor.candidates(fleet, hosts);
    VectorCatalog names = catalog.catalog();
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      List<Candidate> out = new ArrayList<>();
      for (BaselineCandidate c : candidates) {
        out.add(Candidate.of(c, names));
      }
      JsonOutput.print(new Answer(result, hostSet.describe(), out), w);
    } else {
      text(w, fleet, hosts, candidates, names);
    }
    w.flush();
    return ExitCodes.OK;
  }

  private void text(
      PrintWriter w,
      ClassFleet fleet,
      BitSet hosts,
      List<BaselineCandidate> candidates,
      VectorCatalog names) {
    w.printf(
        Locale.ROOT,
        "advise-baseline for %s: %d hosts in %d host classes; %,d VMs in the fleet%n",
        hostSet.describe(),
        hosts.cardinality(),
        fleet.classesOf(hosts).cardinality(),
        fleet.vmCount());
    w.printf(
        Locale.ROOT,
        "%-4s  %-6s  %-10s  %-13s  %-6s  %s%n",
        "step",
        "hosts",
        "mobile_vms",
        "features_lost",
        "pareto",
        "hosts dropped (cumulative)");
    for (BaselineCandidate c : candidates) {
      w.printf(
          Locale.ROOT,
          "%-4d  %-6d  %-10d  %-13d  %-6s  %s%n",
          c.step(),
          c.keptHostIds().size(),
          c.mobileVms(),
          c.featuresLost(),
          c.pareto() ? "yes" : "-",
          c.droppedHostIds().isEmpty() ? "-" : abbreviate(c.droppedHostIds()));
    }
    for (BaselineCandidate c : candidates) {
      if (!c.pareto()) {
        continue;
      }
      w.printf(
          Locale.ROOT,
          "%nstep %d: %d hosts, %d mobile VMs, %d features lost against the best kept host%n",
          c.step(),
          c.keptHostIds().size(),
          c.mobileVms(),
          c.featuresLost());
      for (FeatureLoss l : c.losses()) {
        w.printf(Locale.ROOT, "  %s%n", describe(l, names));
      }
    }
  }

  /** One line per loss: {@code 0x10000102 cpuid_features SubSet: bits 3,5 (0x28)}. */
  static String describe(FeatureLoss l, VectorCatalog names) {
    String name = names.name(l.vectorId());
    String head =
        Hex.vectorId(l.vectorId())
            + (name.isEmpty() ? "" : " " + name)
            + " "
            + (l.operation() == null ? "operation differs" : l.operation().displayName())
            + ": ";
    BaselineVector b = l.baseline();
    if (!b.hasValue()) {
      return head
          + "no baseline value ("
          + b.status()
          + "), best host "
          + Hex.value(l.bestHostValue());
    }
    if (l.isMask()) {
      return head
          + "bits "
          + l.lostBitPositions().stream()
              .map(bit -> bitText(names, l.vectorId(), bit))
              .collect(Collectors.joining(","))
          + " ("
          + Hex.value(l.lostBits())
          + ")";
    }
    return head
        + "baseline "
        + Hex.value(b.value())
        + ", best host "
        + Hex.value(l.bestHostValue());
  }

  /** A bit position with its catalog feature name when there is one: {@code 4 (avx512f)}. */
  static String bitText(VectorCatalog names, int vectorId, int bit) {
    String name = names.bitName(vectorId, bit);
    return name.isEmpty() ? String.valueOf(bit) : bit + " " + name;
  }

  private static String abbreviate(List<String> ids) {
    return ids.size() <= 6
        ? String.join(",", ids)
        : String.join(",", ids.subList(0, 5)) + ",... (" + ids.size() + " hosts)";
  }

  /** {@code advise-baseline --json}. */
  record Answer(String result, String hostSet, List<Candidate> candidates) {}

  /** One candidate. */
  record Candidate(
      int step,
      int keptHostCount,
      List<String> keptHostIds,
      List<String> droppedHostIds,
      long mobileVms,
      long featuresLost,
      boolean pareto,
      List<JsonOutput.BaselineValue> baseline,
      List<Loss> losses) {
    static Candidate of(BaselineCandidate c, VectorCatalog names) {
      List<JsonOutput.BaselineValue> baseline = new ArrayList<>();
      for (BaselineVector v : c.baseline().vectors()) {
        baseline.add(JsonOutput.BaselineValue.of(v, names));
      }
      List<Loss> losses = new ArrayList<>();
      for (FeatureLoss l : c.losses()) {
        losses.add(
            new Loss(
                Integer.toUnsignedLong(l.vectorId()),
                names.name(l.vectorId()),
                l.operation() == null ? null : l.operation().displayName(),
                l.baseline().status().name(),
                l.baseline().hasValue() ? Hex.value(l.baseline().value()) : null,
                Hex.value(l.bestHostValue()),
                l.isMask() && l.baseline().hasValue() ? Hex.value(l.lostBits()) : null,
                l.isMask() && l.baseline().hasValue() ? l.lostBitPositions() : List.of(),
                l.isMask() && l.baseline().hasValue()
                    ? l.lostBitPositions().stream()
                        .map(bit -> names.bitName(l.vectorId(), bit))
                        .toList()
                    : List.of(),
                l.featureCount()));
      }
      return new Candidate(
          c.step(),
          c.keptHostIds().size(),
          c.keptHostIds(),
          c.droppedHostIds(),
          c.mobileVms(),
          c.featuresLost(),
          c.pareto(),
          baseline,
          losses);
    }
  }

  /** What one vector gives up. */
  record Loss(
      long vectorId,
      String name,
      String operation,
      String status,
      String baselineValueHex,
      String bestHostValueHex,
      String lostBitsHex,
      List<Integer> lostBits,
      List<String> lostBitNames,
      int features) {}
}
