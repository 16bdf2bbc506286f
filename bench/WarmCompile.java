import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles one library again and again in one warm JVM, in several Error Prone configurations taken
 * in turn, and prints the CPU time of each compile.
 *
 * <p>A fresh {@code javac} process spends a varying share of its CPU on JIT compilation and on
 * garbage-collector threads, which on a shared machine makes one compile's CPU time swing by 15%.
 * Here javac itself stays warm, the compiling thread's own CPU time is read ({@code ThreadMXBean}),
 * and the process's CPU time is read beside it, so that both the checks' direct cost and what they
 * add to JIT and GC are visible. Error Prone and the checks are loaded afresh for every compile
 * (javac builds a new class loader over the processor path), as in a build tool's in-process
 * compiler.
 *
 * <pre>
 * java [--add-exports ...] bench/WarmCompile.java LIBDIR ROUNDS NAME=PROCESSORPATH=PLUGINARG...
 * </pre>
 *
 * LIBDIR holds {@code cp.txt} and {@code sources.args} (written by {@code bench.py}). Round 0 is a
 * warm-up and is not counted. Each later round runs every configuration once, the order rotated by
 * one each round.
 */
public final class WarmCompile {
  private static final Pattern CHECK_NAME = Pattern.compile("warning: \\[(\\w+)\\]");

  private record Config(String name, String processorPath, String pluginArg) {}

  public static void main(String[] args) throws IOException {
    Path libDir = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    List<Config> configs = new ArrayList<>();
    for (String spec : Arrays.copyOfRange(args, 2, args.length)) {
      String[] parts = spec.split("=", 3);
      configs.add(new Config(parts[0], parts[1], parts[2]));
    }
    String classPath = Files.readString(libDir.resolve("cp.txt")).strip();
    List<String> sources = new ArrayList<>();
    for (String line : Files.readAllLines(libDir.resolve("sources.args"))) {
      if (!line.isBlank()) {
        sources.add(line.strip().replaceAll("^\"|\"$", ""));
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path out = Files.createTempDirectory("warm-compile");
    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    for (int round = 0; round <= rounds; round++) {
      for (int i = 0; i < configs.size(); i++) {
        Config config = configs.get((i + round) % configs.size());
        clean(out);
        System.gc();
        List<String> options =
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-proc:none",
                "-processorpath",
                config.processorPath(),
                "-cp",
                classPath,
                "-d",
                out.toString(),
                "-implicit:none",
                "-encoding",
                "UTF-8",
                "-Xlint:none",
                "-Xmaxerrs",
                "1000000",
                "-Xmaxwarns",
                "1000000",
                config.pluginArg());
        List<String> all = new ArrayList<>(options);
        all.addAll(sources);
        StringWriter diagnostics = new StringWriter();
        long thread0 = threads.getCurrentThreadCpuTime();
        long process0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        long epoch0 = System.currentTimeMillis();
        int rc =
            javac.run(
                null,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(
                    new java.io.OutputStream() {
                      @Override
                      public void write(int b) {
                        diagnostics.write(b);
                      }
                    },
                    true),
                all.toArray(String[]::new));
        double thread = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
        double process = (os.getProcessCpuTime() - process0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        long epoch1 = System.currentTimeMillis();
        Map<String, Integer> findings = new LinkedHashMap<>();
        Matcher m = CHECK_NAME.matcher(diagnostics.toString());
        while (m.find()) {
          findings.merge(m.group(1), 1, Integer::sum);
        }
        System.out.printf(
            "round=%d config=%s rc=%d thread_cpu=%.2f process_cpu=%.2f wall=%.2f span=%d-%d"
                + " findings=%s%n",
            round, config.name(), rc, thread, process, wall, epoch0, epoch1, findings);
        if (round > 0) {
          samples
              .computeIfAbsent(config.name(), k -> new ArrayList<>())
              .add(new double[] {thread, process});
        }
      }
    }
    clean(out);
    Files.delete(out);
    for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
      System.out.printf(
          "median config=%s thread_cpu=%.3f process_cpu=%.3f%n",
          e.getKey(), median(e.getValue(), 0), median(e.getValue(), 1));
    }
  }

  private static double median(List<double[]> values, int column) {
    double[] sorted = values.stream().mapToDouble(v -> v[column]).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void clean(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .filter(p -> !p.equals(dir))
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    }
  }

  private WarmCompile() {}
}
