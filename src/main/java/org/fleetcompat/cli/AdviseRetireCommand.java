package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fleetcompat.advise.BaselineChange;
import org.fleetcompat.advise.ClassFleet;
import org.fleetcompat.advise.ResultFleetReader;
import org.fleetcompat.advise.RetireAdvisor;
import org.fleetcompat.advise.RetireOption;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.drift.ResultDirectory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleetcompat advise-retire}: which few hosts to retire or upgrade, and what it does. */
@Command(
    name = "advise-retire",
    mixinStandardHelpOptions = true,
    description = {
      "Which hosts to retire or upgrade? The smallest sets of at most --max hosts of a pool or"
          + " cluster whose removal most raises its baseline (goal BASELINE: features gained by"
          + " VMs configured at the baseline) or most raises the VMs that fit every remaining host"
          + " (goal MOBILE), each with its effect: VMs stranded before and after (fleet-wide;"
          + " removing hosts never lowers it, so it is the cost), mobile VMs before and after, and"
          + " the baseline change per vector. Greedy, checked by enumerating every candidate set"
          + " when there are few. --json prints {result, host_set, host_count, max, options:"
          + " [{goal, max_hosts, retired_host_ids, stranded_before, stranded_after, mobile_before,"
          + " mobile_after, features_gained, exact, greedy_agrees, changes: [{vector_id, name,"
          + " before, after, gained_bits_hex, features}]}]}."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat advise-retire --result target/cpu-fleet-result --cluster cl-cascadelake-a",
      "  jobs/fleetcompat advise-retire --result target/cpu-fleet-result --pool 0 --max 2 --json"
    })
final class AdviseRetireCommand implements Callable<Integer> {
  @Option(
      names = "--result",
      required = true,
      paramLabel = "DIR",
      description = "The result directory (the --out of a run).")
  String result;

  @ArgGroup(exclusive = true, multiplicity = "1")
  HostSetOption hostSet;

  @Option(
      names = "--max",
      paramLabel = "N",
      defaultValue = "3",
      description = "Retire at most this many hosts (default: ${DEFAULT-VALUE}).")
  int max;

  @Mixin CatalogOption catalog;

  @Option(names = "--json", description = "Print the answer as one JSON document.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (max < 1) {
      throw new ParameterException(
          spec.commandLine(), CliErrors.usage("--max", max, "a number of hosts, at least 1"));
    }
    ClassFleet fleet = ResultFleetReader.read(ResultDirectory.open(result));
    BitSet hosts = hostSet.resolve(fleet, result);
    List<RetireOption> options = RetireAdvisor.advise(fleet, hosts, max);
    VectorCatalog names = catalog.catalog();
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      List<Proposal> out = new ArrayList<>();
      for (RetireOption o : options) {
        out.add(Proposal.of(o, names));
      }
      JsonOutput.print(new Answer(result, hostSet.describe(), hosts.cardinality(), max, out), w);
    } else {
      w.printf(
          Locale.ROOT,
          "advise-retire for %s: %d hosts in %d host classes, at most %d retired%n",
          hostSet.describe(),
          hosts.cardinality(),
          fleet.classesOf(hosts).cardinality(),
          max);
      if (options.isEmpty()) {
        w.println("no set of at most " + max + " hosts raises the baseline or the mobile VMs");
      }
      for (RetireOption o : options) {
        w.printf(
            Locale.ROOT,
            "%n%s, at most %d: retire %s%n  stranded VMs %d -> %d; mobile VMs %d -> %d;"
                + " baseline +%d features (%s)%n",
            o.goal(),
            o.maxHosts(),
            String.join(",", o.retiredHostIds()),
            o.strandedBefore(),
            o.strandedAfter(),
            o.mobileBefore(),
            o.mobileAfter(),
            o.featuresGained(),
            o.exact()
                ? (o.greedyAgrees() ? "exact; greedy agrees" : "exact; greedy found less")
                : "greedy; too many sets to enumerate");
        for (BaselineChange c : o.changes()) {
          w.printf(Locale.ROOT, "  %s%n", describe(c, names));
        }
      }
    }
    w.flush();
    return ExitCodes.OK;
  }

  /** One line per change: {@code 0x10000102 cpuid_features SubSet 0x1 -> 0x7 (+bits 1,2)}. */
  static String describe(BaselineChange c, VectorCatalog names) {
    String name = names.name(c.vectorId());
    StringBuilder s = new StringBuilder(Hex.vectorId(c.vectorId()));
    if (!name.isEmpty()) {
      s.append(' ').append(name);
    }
    s.append(": ").append(text(c.before())).append(" -> ").append(text(c.after()));
    if (c.isBitwise()) {
      s.append(" (+bits");
      for (int bit = 0; bit < 64; bit++) {
        if ((c.gainedBits() >>> bit & 1) != 0) {
          s.append(' ').append(AdviseBaselineCommand.bitText(names, c.vectorId(), bit));
        }
      }
      s.append(')');
    }
    return s.toString();
  }

  private static String text(BaselineVector v) {
    if (v == null) {
      return "no host has it";
    }
    String op = v.operation() == null ? "" : v.operation().displayName() + " ";
    return op + (v.hasValue() ? Hex.value(v.value()) : v.status().name());
  }

  /** {@code advise-retire --json}. */
  record Answer(String result, String hostSet, int hostCount, int max, List<Proposal> options) {}

  /** One proposed set. */
  record Proposal(
      String goal,
      int maxHosts,
      List<String> retiredHostIds,
      long strandedBefore,
      long strandedAfter,
      long mobileBefore,
      long mobileAfter,
      long featuresGained,
      boolean exact,
      boolean greedyAgrees,
      List<Change> changes) {
    static Proposal of(RetireOption o, VectorCatalog names) {
      List<Change> changes = new ArrayList<>();
      for (BaselineChange c : o.changes()) {
        changes.add(
            new Change(
                Integer.toUnsignedLong(c.vectorId()),
                names.name(c.vectorId()),
                c.before() == null ? null : JsonOutput.BaselineValue.of(c.before(), names),
                c.after() == null ? null : JsonOutput.BaselineValue.of(c.after(), names),
                c.isBitwise() ? Hex.value(c.gainedBits()) : null,
                c.featureCount()));
      }
      return new Proposal(
          o.goal().name(),
          o.maxHosts(),
          o.retiredHostIds(),
          o.strandedBefore(),
          o.strandedAfter(),
          o.mobileBefore(),
          o.mobileAfter(),
          o.featuresGained(),
          o.exact(),
          o.greedyAgrees(),
          changes);
    }
  }

  /** One vector's change. */
  record Change(
      long vectorId,
      String name,
      JsonOutput.BaselineValue before,
      JsonOutput.BaselineValue after,
      String gainedBitsHex,
      int features) {}
}
