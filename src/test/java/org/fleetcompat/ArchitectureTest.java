package org.fleetcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout of STYLE.md from rotting: which package may use which (a map of allowed edges,
 * checked edge by edge), core free of Spark, Hadoop, Parquet, Arrow, Scala and logging, Spark only
 * in the Spark runner and the tools around it, and a {@code package-info.java} in every package.
 *
 * <p>It scans the main sources as text: {@code import} lines and fully qualified names in code
 * (comments and string literals are blanked first, so prose may name anything). A violation names
 * the file, the line and the reference.
 */
class ArchitectureTest {
  /**
   * Each package and the fleetcompat packages it may use: the pipeline in plain Java ({@code core},
   * {@code io}, {@code pipeline}), its two runners ({@code local}, {@code spark}), the commands'
   * jobs written against the pipeline and never against a runner ({@code job}), the tools around
   * them, and the command line on top.
   */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("core", Set.of()),
          Map.entry("io", Set.of("core")),
          Map.entry("pipeline", Set.of("core", "io")),
          Map.entry("local", Set.of("core", "io", "pipeline")),
          Map.entry("spark", Set.of("core", "io", "pipeline")),
          // The report shows the drift since the previous result, and reads results through
          // drift.ResultDirectory; drift never uses report, so the edge makes no cycle.
          Map.entry("report", Set.of("core", "io", "drift")),
          Map.entry("drift", Set.of("core", "io")),
          // Placement planning works on class-level compatibility and capacities alone.
          Map.entry("plan", Set.of("core")),
          Map.entry("job", Set.of("core", "io", "pipeline", "report", "drift", "plan", "advise")),
          Map.entry("sample", Set.of("core", "io")),
          // The advisors read results through drift.ResultDirectory and evaluate on core classes.
          Map.entry("advise", Set.of("core", "drift")),
          Map.entry("bench", Set.of("core", "io", "pipeline", "local", "spark", "job", "sample")),
          Map.entry("api", Set.of("core", "io", "pipeline", "local", "spark", "job")),
          Map.entry(
              "cli",
              Set.of(
                  "core",
                  "io",
                  "pipeline",
                  "local",
                  "spark",
                  "job",
                  "report",
                  "drift",
                  "advise",
                  "sample",
                  "bench",
                  "api",
                  "plan")));

  /** What core must never touch: the platform, the formats, and any logging API. */
  private static final List<String> CORE_BANNED =
      List.of(
          "org.apache.spark",
          "org.apache.hadoop",
          "org.apache.parquet",
          "org.apache.arrow",
          "scala",
          "org.slf4j",
          "org.apache.logging",
          "org.apache.log4j",
          "org.apache.commons.logging",
          "ch.qos.logback",
          "java.util.logging");

  /** Spark belongs to its runner and the tools around it, never to the pipeline or the jobs. */
  private static final List<String> SPARK = List.of("org.apache.spark", "scala");

  private static final List<String> WITHOUT_SPARK =
      List.of("io", "pipeline", "local", "job", "report", "drift", "sample");

  private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  private static final Path MAIN = ROOT.resolve("src/main/java");
  private static final Path BASE = MAIN.resolve("org/fleetcompat");

  @Test
  void coreUsesNoPlatformFormatOrLoggingApi() {
    List<String> violations = new ArrayList<>();
    for (Path file : sources("core")) {
      violations.addAll(references(file, CORE_BANNED));
      violations.addAll(systemLogger(file));
    }
    assertThat(violations).as("core must stay plain Java (STYLE.md)").isEmpty();
  }

  @Test
  void onlyTheSparkRunnerAndItsToolsUseSpark() {
    List<String> violations = new ArrayList<>();
    for (String pkg : WITHOUT_SPARK) {
      for (Path file : sources(pkg)) {
        violations.addAll(references(file, SPARK));
      }
    }
    assertThat(violations)
        .as("Spark is one way to run the pipeline: only spark/, bench/ and cli/ may use it")
        .isEmpty();
  }

  @Test
  void everyPackageUsesOnlyThePackagesItMay() {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : ALLOWED.keySet()) {
        if (!other.equals(e.getKey()) && !e.getValue().contains(other)) {
          forbidden.add("org.fleetcompat." + other);
        }
      }
      for (Path file : sources(e.getKey())) {
        violations.addAll(references(file, forbidden));
      }
    }
    assertThat(violations).as("dependencies must follow ArchitectureTest.ALLOWED").isEmpty();
  }

  @Test
  void everySourceBelongsToAPackageOfTheMap() {
    List<String> strays = new ArrayList<>();
    for (Path file : allSources()) {
      Path rel = BASE.relativize(file);
      if (rel.getNameCount() < 2 || !ALLOWED.containsKey(rel.getName(0).toString())) {
        strays.add(MAIN.relativize(file).toString());
      }
    }
    assertThat(strays)
        .as("main sources outside org/fleetcompat/{%s} escape the layout checks", ALLOWED.keySet())
        .isEmpty();
  }

  @Test
  void theScanSeesTheSources() {
    assertThat(sources("core"))
        .as("scanning %s", BASE.toAbsolutePath())
        .extracting(p -> p.getFileName().toString())
        .contains("CompareOperation.java", "MatrixKernel.java", "VectorSet.java");
    assertThat(sources("pipeline"))
        .extracting(p -> p.getFileName().toString())
        .contains("Runner.java", "BucketValidation.java");
  }

  /** STYLE.md: every package has a package-info.java. */
  @Test
  void everyPackageHasPackageInfo() throws IOException {
    TreeSet<Path> packages = new TreeSet<>();
    for (Path file : allSources()) {
      packages.add(file.getParent());
    }
    List<String> missing = new ArrayList<>();
    for (Path dir : packages) {
      if (!Files.isRegularFile(dir.resolve("package-info.java"))) {
        missing.add(MAIN.relativize(dir).resolve("package-info.java").toString());
      }
    }
    assertThat(missing).as("missing package-info.java (STYLE.md, Docs)").isEmpty();
  }

  /** The scanner itself: finds imports and qualified names in code, not in comments or strings. */
  @Test
  void scannerFindsCodeReferencesOnly() {
    String source =
        String.join(
            "\n",
            "package org.fleetcompat.core;",
            "import org.apache.spark.sql.Dataset;",
            "import static org.slf4j.LoggerFactory.getLogger;",
            "import org.roaringbitmap.RoaringBitmap;",
            "/** Not org.apache.hadoop.fs.Path: prose. */",
            "class X { // scala.Option in a comment",
            "  String s = \"org.apache.arrow in a string\";",
            "  char c = '\"'; Object o = new java.util.logging.Logger();",
            "  /* org.apache.parquet.Foo */ Object p = scala.Option.empty();",
            "  Object q = org.apache.sparkling.Thing.of(); // a prefix, not the package",
            "}");
    assertThat(references("X.java", source, CORE_BANNED))
        .containsExactly(
            "X.java:2 imports org.apache.spark.sql.Dataset",
            "X.java:3 imports org.slf4j.LoggerFactory.getLogger",
            "X.java:8 uses java.util.logging",
            "X.java:9 uses scala");
  }

  // ---------------------------------------------------------------------------------------------

  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);

  private static List<String> references(Path file, List<String> banned) {
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return references(MAIN.relativize(file).toString(), source, banned);
  }

  /** "file:line imports x" and "file:line uses prefix" for each banned package referenced. */
  private static List<String> references(String name, String source, List<String> banned) {
    String code = blankCommentsAndStrings(source);
    List<String> found = new ArrayList<>();
    Matcher m = IMPORT.matcher(code);
    while (m.find()) {
      String target = m.group(1);
      for (String prefix : banned) {
        if (target.equals(prefix) || target.startsWith(prefix + ".")) {
          found.add(name + ":" + line(code, m.start(1)) + " imports " + target);
          break;
        }
      }
    }
    for (String prefix : banned) {
      Matcher q =
          Pattern.compile("(?<![\\w.$])" + Pattern.quote(prefix) + "\\s*\\.\\s*[\\w$]")
              .matcher(code);
      while (q.find()) {
        if (!isImportLine(code, q.start())) { // imports are reported above
          found.add(name + ":" + line(code, q.start()) + " uses " + prefix);
        }
      }
    }
    found.sort((a, b) -> Integer.compare(lineOf(a), lineOf(b)));
    return found;
  }

  /** {@code System.getLogger} / {@code System.Logger}: the JDK's own logging facade. */
  private static List<String> systemLogger(Path file) {
    String code;
    try {
      code = blankCommentsAndStrings(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\\bSystem\\s*\\.\\s*(getLogger|Logger)\\b").matcher(code);
    while (m.find()) {
      found.add(MAIN.relativize(file) + ":" + line(code, m.start()) + " uses System." + m.group(1));
    }
    return found;
  }

  private static boolean isImportLine(String code, int at) {
    int start = code.lastIndexOf('\n', at - 1) + 1;
    return code.substring(start, at).strip().startsWith("import");
  }

  private static int lineOf(String violation) {
    Matcher m = Pattern.compile(":(\\d+) ").matcher(violation);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * The source with comments, string, text-block and char literals replaced by spaces (newlines
   * kept, so line numbers hold).
   */
  static String blankCommentsAndStrings(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        blank(s, i, end, out);
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end + 3;
        blank(s, i, end, out);
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        int end = Math.min(j + 1, s.length());
        blank(s, i, end, out);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void blank(String s, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      out.append(s.charAt(k) == '\n' ? '\n' : ' ');
    }
  }

  private static List<Path> sources(String layer) {
    Path dir = BASE.resolve(layer);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    return javaFiles(dir);
  }

  private static List<Path> allSources() {
    return Files.isDirectory(MAIN) ? javaFiles(MAIN) : List.of();
  }

  private static List<Path> javaFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }
}
