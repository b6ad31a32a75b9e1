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
import java.util.TreeMap;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
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
 * ({@link SnapshotFileReader}, {@link ReferenceValidation}, {@link NestedLoopReference}), never
 * from {@link RunJob}, and writes them beside the sample; {@code SampleGoldenTest} checks the
 * engine against them and checks that they are still what this tool computes.
 *
 * <p>Files written into the expected directory (see {@link #render}):
 *
 * <ul>
 *   <li>{@code summary.json}: the fleet counts of the manifest and the row accounting per table;
 *   <li>{@code vm_hosts.csv}: per accepted VM, its number of compatible hosts and {@link
 *       #fingerprint the fingerprint} of their ids, a complete but compact form of the matrix row;
 *   <li>{@code rejected.csv}: one line per rejected input row (table, system_id, reason);
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
   */
  public record Expected(
      VectorTable hostVectors,
      VectorTable vmVectors,
      Optional<AttributeTable<RawHostRow>> hosts,
      Optional<AttributeTable<RawVmRow>> vms,
      Map<String, List<String>> compatibleHosts) {

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
    Map<String, List<String>> compatible = new TreeMap<>();
    for (Map.Entry<String, List<RefVector>> vm : vmVectors.systems().entrySet()) {
      List<String> hostIds = new ArrayList<>();
      for (Map.Entry<String, List<RefVector>> host : hostVectors.systems().entrySet()) {
        if (NestedLoopReference.isCompatible(vm.getValue(), host.getValue())) {
          hostIds.add(host.getKey());
        }
      }
      compatible.put(vm.getKey(), List.copyOf(hostIds));
    }
    return new Expected(hostVectors, vmVectors, hosts, vms, compatible);
  }

  /** The expected files of {@code snapshot}, by file name, as {@link #write} writes them. */
  public static Map<String, String> render(Path snapshot) {
    Expected expected = compute(snapshot);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(SUMMARY, summaryJson(expected));
    files.put(VM_HOSTS, vmHostsCsv(expected.compatibleHosts()));
    files.put(REJECTED, rejectedCsv(expected.rejected()));
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
    return """
        # Expected outputs of the %1$s sample (golden files)

        These files are what `fleetcompat run --pairs` must compute from the snapshot one level up.
        They are computed by the test tree's independent reference, **not by the engine**:
        `org.fleetcompat.job.ExpectedOutputsWriter` reads the Parquet files with parquet-hadoop's own
        record reader (`org.fleetcompat.reference.SnapshotFileReader`, no Spark), applies SPEC
        section 4's row rules in plain Java (`ReferenceValidation`) and evaluates every VM against
        every host with `NestedLoopReference` (BigInteger nested loops over SPEC section 1's table).
        `SampleGoldenTest` runs `RunJob` on the sample and compares its manifest, `compatible_pairs`,
        `class_matrix` (joined with `vm_classes` and `host_classes`) and `rejected` tables with these
        files, and fails if they are no longer what the writer computes from the committed snapshot.
        Never edit them by hand, and never regenerate them to make the engine pass: a difference is a
        bug in the engine or in the reference, to be understood first.

        | file | content |
        |---|---|
        | `summary.json` | `fleet`: the manifest's fleet counts (%2$d VMs, %3$d hosts, %4$d VM classes, %5$d host classes, %6$d compatible pairs, %7$d VMs with a compatible host); `inputs`: per input table, `rows_read` = `rows_accepted` + `rows_rejected` + `duplicates_collapsed` |
        | `vm_hosts.csv` | `vm_id,compatible_hosts,hosts_sha256`: one line per accepted VM, sorted by `vm_id` |
        | `rejected.csv` | `table,system_id,reason`: one line per rejected input row, sorted by table, system id (null, written as an empty field, first) and reason |
        | `README.md` | this file (also written by the writer) |

        `hosts_sha256` is a fingerprint of the VM's whole row of the matrix: the first 16 hex digits
        (lower case) of the SHA-256 of its compatible host ids, sorted (Java `String` order), joined
        by `\\n` with no trailing newline, UTF-8 encoded. A VM with no compatible host has count 0
        and `e3b0c44298fc1c14` (the SHA-256 of the empty string). For example, in a shell:
        `printf 'h-0001\\nh-0002' | sha256sum | cut -c1-16`.

        CSV fields are quoted only when they contain a comma, a quote or a line break; a null id is
        an empty field.

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
            fleet.get("vms_with_a_compatible_host"));
  }
}
