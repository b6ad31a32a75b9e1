package org.fleetcompat.io;

import java.util.Locale;
import org.fleetcompat.core.FleetcompatException;

/**
 * The file formats a run writes its result tables in ({@code run --format}). Parquet is always
 * written: it is the contract the manifest, the report, drift and the notebook API read. {@link
 * #ARROW} and {@link #BOTH} add one Arrow IPC file (Feather v2) per Parquet part file, with the
 * same schema ({@link ArrowSchemas}) and the same rows, under {@code <result>/arrow/<table>/}; the
 * two names mean the same (SPEC section 5 names both).
 */
public enum ResultFormat {
  /** Parquet part files only: the default. */
  PARQUET,
  /** Parquet, and an Arrow IPC copy of every part file. */
  ARROW,
  /** Parquet, and an Arrow IPC copy of every part file: the same as {@link #ARROW}. */
  BOTH;

  /** The directory inside a result that holds the Arrow copies, one subdirectory per table. */
  public static final String ARROW_DIR = "arrow";

  /** Whether Arrow IPC copies are written. */
  public boolean writesArrow() {
    return this != PARQUET;
  }

  /** The name as {@code --format} and the manifest spell it: {@code parquet}, {@code arrow}, ... */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code name} ({@code parquet}, {@code arrow} or {@code both}, any case).
   *
   * @throws FleetcompatException (32773) for any other name
   */
  public static ResultFormat named(String name) {
    for (ResultFormat f : values()) {
      if (f.optionName().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw OutputErrors.unknownFormat(name);
  }

  /**
   * The path, relative to the result directory, of the Arrow copy of a Parquet part file: {@code
   * vm_summary/part-00000.parquet} has {@code arrow/vm_summary/part-00000.arrow}.
   */
  public static String arrowPath(String parquetPath) {
    String base =
        parquetPath.endsWith(".parquet")
            ? parquetPath.substring(0, parquetPath.length() - ".parquet".length())
            : parquetPath;
    return ARROW_DIR + "/" + base + ".arrow";
  }

  /** Why a format name is refused: for {@link OutputErrors}. */
  static String names() {
    return "parquet, arrow or both";
  }

  @Override
  public String toString() {
    return optionName();
  }
}
