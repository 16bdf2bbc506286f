import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of {@code bench/profile.sh} and says what share of the compiling thread's
 * samples lie under a Heed frame, per configuration, with the whole stack.
 *
 * <p>{@code jfr print} keeps 64 frames of a stack by default, and Error Prone's scanner recurses
 * once per tree level, so most of Heed's frames lie deeper than that: counted that way, Heed looks
 * several times cheaper than it is. Here every frame is read.
 *
 * <pre>
 * java bench/JfrShare.java RECORDING.jfr WARM_OUTPUT [FOCUS_METHOD]
 * </pre>
 *
 * WARM_OUTPUT is what {@code WarmCompile} printed (its {@code span=} fields place each sample in
 * one compile; round 0, the warm-up, is left out). FOCUS_METHOD ({@code Class.method}, simple class
 * name) adds the methods it calls directly, by samples.
 */
public final class JfrShare {
  private static final Pattern SPAN =
      Pattern.compile("round=(\\d+) config=(\\S+) .* span=(\\d+)-(\\d+)");
  private static final String HEED = "dev.heed.";

  /**
   * With HEED_ENTRY=Class.method, only the samples under that entry point are counted as Heed's.
   */
  private static final String ENTRY = System.getenv("HEED_ENTRY");

  private record Span(String config, long start, long end) {}

  private static final class Tally {
    int compiles;
    int samples;
    int heed;
    final Map<String, Integer> entries = new TreeMap<>();
    final Map<String, Integer> inclusive = new TreeMap<>();
    final Map<String, Integer> focusCallees = new TreeMap<>();
    final Map<String, Integer> leaves = new TreeMap<>();
  }

  public static void main(String[] args) throws IOException {
    List<Span> spans = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      Matcher m = SPAN.matcher(line);
      if (m.find() && Integer.parseInt(m.group(1)) > 0) {
        spans.add(new Span(m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
      }
    }
    String focus = args.length > 2 ? args[2] : null;
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Span span : spans) {
      tallies.computeIfAbsent(span.config(), k -> new Tally()).compiles++;
    }
    try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getThread("sampledThread") == null
            || !"main".equals(event.getThread("sampledThread").getJavaName())
            || event.getStackTrace() == null) {
          continue;
        }
        Span span = find(spans, event.getStartTime().toEpochMilli());
        if (span != null) {
          count(tallies.get(span.config()), event.getStackTrace().getFrames(), focus);
        }
      }
    }
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      System.out.printf(
          "config=%s compiles=%d samples=%d heed=%d share=%.2f%%%n",
          e.getKey(), t.compiles, t.samples, t.heed, 100.0 * t.heed / Math.max(1, t.samples));
    }
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      if (t.heed == 0) {
        continue;
      }
      System.out.printf("%n== %s: entry points (outermost Heed frame)%n", e.getKey());
      print(t.entries, t.heed, 15);
      System.out.printf("== %s: Heed methods, inclusive%n", e.getKey());
      print(t.inclusive, t.heed, 40);
      System.out.printf("== %s: leaf frames (where the samples stopped, any code)%n", e.getKey());
      print(t.leaves, t.heed, 30);
      if (focus != null) {
        System.out.printf("== %s: called directly by %s%n", e.getKey(), focus);
        print(t.focusCallees, t.heed, 25);
      }
    }
  }

  private static Span find(List<Span> spans, long time) {
    for (Span span : spans) {
      if (time >= span.start() && time <= span.end()) {
        return span;
      }
    }
    return null;
  }

  private static void count(Tally tally, List<RecordedFrame> frames, String focus) {
    tally.samples++;
    int outermost = -1;
    Set<String> seen = new HashSet<>();
    String focusCallee = null;
    for (int i = 0; i < frames.size(); i++) {
      String type = frames.get(i).getMethod().getType().getName();
      if (!type.startsWith(HEED)) {
        continue;
      }
      outermost = i;
      String name = name(frames.get(i));
      seen.add(name);
      if (name.equals(focus) && i > 0) {
        focusCallee = name(frames.get(i - 1));
      }
    }
    if (outermost < 0 || (ENTRY != null && !name(frames.get(outermost)).equals(ENTRY))) {
      return;
    }
    tally.heed++;
    tally.entries.merge(name(frames.get(outermost)), 1, Integer::sum);
    tally.leaves.merge(name(frames.get(0)), 1, Integer::sum);
    for (String name : seen) {
      tally.inclusive.merge(name, 1, Integer::sum);
    }
    if (focusCallee != null) {
      tally.focusCallees.merge(focusCallee, 1, Integer::sum);
    }
  }

  private static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  private static void print(Map<String, Integer> counts, int total, int limit) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(
            c ->
                System.out.printf(
                    "  %6d %5.1f%%  %s%n", c.getValue(), 100.0 * c.getValue() / total, c.getKey()));
  }

  private JfrShare() {}
}
