package org.fleetcompat.io;

import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a result directory (SPEC section 5): what was read, where every row
 * went, what was written, how long each phase took and how the job ended. Written with snake_case
 * keys by {@link ManifestWriter}; notebooks read it as plain JSON. Two runs of the same snapshot
 * with the same options give the same manifest whatever the runner, except for {@code runner},
 * {@code master}, {@code spark_version}, {@code started_at} and {@code timings_millis}.
 *
 * @param formatVersion the result directory's format version ({@link #FORMAT_VERSION})
 * @param engineVersion fleetcompat's version
 * @param runner {@code local} (in-process) or {@code spark}
 * @param master where it ran: {@code in-process}, or the Spark master URL
 * @param sparkVersion the Spark version the job ran on, or null in-process
 * @param statusCode the SPEC section 2 code the job ended with (0 on success)
 * @param status that code's description
 * @param snapshot the snapshot directory read
 * @param startedAt ISO-8601 UTC start time
 * @param options the job options that change the result
 * @param inputs per input table: its files and row accounting
 * @param outputs per output table: its rows and part files
 * @param fleet headline counts: VMs, hosts, classes, compatible pairs
 * @param feasibility pools, stranded VMs, drainable hosts
 * @param whatIf what the cold-migration what-if gains ({@code run --assume-stopped}); null
 *     otherwise
 * @param timingsMillis wall time per phase, in milliseconds
 */
public record Manifest(
    int formatVersion,
    String engineVersion,
    String runner,
    String master,
    String sparkVersion,
    int statusCode,
    String status,
    String snapshot,
    String startedAt,
    Options options,
    Map<String, InputTable> inputs,
    Map<String, OutputTable> outputs,
    FleetCounts fleet,
    FeasibilityCounts feasibility,
    WhatIfGains whatIf,
    Map<String, Long> timingsMillis) {

  /**
   * The result format this engine writes: bumped whenever a table or the manifest changes in a way
   * readers must know (the report and drift refuse other versions).
   */
  public static final int FORMAT_VERSION = 2;

  /**
   * The options that change a result.
   *
   * @param pairs whether {@code compatible_pairs} was written
   * @param assumeStopped whether this is the cold-migration what-if
   * @param catalogEntries how many entries the vector catalog had
   * @param format the formats the tables were written in ({@link ResultFormat#optionName()}: {@code
   *     parquet}, {@code arrow} or {@code both})
   */
  public record Options(boolean pairs, boolean assumeStopped, int catalogEntries, String format) {
    /** A null {@code format} (a manifest written before it) is {@code parquet}. */
    public Options {
      format = format == null ? ResultFormat.PARQUET.optionName() : format;
    }

    /** Options of a Parquet-only result. */
    public Options(boolean pairs, boolean assumeStopped, int catalogEntries) {
      this(pairs, assumeStopped, catalogEntries, ResultFormat.PARQUET.optionName());
    }
  }

  /**
   * One input table in the manifest.
   *
   * @param files the data files read
   * @param rowsRead rows in the files
   * @param rowsAccepted rows kept
   * @param rowsRejected rows quarantined
   * @param duplicatesCollapsed exact duplicates folded
   * @param balanced whether the four counts balance
   * @param ignoredColumns the table's columns the engine does not use (not in {@link
   *     ColumnContract}, such as capacity columns of {@code hosts}), sorted; empty when none
   */
  public record InputTable(
      List<String> files,
      long rowsRead,
      long rowsAccepted,
      long rowsRejected,
      long duplicatesCollapsed,
      boolean balanced,
      List<String> ignoredColumns) {

    /** Copies the lists; a null {@code ignoredColumns} (a manifest written before it) is empty. */
    public InputTable {
      files = List.copyOf(files);
      ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
    }

    /** An entry with no ignored column. */
    public InputTable(
        List<String> files,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        long duplicatesCollapsed,
        boolean balanced) {
      this(files, rowsRead, rowsAccepted, rowsRejected, duplicatesCollapsed, balanced, List.of());
    }

    /** The manifest entry for a table's files and accounting. */
    public static InputTable of(List<String> files, RowAccounting a) {
      return of(files, a, List.of());
    }

    /** The manifest entry for a table's files, accounting and ignored columns. */
    public static InputTable of(List<String> files, RowAccounting a, List<String> ignoredColumns) {
      return new InputTable(
          files,
          a.rowsRead(),
          a.rowsAccepted(),
          a.rowsRejected(),
          a.duplicatesCollapsed(),
          a.isBalanced(),
          ignoredColumns);
    }
  }

  /**
   * One output table in the manifest.
   *
   * @param rows its rows
   * @param files its part files, relative to the result directory, sorted, each with its rows
   * @param arrowFiles the Arrow IPC copies of {@code files} in the same order ({@code run --format
   *     arrow} or {@code both}); empty otherwise
   */
  public record OutputTable(long rows, List<OutputFile> files, List<OutputFile> arrowFiles) {
    /** Copies the lists; a null {@code arrowFiles} (a manifest written before it) is empty. */
    public OutputTable {
      files = List.copyOf(files);
      arrowFiles = arrowFiles == null ? List.of() : List.copyOf(arrowFiles);
    }

    /** A table written in Parquet only. */
    public OutputTable(long rows, List<OutputFile> files) {
      this(rows, files, List.of());
    }
  }

  /**
   * One part file of an output table.
   *
   * @param path the file, relative to the result directory (e.g. {@code
   *     vm_summary/part-00000.parquet})
   * @param rows its rows
   * @param sha256 the SHA-256 of the file's bytes as 64 lower-case hex digits, so a reader can
   *     check that every file of a result is complete and unchanged ({@link
   *     ResultChecksums#verify}); null in a manifest written before it
   */
  public record OutputFile(String path, long rows, String sha256) {
    /** A file whose checksum is not known yet. */
    public OutputFile(String path, long rows) {
      this(path, rows, null);
    }

    /** This file with {@code checksum}. */
    public OutputFile withSha256(String checksum) {
      return new OutputFile(path, rows, checksum);
    }
  }
}
