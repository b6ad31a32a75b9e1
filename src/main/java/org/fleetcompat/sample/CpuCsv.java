package org.fleetcompat.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fleetcompat.core.CompareOperation;

/**
 * Reads {@code hosts.csv} and {@code models.csv} of {@code data-samples/source/cpus} (see its
 * README). The files are comma separated without quoting; a quote is refused rather than misread,
 * since no field of these files needs one.
 */
final class CpuCsv {
  private CpuCsv() {}

  /**
   * The host CPUs of {@code file}, in file order.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if a line or a vector list is malformed
   */
  static List<HostCpu> readCpus(Path file) {
    List<HostCpu> out = new ArrayList<>();
    for (Map<String, String> r : read(file)) {
      out.add(
          new HostCpu(
              r.get("host"),
              r.get("brand"),
              r.get("vendor"),
              Integer.parseInt(r.get("family")),
              Integer.parseInt(r.get("model")),
              Integer.parseInt(r.get("stepping")),
              Set.copyOf(List.of(r.get("features").split(" "))),
              parseVectors(r.get("vectors"))));
    }
    return out;
  }

  /**
   * The CPU models of {@code file}, in file order.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if a line or a vector list is malformed
   */
  static List<CpuModel> readModels(Path file) {
    List<CpuModel> out = new ArrayList<>();
    for (Map<String, String> r : read(file)) {
      List<SampleVector> vectors = parseVectors(r.get("vm_vectors"));
      out.add(
          new CpuModel(
              Integer.parseInt(r.get("n_features")), vectors, SampleVector.toSet(vectors)));
    }
    return out;
  }

  /** {@code id:op:value;...}, all three hex, id and value with a 0x prefix. */
  private static List<SampleVector> parseVectors(String text) {
    List<SampleVector> out = new ArrayList<>();
    for (String item : text.split(";")) {
      if (item.isEmpty()) {
        continue;
      }
      String[] f = item.split(":");
      if (f.length != 3) {
        throw new IllegalArgumentException(
            "Cannot parse vector '" + item + "': expected vector_id:compare_operation:value");
      }
      out.add(
          new SampleVector(
              (int) Long.parseLong(hex(f[0]), 16),
              CompareOperation.ofCode(Long.parseLong(hex(f[1]), 16)),
              Long.parseUnsignedLong(hex(f[2]), 16)));
    }
    return out;
  }

  private static String hex(String s) {
    return s.startsWith("0x") ? s.substring(2) : s;
  }

  /**
   * The rows of {@code file}, each a map from the header's column names to the fields; blank lines
   * are skipped.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if a line has a quote or another field count than the header
   */
  static List<Map<String, String>> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (line.indexOf('"') >= 0 || f.length != header.length) {
        throw new IllegalArgumentException(
            "Cannot read "
                + file
                + " line "
                + (n + 1)
                + ": expected "
                + header.length
                + " unquoted comma-separated fields, found "
                + f.length
                + (line.indexOf('"') >= 0 ? " and a quote" : ""));
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], f[i]);
      }
      rows.add(row);
    }
    return rows;
  }
}
