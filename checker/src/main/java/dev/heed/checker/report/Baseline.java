package dev.heed.checker.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Splitter;
import dev.heed.checker.HeedCheck;
import dev.heed.checker.config.HeedOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A baseline of known findings ({@code -XepOpt:Heed:Baseline=<file>}): one {@link FindingKey} a
 * line, sorted, with {@code #} comments. Known findings do not fail the build; an entry that
 * matches no finding any more is stale. {@code -XepOpt:Heed:UpdateBaseline=true} rewrites the
 * entries of the files a compilation compiled and keeps the others, under a file lock, so several
 * modules (main and test compiles, parallel builds) can share one file.
 */
final class Baseline {
  static final String HEADER =
      """
      # Heed baseline: known findings that do not fail the build (docs/adoption.md).
      # Regenerate with -XepOpt:Heed:UpdateBaseline=true; delete the line of a finding you fixed.
      # Tab-separated: check, file (relative to -XepOpt:Heed:Root), class, member, occurrence, code
      """;

  /** A URI that is not a file on disk (an in-memory source): never stale for being missing. */
  private static final Pattern NOT_A_PATH = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

  private final Path file;

  /** Each entry and its line in the file. */
  private final Map<FindingKey, Integer> entries;

  private Baseline(Path file, Map<FindingKey, Integer> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** An empty baseline at {@code file}, for {@code UpdateBaseline}, which reads it when writing. */
  static Baseline empty(Path file) {
    return new Baseline(file, new LinkedHashMap<>());
  }

  /** Reads {@code file}; each problem (naming the flag, the file and the line) goes to problems. */
  static Baseline read(Path file, List<String> problems) {
    try {
      return new Baseline(file, parse(file, Files.readString(file, UTF_8), problems));
    } catch (NoSuchFileException e) {
      problems.add(
          flag(file)
              + ": no such file; write it with -XepOpt:"
              + HeedOptions.UPDATE_BASELINE
              + "=true");
    } catch (IOException e) {
      problems.add(flag(file) + ": cannot read it (" + e + ")");
    }
    return empty(file);
  }

  static Map<FindingKey, Integer> parse(Path file, String text, List<String> problems) {
    Set<String> checks =
        Arrays.stream(HeedCheck.values()).map(HeedCheck::checkName).collect(Collectors.toSet());
    Map<FindingKey, Integer> entries = new LinkedHashMap<>();
    int number = 0;
    for (String line : Splitter.on('\n').split(text)) {
      number++;
      String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (content.isBlank() || content.startsWith("#")) {
        continue;
      }
      String where = flag(file) + ":" + number + ": ";
      FindingKey key = FindingKey.parse(content).orElse(null);
      if (key == null) {
        problems.add(
            where
                + "expected six tab-separated fields (check, file, class, member, occurrence"
                + " >= 1, code), got: "
                + content);
      } else if (!checks.contains(key.check())) {
        problems.add(
            where
                + "'"
                + key.check()
                + "' is not a Heed check; expected one of "
                + String.join(", ", new TreeSet<>(checks)));
      } else if (entries.containsKey(key)) {
        problems.add(where + "the same entry as line " + entries.get(key));
      } else {
        entries.put(key, number);
      }
    }
    return entries;
  }

  static String flag(Path file) {
    return "-XepOpt:" + HeedOptions.BASELINE + "=" + file;
  }

  Path file() {
    return file;
  }

  boolean contains(FindingKey key) {
    return entries.containsKey(key);
  }

  /**
   * The entries no finding matched: those of a compiled file that {@code matched} lacks, and those
   * of a file that no longer exists under {@code root}; each with its line.
   */
  List<Map.Entry<FindingKey, Integer>> stale(
      Set<FindingKey> matched, Set<String> compiled, Path root) {
    List<Map.Entry<FindingKey, Integer>> stale = new ArrayList<>();
    for (Map.Entry<FindingKey, Integer> entry : entries.entrySet()) {
      FindingKey key = entry.getKey();
      boolean checked = compiled.contains(key.file());
      if ((checked && !matched.contains(key)) || (!checked && gone(key.file(), root))) {
        stale.add(entry);
      }
    }
    return stale;
  }

  private static boolean gone(String file, Path root) {
    return !NOT_A_PATH.matcher(file).matches() && !Files.exists(root.resolve(file));
  }

  /**
   * Rewrites {@code file} under a lock: the entries of files not in {@code compiled} (and still
   * present under {@code root}) are kept, those of compiled files become {@code current}. Returns
   * the number of entries written, or throws if the file on disk is malformed.
   */
  static int update(Path file, Collection<FindingKey> current, Set<String> compiled, Path root)
      throws IOException {
    return LockedFile.rewrite(
        file,
        (old, text) -> {
          List<String> problems = new ArrayList<>();
          Map<FindingKey, Integer> known = parse(file, old, problems);
          if (!problems.isEmpty()) {
            throw new IOException(String.join("; ", problems));
          }
          TreeSet<FindingKey> all = new TreeSet<>(FindingKey.ORDER);
          for (FindingKey key : known.keySet()) {
            if (!compiled.contains(key.file()) && !gone(key.file(), root)) {
              all.add(key);
            }
          }
          all.addAll(current);
          text.append(HEADER);
          for (FindingKey key : all) {
            text.append(key.line()).append('\n');
          }
          return all.size();
        });
  }
}
