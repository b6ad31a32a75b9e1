package org.fleetcompat.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fleetcompat.reference.FeasibilityReference;
import org.fleetcompat.reference.FeasibilityReference.VmAttributes;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.ReferenceValidation;
import org.fleetcompat.reference.ReferenceValidation.Accounting;
import org.fleetcompat.reference.ReferenceValidation.AttributeTable;
import org.fleetcompat.reference.ReferenceValidation.Rejection;
import org.fleetcompat.reference.ReferenceValidation.VectorTable;
import org.fleetcompat.reference.SnapshotFileReader;
import org.fleetcompat.reference.SnapshotFileReader.RawHostRow;
import org.fleetcompat.reference.SnapshotFileReader.RawVmRow;

/**
 * Computes the golden expected outputs of a sample snapshot from the independent reference only
 * ({@link SnapshotFileReader}, {@link ReferenceValidation}, {@link NestedLoopReference}, {@link
 * FeasibilityReference}), never from {@link RunJob}, and writes them beside the sample; {@code
 * SampleGoldenTest} checks the engine against them and checks that they are still what this tool
 * computes.
 *
 * <p>Files written into the expected directory (see {@link #render}):
 *
 * <ul>
 *   <li>{@code summary.json}: the fleet and feasibility counts of the manifest and the row
 *       accounting per table;
 *   <li>{@code vm_hosts.csv}: per accepted VM, its number of compatible hosts and {@link
 *       #fingerprint the fingerprint} of their ids, a complete but compact form of the matrix row;
 *   <li>{@code rejected.csv}: one line per rejected input row (table, system_id, reason);
 *   <li>the pool and feasibility tables of {@link FeasibilityCsv}: {@code host_classes.csv}, {@code
 *       pools.csv}, {@code pool_baselines.csv}, {@code pool_edges.csv}, {@code vm_summary.csv},
 *       {@code host_evacuation.csv}, {@code blockers.csv}, {@code blockers_by_pool.csv};
 *   <li>{@code README.md}: what the files are and how to rebuild them.
 * </ul>
 *
 * <p>Usage: {@code ExpectedOutputsWriter SNAPSHOT_DIR EXPECTED_DIR} (local paths). Output is a
 * function of the snapshot only: the same files give the same bytes.
 */
public final class ExpectedOutputsWriter {
  /** File names inside the expected directory. */
  public static final String SUMMARY = "summary.json";

  /** Per-VM compatible host counts and fingerprints. */
  public static final String VM_HOSTS = "vm_hosts.csv";

  /** The rejected input rows. */
  public static final String REJECTED = "rejected.csv";

  /** What the files are. */
  public static final String README = "README.md";

  /** Header of {@link #VM_HOSTS}. */
  public static final String VM_HOSTS_HEADER = "vm_id,compatible_hosts,hosts_sha256";

  /** Header of {@link #REJECTED}. */
  public static final String REJECTED_HEADER = "table,system_id,reason";

  private static final int FINGERPRINT_HEX_CHARS = 16;

  private ExpectedOutputsWriter() {}

