package org.fleetcompat.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * The fields of a result's {@code manifest.json} that the report and drift read, taken from the
 * JSON tree rather than from {@code io.Manifest}, whose shape is still changing: this class is the
 * one place that knows the field names. Immutable.
 */
public final class ResultManifest {
  /**
   * The result format version this build reads: 2, the first with {@code vm_class_vectors}, {@code
   * host_class_vectors} and {@code rejected}'s {@code source_*} columns. A manifest without the
   * field is of version 1.
   */
  public static final long SUPPORTED_FORMAT_VERSION = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final JsonNode root;

  private ResultManifest(String file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /**
   * Parses a manifest and checks the fields every reader needs.
   *
   * @param file the file's path, for messages
   * @param json its text
   * @throws org.fleetcompat.core.FleetcompatException 32773 when it is not JSON or lacks {@code
   *     status_code}, 32770 when its {@code format_version} is not {@link
   *     #SUPPORTED_FORMAT_VERSION}
   */
  public static ResultManifest parse(String file, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw ResultErrors.damagedManifest(file, "it is not valid JSON (" + oneLine(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw ResultErrors.damagedManifest(file, "it is not a JSON object");
    }
    if (!root.path("status_code").canConvertToInt()) {
      throw ResultErrors.damagedManifest(file, "it has no status_code");
    }
    JsonNode version = root.path("format_version");
    if (!version.isMissingNode() && !version.canConvertToLong()) {
      throw ResultErrors.damagedManifest(file, "its format_version is not a number");
    }
    long v = version.isMissingNode() ? 1 : version.asLong();
    if (v != SUPPORTED_FORMAT_VERSION) {
      throw ResultErrors.unsupportedFormat(file, v, SUPPORTED_FORMAT_VERSION);
    }
    return new ResultManifest(file, root);
  }

  /** The manifest file's path. */
  public String file() {
    return file;
  }

  /** The SPEC section 2 status the run ended with (0 on success). */
  public int statusCode() {
    return root.path("status_code").asInt();
  }

  /** That status's description, e.g. {@code Completed with No Error}. */
  public String status() {
    return root.path("status").asText("");
  }

  /** The snapshot directory the run read, as given to it. */
  public String snapshot() {
    return root.path("snapshot").asText("");
  }

  /** When the run started (ISO-8601 UTC), or an empty string. */
  public String startedAt() {
    return root.path("started_at").asText("");
  }

  /** The engine version that wrote the result, or an empty string. */
  public String engineVersion() {
    return root.path("engine_version").asText("");
  }

  /** A headline count of {@code fleet} (e.g. {@code compatible_pairs}), if present. */
  public OptionalLong fleet(String field) {
    return count(root.path("fleet").path(field));
  }

  /** A count of {@code feasibility} (e.g. {@code evacuable_hosts_running_vms}), if present. */
  public OptionalLong feasibility(String field) {
    return count(root.path("feasibility").path(field));
  }

  /** The row count the manifest lists for an output table, if it lists one. */
  public OptionalLong outputRows(String table) {
    JsonNode out = root.path("outputs").path(table);
    return count(out.isObject() ? out.path("rows") : out);
  }

  /** Whether the manifest lists {@code table} among the outputs. */
  public boolean listsOutput(String table) {
    return root.path("outputs").has(table);
  }

  /** Rejected input rows, summed over {@code inputs.*.rows_rejected}. */
  public long rowsRejected() {
    long sum = 0;
    for (JsonNode input : root.path("inputs")) {
      sum += input.path("rows_rejected").asLong(0);
    }
    return sum;
  }

  /** Whether the run was the cold-migration what-if ({@code options.assume_stopped}). */
  public boolean isWhatIf() {
    return root.path("options").path("assume_stopped").asBoolean(false);
  }

  private static OptionalLong count(JsonNode n) {
    return n.canConvertToLong() ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse(m);
  }
}
