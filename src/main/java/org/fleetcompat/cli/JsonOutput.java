package org.fleetcompat.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.core.BlobCodec;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.CheckFinding;
import org.fleetcompat.core.CheckResult;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.SystemBlob;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.core.VmState;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.job.BaselineJob;
import org.fleetcompat.job.PairExplanation;
import org.fleetcompat.job.RunResult;
import org.fleetcompat.job.VmExplanation;

/**
 * What the commands print with {@code --json}: one JSON document on standard output, snake_case
 * keys, the same facts as the text output. 64-bit values are strings (decimal and {@code 0x} hex),
 * which JSON numbers in most readers would round; every other number is a JSON number. The shapes
 * are the records below, documented in each command's {@code --help} and the README.
 */
final class JsonOutput {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonOutput() {}

  /** Prints {@code value} as one JSON document and a newline. */
  static void print(Object value, PrintWriter out) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON output: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code run --json}: where the result went, how long it took, and its manifest. */
  record Run(String outDir, long wallMillis, Manifest manifest) {
    static Run of(RunResult r, long wallMillis) {
      return new Run(r.outDir(), wallMillis, r.manifest());
    }
  }

  /** {@code explain --vm ID --host ID --json}. */
  record Pair(
      String vmId,
      Integer enabledState,
      String state,
      String hostId,
      boolean compatible,
      long failingVectors,
      List<Vector> vectors) {
    static Pair of(PairExplanation e) {
      List<Vector> vectors = new ArrayList<>();
      for (VectorOutcome o : e.outcomes()) {
        vectors.add(Vector.of(null, o, e.catalog()));
      }
      return new Pair(
          e.vmId(),
          e.enabledState(),
          VmState.describe(e.enabledState()),
          e.hostId(),
          e.isCompatible(),
          e.failureCount(),
          vectors);
    }
  }

  /** One VM vector against a host, as {@code explain} and {@code check} report it. */
  record Vector(
      String vmId,
      long vectorId,
      String name,
      String operation,
      int compareOperation,
      String vmValue,
      String vmValueHex,
      boolean presentOnHost,
      String hostOperation,
      String hostValue,
      String hostValueHex,
      boolean passes,
      String reason,
      String offendingBitsHex) {
    static Vector of(String vmId, VectorOutcome o, VectorCatalog catalog) {
      boolean present = o.isPresentOnHost();
      return new Vector(
          vmId,
          Integer.toUnsignedLong(o.vectorId()),
          catalog.name(o.vectorId()),
          o.operation().displayName(),
          o.operation().code(),
          Long.toUnsignedString(o.vmValue()),
          Hex.value(o.vmValue()),
          present,
          present ? o.hostOperation().displayName() : null,
          present ? Long.toUnsignedString(o.hostValue()) : null,
          present ? Hex.value(o.hostValue()) : null,
          o.reason().passes(),
          o.reason().name(),
          o.offendingBits() == 0 ? null : Hex.value(o.offendingBits()));
    }
  }

  /** {@code explain --vm ID --json}: the VM against every pool. */
  record Pools(
      String vmId,
      Integer enabledState,
      String state,
      long poolsFitting,
      long poolCount,
      long compatibleHosts,
      long hostCount,
      List<Pool> pools) {
    static Pools of(VmExplanation e) {
      List<Pool> pools = new ArrayList<>();
      for (VmExplanation.PoolReach p : e.pools()) {
        List<Blocker> blockers = new ArrayList<>();
        for (BlockerCount b : p.blockers()) {
          blockers.add(
              new Blocker(
                  Integer.toUnsignedLong(b.vectorId()),
                  e.catalog().name(b.vectorId()),
                  b.operation().displayName(),
                  b.operation().code(),
                  b.reason().name(),
                  b.blockedPairs(),
                  b.soleBlockerPairs()));
        }
        pools.add(
            new Pool(
                p.poolId(),
                p.hostCount(),
                p.compatibleHosts(),
                p.compatibleHosts() == p.hostCount(),
                p.clusters(),
                blockers));
      }
      return new Pools(
          e.vmId(),
          e.enabledState(),
          VmState.describe(e.enabledState()),
          pools.stream().filter(p -> p.compatibleHosts() > 0).count(),
          pools.size(),
          pools.stream().mapToLong(Pool::compatibleHosts).sum(),
          pools.stream().mapToLong(Pool::hostCount).sum(),
          pools);
    }
  }

  /** One pool in {@code explain --vm ID --json}. */
  record Pool(
      int poolId,
      long hostCount,
      long compatibleHosts,
      boolean accepts,
      List<String> clusters,
      List<Blocker> blockers) {}

  /** A vector that keeps a VM off a pool's hosts: on how many, and on how many alone. */
  record Blocker(
      long vectorId,
      String name,
      String operation,
      int compareOperation,
      String reason,
      long blockedHosts,
      long soleBlockerHosts) {}

  /** {@code check --json}: the SPEC section 2 code and every failing vector. */
  record Check(
      int code,
      String description,
      String kind,
      String systemId,
      String hostId,
      List<String> warnings,
      List<Vector> reasons) {
    static Check of(CheckResult r, SystemBlob blob, String hostId, VectorCatalog catalog) {
      List<Vector> reasons = new ArrayList<>();
      for (CheckFinding f : r.reasons()) {
        reasons.add(Vector.of(f.vmId(), f.outcome(), catalog));
      }
      return new Check(
          r.code().code(),
          r.code().description(),
          blob.kind().name().toLowerCase(java.util.Locale.ROOT),
          blob.systemId(),
          hostId,
          r.warnings(),
          reasons);
    }
  }

  /** {@code baseline --json}: the hosts and, per vector, the baseline value or why none. */
  record Baseline(
      List<String> hostIds, String cluster, int vectorsWithAValue, List<BaselineValue> vectors) {
    static Baseline of(BaselineJob.HostsBaseline b, String cluster, VectorCatalog catalog) {
      List<BaselineValue> vectors = new ArrayList<>();
      for (BaselineVector v : b.baseline().vectors()) {
        vectors.add(
            new BaselineValue(
                Integer.toUnsignedLong(v.vectorId()),
                catalog.name(v.vectorId()),
                v.operation() == null ? null : v.operation().displayName(),
                v.operation() == null ? null : v.operation().code(),
                v.hasValue() ? Long.toUnsignedString(v.value()) : null,
                v.hasValue() ? Hex.value(v.value()) : null,
                v.status().name()));
      }
      return new Baseline(b.hostIds(), cluster, b.baseline().vmVectors().size(), vectors);
    }
  }

  /** One vector of a baseline. */
  record BaselineValue(
      long vectorId,
      String name,
      String operation,
      Integer compareOperation,
      String value,
      String valueHex,
      String status) {
    static BaselineValue of(BaselineVector v, VectorCatalog catalog) {
      return new BaselineValue(
          Integer.toUnsignedLong(v.vectorId()),
          catalog.name(v.vectorId()),
          v.operation() == null ? null : v.operation().displayName(),
          v.operation() == null ? null : v.operation().code(),
          v.hasValue() ? Long.toUnsignedString(v.value()) : null,
          v.hasValue() ? Hex.value(v.value()) : null,
          v.status().name());
    }
  }

  /** {@code info --json}: the blob written. */
  record Info(
      String kind, String systemId, int vms, int vectors, int bytes, int format, String file) {
    static Info of(SystemBlob blob, int bytes, String file) {
      return new Info(
          blob.kind().name().toLowerCase(java.util.Locale.ROOT),
          blob.systemId(),
          blob.members().size(),
          blob.members().stream().mapToInt(m -> m.vectors().size()).sum(),
          bytes,
          BlobCodec.FORMAT_VERSION,
          file);
    }
  }

  /** {@code maintenance --json}: the cluster's order, and where it gets stuck. */
  record Maintenance(
      String cluster,
      String source,
      boolean complete,
      List<String> order,
      List<org.fleetcompat.plan.MaintenanceStep> steps) {
    Maintenance(org.fleetcompat.job.MaintenanceJob.Plan p) {
      this(p.cluster(), p.source(), p.complete(), p.order(), p.steps());
    }
  }
}