  /**
   * What the reference makes of a snapshot.
   *
   * @param hostVectors the validated {@code host_vectors}
   * @param vmVectors the validated {@code vm_vectors}
   * @param hosts the validated {@code hosts}, if the snapshot has it
   * @param vms the validated {@code vms}, if the snapshot has it
   * @param compatibleHosts per accepted VM (sorted by id), its compatible host ids, sorted
   * @param feasibility pools, their order and baselines, per-VM and per-host feasibility, blockers
   */
  public record Expected(
      VectorTable hostVectors,
      VectorTable vmVectors,
      Optional<AttributeTable<RawHostRow>> hosts,
      Optional<AttributeTable<RawVmRow>> vms,
      Map<String, List<String>> compatibleHosts,
      FeasibilityReference feasibility) {

    /** The manifest's {@code fleet} counts, in the manifest's key order. */
    public Map<String, Long> fleet() {
      Map<String, Long> fleet = new LinkedHashMap<>();
      fleet.put("vms", (long) vmVectors.systems().size());
      fleet.put("hosts", (long) hostVectors.systems().size());
      fleet.put("vm_classes", distinctVectorSets(vmVectors));
      fleet.put("host_classes", distinctVectorSets(hostVectors));
      fleet.put("compatible_pairs", compatibleHosts.values().stream().mapToLong(List::size).sum());
      fleet.put(
          "vms_with_a_compatible_host",
          compatibleHosts.values().stream().filter(h -> !h.isEmpty()).count());
      return fleet;
    }

    /** The row accounting per input table present, in the manifest's table order. */
    public Map<String, Accounting> inputs() {
      Map<String, Accounting> inputs = new LinkedHashMap<>();
      inputs.put("host_vectors", hostVectors.accounting());
      inputs.put("vm_vectors", vmVectors.accounting());
      hosts.ifPresent(h -> inputs.put("hosts", h.accounting()));
      vms.ifPresent(v -> inputs.put("vms", v.accounting()));
      return inputs;
    }

    /** Every rejected row of every table, sorted by table, system id (null first), reason. */
    public List<Rejection> rejected() {
      List<Rejection> all = new ArrayList<>();
      all.addAll(hostVectors.rejected());
      all.addAll(vmVectors.rejected());
      hosts.ifPresent(h -> all.addAll(h.rejected()));
      vms.ifPresent(v -> all.addAll(v.rejected()));
      all.sort(null);
      return all;
    }

    private static long distinctVectorSets(VectorTable table) {
      return table.systems().values().stream().map(HashSet::new).distinct().count();
    }
  }

