package org.fleetcompat.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fleetcompat.core.CatalogEntry;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VmState;

/**
 * Reads the vector catalog ({@code conf/vector-catalog.json}): a JSON object with {@code
 * format_version} 1 and {@code vectors}, a list of entries with either {@code id} (one {@code
 * vector_id}, hex or decimal) or {@code ids} ({@code FIRST-LAST}, inclusive), plus {@code name},
 * {@code meaning} and {@code applies_to} (a list of {@code running}, {@code off}, {@code saved});
 * and optionally {@code bits}, an object mapping a {@code vector_id} to an object mapping bit
 * positions (0..63, as strings) to feature names. Errors name the file and the entry and carry
 * status 32773. Stateless and thread safe.
 */
public final class VectorCatalogReader {
  /** The catalog format this reader understands. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private VectorCatalogReader() {}

  /**
   * Where the jar carries {@code conf/vector-catalog.json} (the build copies it there): the catalog
   * of a job submitted with {@code spark-submit}, which has no {@code conf/} directory beside it.
   */
  public static final String BUNDLED_RESOURCE = "org/fleetcompat/conf/vector-catalog.json";

  /** Reads and checks the catalog at {@code file}. */
  public static VectorCatalog read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw invalid(file.toString(), "cannot be read: " + e.getMessage());
    }
    return parse(file.toString(), bytes);
  }

  /**
   * The catalog this build carries as the class path resource {@value #BUNDLED_RESOURCE}, or empty
   * if the class path has none (a build without {@code conf/}).
   *
   * @throws FleetcompatException status 32773 if the resource is there but not a valid catalog
   */
  public static Optional<VectorCatalog> bundled() {
    ClassLoader loader = VectorCatalogReader.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(BUNDLED_RESOURCE)) {
      return in == null
          ? Optional.empty()
          : Optional.of(parse("classpath:" + BUNDLED_RESOURCE, in.readAllBytes()));
    } catch (IOException e) {
      throw invalid("classpath:" + BUNDLED_RESOURCE, "cannot be read: " + e.getMessage());
    }
  }

  private static VectorCatalog parse(String file, byte[] bytes) {
    CatalogFile parsed;
    try {
      parsed = JSON.readValue(bytes, CatalogFile.class);
    } catch (IOException e) {
      throw invalid(file, "cannot be read: " + e.getMessage());
    }
    if (parsed.formatVersion == null || parsed.formatVersion < FORMAT_VERSION) {
      // Not a newer format this build is too old for (32770), but a file that is wrong (32773).
      throw invalid(
          file,
          (parsed.formatVersion == null
                  ? "it has no format_version"
                  : "it has format_version " + parsed.formatVersion)
              + "; write \"format_version\": "
              + FORMAT_VERSION);
    }
    if (parsed.formatVersion > FORMAT_VERSION) {
      throw InputErrors.catalogTooNew(file, parsed.formatVersion, FORMAT_VERSION);
    }
    if (parsed.vectors == null) {
      throw invalid(file, "vectors is null; expected a list of entries, [] for none");
    }
    List<CatalogEntry> entries = new ArrayList<>();
    for (int i = 0; i < parsed.vectors.size(); i++) {
      entries.add(entry(file, i, parsed.vectors.get(i)));
    }
    Map<Integer, Map<Integer, String>> bits = new HashMap<>();
    if (parsed.bits != null) {
      for (Map.Entry<String, Map<String, String>> e : parsed.bits.entrySet()) {
        Map<Integer, String> names = new HashMap<>();
        try {
          int id = (int) parseId(e.getKey());
          for (Map.Entry<String, String> b : e.getValue().entrySet()) {
            names.put(Integer.parseInt(b.getKey().trim()), b.getValue());
          }
          bits.put(id, names);
        } catch (NumberFormatException x) {
          throw invalid(
              file,
              "bits of " + e.getKey() + ": " + x.getMessage() + "; expected bit positions 0..63");
        }
      }
    }
    try {
      return new VectorCatalog(entries, bits);
    } catch (IllegalArgumentException e) {
      throw invalid(file, e.getMessage());
    }
  }

  private static CatalogEntry entry(String file, int index, EntryJson e) {
    if (e == null) {
      throw invalid(file, "entry " + index + " is null; expected an object with a name and an id");
    }
    String where = "entry " + index + (e.name == null ? "" : " (" + e.name + ")");
    if (e.name == null || e.name.isBlank() || (e.id == null) == (e.ids == null)) {
      throw invalid(file, where + " needs a name and exactly one of id or ids");
    }
    long first;
    long last;
    try {
      if (e.id != null) {
        first = parseId(e.id);
        last = first;
      } else {
        String[] bounds = e.ids.split("-", -1);
        if (bounds.length != 2) {
          throw new NumberFormatException("ids must read FIRST-LAST, found '" + e.ids + "'");
        }
        first = parseId(bounds[0]);
        last = parseId(bounds[1]);
      }
    } catch (NumberFormatException x) {
      throw invalid(file, where + ": " + x.getMessage());
    }
    Set<VmState> states = EnumSet.noneOf(VmState.class);
    for (String s : e.appliesTo == null ? List.<String>of() : e.appliesTo) {
      states.add(state(file, where, s));
    }
    try {
      return new CatalogEntry(
          (int) first, (int) last, e.name, e.meaning == null ? "" : e.meaning, states);
    } catch (IllegalArgumentException x) {
      throw invalid(file, where + ": " + x.getMessage());
    }
  }

  private static VmState state(String file, String where, String name) {
    for (VmState s : VmState.values()) {
      if (s.catalogName().equals(name.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw invalid(file, where + ": applies_to has '" + name + "', expected running, off or saved");
  }

  private static long parseId(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long v;
    try {
      v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new NumberFormatException(
          "vector_id '" + text + "' is not a number: write it in hex (0x1f) or decimal (31)");
    }
    if (v < 0 || v > 0xffff_ffffL) {
      throw new NumberFormatException("vector_id " + text + " is outside 0..0xffffffff");
    }
    return v;
  }

  private static FleetcompatException invalid(String file, String problem) {
    return InputErrors.catalogInvalid(file, problem);
  }

  /** The file's top-level object. */
  private static final class CatalogFile {
    @JsonProperty("format_version")
    Integer formatVersion;

    @JsonProperty("vectors")
    List<EntryJson> vectors = List.of();

    @JsonProperty("comment")
    String comment;

    @JsonProperty("bits")
    Map<String, Map<String, String>> bits;
  }

  /** One entry as written. */
  private static final class EntryJson {
    @JsonProperty("id")
    String id;

    @JsonProperty("ids")
    String ids;

    @JsonProperty("name")
    String name;

    @JsonProperty("meaning")
    String meaning;

    @JsonProperty("applies_to")
    List<String> appliesTo;
  }
}
