package org.fleetcompat.job;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Every user-facing error the jobs themselves raise (point questions, the nightly job, the what-if
 * options), built in one place: each names the id, option or path at fault, what was found, and
 * what to do. Errors about input and output files come from io's {@code InputErrors} and {@code
 * OutputErrors}.
 */
final class JobErrors {
  private JobErrors() {}

  /** An id that names a VM and a host at once (status 32773). */
  static FleetcompatException ambiguousSystem(String id, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "'" + id + "' names both a VM and a host in " + snapshot + "; ids must differ");
  }

  /** An id with no rows in either vector table (status 32773). */
  static FleetcompatException unknownSystem(String id, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Unknown system: '"
            + id
            + "' has no rows in vm_vectors nor in host_vectors of "
            + snapshot);
  }

  /** A host's blob cannot be made because one of its VMs cannot be evaluated (status 32773). */
  static FleetcompatException unknownMember(String hostId, String vmId, String problem) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Host '"
            + hostId
            + "' runs VM '"
            + vmId
            + "', which "
            + problem
            + ", so what the host's VMs need is unknown; fix the snapshot to take its blob");
  }

  /** {@code baseline} was given no host ids (status 32773). */
  static FleetcompatException noHostIds() {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "No host ids given; pass --hosts ID,ID,... or --cluster NAME");
  }

  /** {@code baseline --cluster} names a cluster without hosts (status 32773). */
  static FleetcompatException emptyCluster(String cluster, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cluster '" + cluster + "' has no hosts in the hosts table of " + snapshot);
  }

  /** {@code nightly --keep} below one night (status 32773). */
  static FleetcompatException keepTooSmall(int keep) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--keep is " + keep + ": expected at least 1 night (tonight's)");
  }

  /** The nightly root cannot be locked or written (status 32768). */
  static FleetcompatException nightlyRoot(String root, IOException e) {
    return new FleetcompatException(
        ReturnCode.FAILED,
        "Cannot use the nightly root "
            + root
            + ": "
            + e.getMessage()
            + "; check that it is writable",
        e);
  }

  /** The night's snapshot is not there (status 32773). */
  static FleetcompatException noSnapshotFor(LocalDate date, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "No snapshot for "
            + date
            + ": "
            + snapshot
            + " is not a directory; check that the night's export ran, or pass another"
            + " --snapshot or --date");
  }

  /** On a write-once file system the night is already published (status 32773). */
  static FleetcompatException nightPublished(LocalDate date, String dir) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Night "
            + date
            + " is already published at "
            + dir
            + " (on this file system a night is written once); delete it to run the night"
            + " again");
  }

  /** {@code --assume-stopped} without a catalog of running-only vectors (status 32773). */
  static FleetcompatException assumeStoppedNeedsCatalog() {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--assume-stopped needs a vector catalog that marks running-only vectors; pass --catalog"
            + " FILE (jobs/fleetcompat passes conf/vector-catalog.json)");
  }

  /** {@code --assume-stopped} without the VMs' enabled states (status 32773). */
  static FleetcompatException assumeStoppedNeedsStates(String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--assume-stopped needs the vms table with enabled_state in "
            + snapshot
            + ", to know which VMs are running");
  }

  /** {@code maintenance --cluster} names no cluster of the result (status 32773). */
  static FleetcompatException noSuchCluster(
      String cluster, String resultDir, Collection<String> clusters) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot plan maintenance of cluster "
            + cluster
            + ": "
            + resultDir
            + " has no evaluated host in it; its clusters: "
            + (clusters.isEmpty() ? "none" : String.join(", ", clusters))
            + "; check --cluster");
  }

  /** {@code what-if --like HOST:COUNT} with a count that is not a whole number above 0. */
  static FleetcompatException badLikeCount(String host, String count) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--like "
            + host
            + ":"
            + count
            + ": the count is not a whole number of hosts above 0;"
            + " pass HOST:COUNT, for example h-0001:4");
  }

  /** A copy's id made by {@code what-if --like} is taken (status 32773). */
  static FleetcompatException likeIdTaken(String host, String id, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--like " + host + ": the new host id " + id + " is taken in " + snapshot);
  }

  /** A what-if option names a host the snapshot has not evaluated (status 32773). */
  static FleetcompatException unknownHost(String option, String id, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        option
            + " "
            + id
            + ": no evaluated host of that id in "
            + snapshot
            + " (unknown or quarantined); pass a host_id of its host_vectors table");
  }

  /** {@code --add-hosts} names a host the snapshot has already (status 32773). */
  static FleetcompatException addedHostExists(String id, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--add-hosts: host "
            + id
            + " is already in "
            + snapshot
            + "; give new hosts ids of their own, or use --like HOST:COUNT for copies");
  }

  /** {@code --add-hosts FILE} is not there (status 32773). */
  static FleetcompatException noAddHostsFile(String file) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--add-hosts "
            + file
            + ": no such file; pass a Parquet file with the columns of"
            + " host_vectors (host_id, vector_id, compare_operation, compatibility_info)");
  }

  /** The scratch snapshot of {@code --add-hosts} cannot be made (status 32768). */
  static FleetcompatException addHostsScratch(String file, IOException e) {
    return new FleetcompatException(
        ReturnCode.FAILED, "--add-hosts " + file + ": cannot prepare a scratch directory: " + e, e);
  }

  /** A row of {@code --add-hosts FILE} is rejected (status 32773). */
  static FleetcompatException addedHostRejected(
      String file, String hostId, String reason, String message) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--add-hosts "
            + file
            + ": host "
            + hostId
            + " is rejected ("
            + reason
            + ": "
            + message
            + "); fix the file, every row must be valid");
  }
}