  /** Runs {@link #write}: {@code args} are the snapshot directory and the expected directory. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ExpectedOutputsWriter SNAPSHOT_DIR EXPECTED_DIR");
      System.exit(2);
    }
    Path expectedDir = Path.of(args[1]);
    Map<String, String> files = write(Path.of(args[0]), expectedDir);
    System.out.println("wrote " + files.keySet() + " into " + expectedDir);
    System.out.print(files.get(SUMMARY));
  }

  /** Computes the expected outputs of {@code snapshot} and writes them into {@code expectedDir}. */
  public static Map<String, String> write(Path snapshot, Path expectedDir) throws IOException {
    Map<String, String> files = render(snapshot);
    Files.createDirectories(expectedDir);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(expectedDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    return files;
  }

  /** The reference's view of a local snapshot directory. Cost: O(VMs x hosts x vectors). */
  public static Expected compute(Path snapshot) {
    VectorTable hostVectors =
        ReferenceValidation.validateVectors(
            "host_vectors", SnapshotFileReader.readHostVectors(snapshot));
    VectorTable vmVectors =
        ReferenceValidation.validateVectors(
            "vm_vectors", SnapshotFileReader.readVmVectors(snapshot));
    Optional<AttributeTable<RawHostRow>> hosts =
        SnapshotFileReader.readHosts(snapshot)
            .map(
                rows ->
                    ReferenceValidation.validateAttributes(
                        "hosts", rows, RawHostRow::hostId, hostVectors));
    Optional<AttributeTable<RawVmRow>> vms =
        SnapshotFileReader.readVms(snapshot)
            .map(
                rows ->
                    ReferenceValidation.validateAttributes("vms", rows, RawVmRow::vmId, vmVectors));
    Map<String, VmAttributes> vmAttributes = new TreeMap<>();
    vms.ifPresent(
        t ->
            t.rows()
                .forEach(
                    (id, row) ->
                        vmAttributes.put(
                            id,
                            new VmAttributes(
                                row.enabledState() == null
                                    ? null
                                    : row.enabledState().longValueExact(),
                                row.currentHostId()))));
    Map<String, String> clusterOfHost = new TreeMap<>();
    hosts.ifPresent(t -> t.rows().forEach((id, row) -> clusterOfHost.put(id, row.cluster())));
    // VMs the raw vms rows place on a host but that are not evaluated there (quarantined, no
    // vector rows, rejected or conflicting vms rows): they make the host's drain unknown.
    Map<String, Set<String>> unevaluated = new TreeMap<>();
    SnapshotFileReader.readVms(snapshot)
        .ifPresent(
            rows ->
                rows.forEach(
                    r -> {
                      VmAttributes a = r.vmId() == null ? null : vmAttributes.get(r.vmId());
                      boolean counted =
                          a != null
                              && vmVectors.systems().containsKey(r.vmId())
                              && r.currentHostId() != null
                              && r.currentHostId().equals(a.currentHostId());
                      if (r.vmId() != null && r.currentHostId() != null && !counted) {
                        unevaluated
                            .computeIfAbsent(r.currentHostId(), h -> new TreeSet<>())
                            .add(r.vmId());
                      }
                    }));
    FeasibilityReference feasibility =
        FeasibilityReference.compute(
            vmVectors.systems(), hostVectors.systems(), vmAttributes, clusterOfHost, unevaluated);
    return new Expected(
        hostVectors, vmVectors, hosts, vms, feasibility.compatibleHosts(), feasibility);
  }

  /** The expected files of {@code snapshot}, by file name, as {@link #write} writes them. */
  public static Map<String, String> render(Path snapshot) {
    Expected expected = compute(snapshot);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(SUMMARY, summaryJson(expected));
    files.put(VM_HOSTS, vmHostsCsv(expected.compatibleHosts()));
    files.put(REJECTED, rejectedCsv(expected.rejected()));
    FeasibilityCsv.render(expected.feasibility())
        .forEach(
            (name, lines) -> {
              StringBuilder s = new StringBuilder(FeasibilityCsv.HEADERS.get(name)).append('\n');
              lines.forEach(line -> s.append(line).append('\n'));
              files.put(name, s.toString());
            });
    files.put(README, readme(snapshot, expected));
    return files;
  }

  /**
   * The fingerprint of a set of host ids: the first 16 hex digits (lower case) of the SHA-256 of
   * the ids, sorted, joined by {@code '\n'} (no trailing newline), UTF-8. The empty set gives
   * {@code e3b0c44298fc1c14}.
   */
  public static String fingerprint(Collection<String> hostIds) {
    List<String> sorted = new ArrayList<>(hostIds);
    sorted.sort(null);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** One {@link #VM_HOSTS} line (without newline) for a VM and its compatible host ids. */
  public static String vmHostsLine(String vmId, Collection<String> hostIds) {
    return csvField(vmId) + "," + hostIds.size() + "," + fingerprint(hostIds);
  }

  /** One {@link #REJECTED} line (without newline). */
  public static String rejectedLine(String table, String systemId, String reason) {
    return csvField(table) + "," + csvField(systemId) + "," + csvField(reason);
  }

  /**
   * A CSV field: null as nothing, the empty string as {@code ""}, a value with a comma, quote or
   * line break quoted (quotes doubled), anything else as is.
   */
  public static String csvField(String value) {
    if (value == null) {
      return "";
    }
    boolean quote =
        value.isEmpty()
            || value.contains(",")
            || value.contains("\"")
            || value.contains("\n")
            || value.contains("\r");
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static String vmHostsCsv(Map<String, List<String>> compatibleHosts) {
    StringBuilder s = new StringBuilder(VM_HOSTS_HEADER).append('\n');
    compatibleHosts.forEach((vm, hosts) -> s.append(vmHostsLine(vm, hosts)).append('\n'));
    return s.toString();
  }

  private static String rejectedCsv(List<Rejection> rejected) {
    StringBuilder s = new StringBuilder(REJECTED_HEADER).append('\n');
    for (Rejection r : rejected) {
      s.append(rejectedLine(r.table(), r.systemId(), r.reason())).append('\n');
    }
    return s.toString();
  }

  private static String summaryJson(Expected expected) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    expected
        .inputs()
        .forEach(
            (table, a) -> {
              Map<String, Long> counts = new LinkedHashMap<>();
              counts.put("rows_read", a.rowsRead());
              counts.put("rows_accepted", a.rowsAccepted());
              counts.put("rows_rejected", a.rowsRejected());
              counts.put("duplicates_collapsed", a.duplicatesCollapsed());
              inputs.put(table, counts);
            });
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("fleet", expected.fleet());
    summary.put("inputs", inputs);
    summary.put("feasibility", expected.feasibility().counts());
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return new ObjectMapper().writer(pretty).writeValueAsString(summary) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render " + SUMMARY, e);
    }
  }

  private static String readme(Path snapshot, Expected expected) {
    Map<String, Long> fleet = expected.fleet();
    Map<String, Long> feasibility = expected.feasibility().counts();
    return """
        # Expected outputs of the %1$s sample (golden files)

        These files are what `fleetcompat run --pairs` must compute from the snapshot one level up.
        They are computed by the test tree's independent reference, **not by the engine**:
        `org.fleetcompat.job.ExpectedOutputsWriter` reads the Parquet files with parquet-hadoop's own
        record reader (`org.fleetcompat.reference.SnapshotFileReader`, no Spark), applies SPEC
        section 4's row rules in plain Java (`ReferenceValidation`) and evaluates every VM against
        every host with `NestedLoopReference` (BigInteger nested loops over SPEC section 1's table).
        From the same per-pair, per-vector verdicts `FeasibilityReference` derives, by brute force
        over sets of ids, the pools (SPEC section 6), their inclusion order, per-VM and per-host
        feasibility and the blocker counts, and `BaselineReference` computes each pool's baseline in
        BigInteger, one small rule per operation; none of the engine's pool, blocker or matrix code
        is used. `SampleGoldenTest` runs `RunJob` on the sample and compares its manifest,
        `compatible_pairs`, `class_matrix` (joined with `vm_classes` and `host_classes`), `rejected`,
        `host_classes`, `pools`, `pool_edges`, `vm_summary`, `host_evacuation`, `blockers` and
        `blockers_by_pool` tables with these files, and fails if they are no longer what the writer
        computes from the committed snapshot.
        Never edit them by hand, and never regenerate them to make the engine pass: a difference is a
        bug in the engine or in the reference, to be understood first.

        | file | content |
        |---|---|
        | `summary.json` | `fleet`: the manifest's fleet counts (%2$d VMs, %3$d hosts, %4$d VM classes, %5$d host classes, %6$d compatible pairs, %7$d VMs with a compatible host); `inputs`: per input table, `rows_read` = `rows_accepted` + `rows_rejected` + `duplicates_collapsed`; `feasibility`: the manifest's feasibility counts (%8$d pools, %9$d stranded VMs, %10$d evacuable hosts, ...) |
        | `vm_hosts.csv` | `vm_id,compatible_hosts,hosts_sha256`: one line per accepted VM, sorted by `vm_id` |
        | `rejected.csv` | `table,system_id,reason`: one line per rejected input row, sorted by table, system id (null, written as an empty field, first) and reason |
        | `host_classes.csv` | `host_classes`: one line per accepted host, sorted by `host_id` |
        | `pools.csv` | `pools` without its `baseline`, plus `hosts_sha256`, the fingerprint of the pool's host ids: one line per pool, by `pool_id` |
        | `pool_baselines.csv` | `pools.baseline` unnested: one line per pool and `vector_id`, by pool, then id |
        | `pool_edges.csv` | `pool_edges`: one line per pair of pools where the first accepts a strict superset of the second's VMs, by super, then sub pool |
        | `vm_summary.csv` | `vm_summary`: one line per accepted VM, sorted by `vm_id` |
        | `host_evacuation.csv` | `host_evacuation`: one line per accepted host, sorted by `host_id` |
        | `blockers.csv` | `blockers` without the catalog `name`, in the table's order: `blocked_pairs` descending, then `vector_id`, `compare_operation`, `reason` |
        | `blockers_by_pool.csv` | `blockers_by_pool` likewise, by `pool_id` first |
        | `README.md` | this file (also written by the writer) |

        `hosts_sha256` is a fingerprint of the VM's whole row of the matrix: the first 16 hex digits
        (lower case) of the SHA-256 of its compatible host ids, sorted (Java `String` order), joined
        by `\\n` with no trailing newline, UTF-8 encoded. A VM with no compatible host has count 0
        and `e3b0c44298fc1c14` (the SHA-256 of the empty string). For example, in a shell:
        `printf 'h-0001\\nh-0002' | sha256sum | cut -c1-16`.

        CSV fields are quoted only when they contain a comma, a quote or a line break; a null id is
        an empty field.

        ## Pools and feasibility

        The definitions the reference applies (SPEC sections 5 and 6):

        - Classes: systems with identical vector sets; numbered from 0 by each class's smallest id
          (Java `String` order). A pool: the hosts that accept exactly the same set of accepted VMs;
          numbered from 0 by each pool's smallest host id. An edge: the super pool accepts a strict
          superset of the sub pool's VMs; `covering` when no pool lies strictly between them.
        - Baseline (`pool_baselines.csv`): per `vector_id` any host of the pool has, the status
          `OPERATION_DIFFERS` (no operation) if the hosts disagree on the operation, else
          `MISSING_ON_SOME_HOST` if a host lacks it, else the rule of SPEC section 6 for the
          operation (`VALUE`, or `EQUAL_DISAGREES`, `NO_VALUE_AT_EDGE`, `ZERO_HOST_VALUE`,
          `LCM_OVERFLOW`, `ANY_NON_ZERO`); `compatibility_info` in decimal and `value_hex` only with
          `VALUE`.
        - `vm_summary.csv`: `current_host_id` and `enabled_state` from the accepted `vms` row (empty
          without one); `current_host_ok` is empty when the VM names no current host or one that is
          not an accepted host; `other_compatible_hosts` leaves the current host out; `stranded` when
          it is 0.
        - `host_evacuation.csv`: `vm_count` counts the accepted VMs whose current host it is; the
          blocking ones are those of them that are stranded (`blocking_vm_ids`, sorted);
          `unevaluated_vm_ids` are the quarantined VMs the raw `vms` rows place on it; `evacuable` is
          false with a blocking VM, else empty (unknown) with an unevaluated one, else true.
          Capacity is not considered.
        - Blockers: per VM vector (`vector_id`, the VM's `compare_operation` and its name) and reason
          (`MISSING_ON_HOST`, `OPERATION_MISMATCH`, `ZERO_OPERAND`, `COMPARE_FAILED`),
          `blocked_pairs` counts the (VM, host) pairs where it fails with that reason and
          `sole_blocker_pairs` those where it is the VM's only failing vector; per pool, the pool is
          the host's.

        In these files a list is joined by `;` (an empty list is `""`), a null is an empty field and a
        boolean is `true` or `false`.

        ## Rebuild

        From the repository root, after the snapshot changed on purpose (its README says how):

        ```
        mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
        java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \\
          org.fleetcompat.job.ExpectedOutputsWriter data-samples/%1$s data-samples/%1$s/expected
        ```

        Drop `-o` if Maven lacks a plugin or dependency offline. The writer needs no Spark session
        and takes a few seconds.
        """
        .formatted(
            snapshot.toAbsolutePath().normalize().getFileName(),
            fleet.get("vms"),
            fleet.get("hosts"),
            fleet.get("vm_classes"),
            fleet.get("host_classes"),
            fleet.get("compatible_pairs"),
            fleet.get("vms_with_a_compatible_host"),
            feasibility.get("pools"),
            feasibility.get("stranded_vms"),
            feasibility.get("evacuable_hosts"));
  }
}
