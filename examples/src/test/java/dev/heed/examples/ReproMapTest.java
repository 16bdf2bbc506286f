package dev.heed.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The repro map (docs/hyper-bug.md): which combinations of body size, socket buffer sizes, client
 * speed and Connection header make the buggy server truncate, and by how much, against the fixed
 * server under the same conditions. Real sockets on loopback, real timing: nothing is synchronised
 * here, unlike {@link TruncationTest}. Clients are {@link SlowClient} and, when it is installed,
 * curl.
 *
 * <p>Slow (about two minutes), so it runs only with {@code -Prepro}:
 *
 * <pre>
 * mvn -B -ntp -pl annotations,checker,examples clean verify -Prepro
 * </pre>
 *
 * <p>It writes the tables to {@code examples/target/hyper-bug-repro.md}.
 */
@Tag("repro")
class ReproMapTest {
  /** Runs per variant and cell; {@code -Drepro.runs=1} for a quick look. */
  private static final int RUNS = Integer.getInteger("repro.runs", 5);

  private static final int KIB = 1024;
  private static final int SMALL_BUFFER = 8 * KIB;
  private static final long[] BODIES = {16 * KIB, 256 * KIB, KIB * KIB, 8 * KIB * KIB};
  private static final int[] SEND_BUFFERS = {0, SMALL_BUFFER};
  private static final String CURL_RATE = "10M";
  private static final long CURL_TIMEOUT_SECONDS = 60;

  /** A client to run against both variants. */
  private interface Client {
    String describe();

    /** Fetches once from a server that serves {@code bodyBytes}. */
    Received fetch(InetSocketAddress server, boolean close, long bodyBytes) throws Exception;
  }

  private record Received(long bodyBytes, long contentLength, boolean intact) {}

  /** The outcomes of several runs of one variant. */
  private static final class Tally {
    int runs;
    int truncated;
    int intact;
    int signalled;
    int signalWrong;
    long minLost = Long.MAX_VALUE;
    long maxLost;
    final List<Long> millis = new ArrayList<>();

    void add(Received received, CloseReport report, long elapsedMillis) {
      runs++;
      long lost = received.contentLength() - received.bodyBytes();
      if (lost > 0) {
        truncated++;
        minLost = Math.min(minLost, lost);
        maxLost = Math.max(maxLost, lost);
      }
      if (received.intact()) {
        intact++;
      }
      if (report.truncated()) {
        signalled++;
      }
      if (report.truncated() != (lost > 0)) {
        signalWrong++;
      }
      millis.add(elapsedMillis);
    }

    void addAll(Tally other) {
      runs += other.runs;
      truncated += other.truncated;
      intact += other.intact;
      signalled += other.signalled;
      signalWrong += other.signalWrong;
      minLost = Math.min(minLost, other.minLost);
      maxLost = Math.max(maxLost, other.maxLost);
      millis.addAll(other.millis);
    }

    String truncation() {
      if (truncated == 0) {
        return "0/" + runs;
      }
      String min = lost(minLost);
      String max = lost(maxLost);
      String lost = min.equals(max) ? min : min + " to " + max;
      return "**" + truncated + "/" + runs + "**, lost " + lost;
    }

    long medianMillis() {
      List<Long> sorted = millis.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  @Test
  void map() throws Exception {
    List<Client> clients = new ArrayList<>();
    for (int receiveBuffer : new int[] {0, SMALL_BUFFER}) {
      for (long delay : new long[] {0, 1}) {
        clients.add(javaClient(receiveBuffer, delay));
      }
    }
    boolean curl = curlInstalled();
    if (curl) {
      clients.add(curlClient(null));
      clients.add(curlClient(CURL_RATE));
    }

    StringBuilder close = new StringBuilder();
    close.append(
        "| client | body | buggy, server SO_SNDBUF auto | buggy, server SO_SNDBUF 8 KiB |"
            + " fixed: intact | fixed: median ms, auto / 8 KiB |\n");
    close.append("| --- | --- | --- | --- | --- | --- |\n");
    StringBuilder keepAlive = new StringBuilder();
    keepAlive.append("| client | buggy: truncated | fixed: intact |\n| --- | --- | --- |\n");
    Tally allBuggy = new Tally();
    Tally allFixed = new Tally();
    long started = System.nanoTime();
    for (Client client : clients) {
      long clientStarted = System.nanoTime();
      Tally keepAliveBuggy = new Tally();
      Tally keepAliveFixed = new Tally();
      for (long body : BODIES) {
        List<Tally> buggy = new ArrayList<>();
        List<Tally> fixed = new ArrayList<>();
        for (int sendBuffer : SEND_BUFFERS) {
          HttpServer.Options options = HttpServer.Options.bodyOf(body).withSendBuffer(sendBuffer);
          Tally b = new Tally();
          Tally f = new Tally();
          for (int run = 0; run < RUNS; run++) {
            run(client, options, true, true, b);
            run(client, options, false, true, f);
            run(client, options, true, false, keepAliveBuggy);
            run(client, options, false, false, keepAliveFixed);
          }
          buggy.add(b);
          fixed.add(f);
          allBuggy.addAll(b);
          allFixed.addAll(f);
        }
        close.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %d/%d | %d / %d |%n",
                client.describe(),
                size(body),
                buggy.get(0).truncation(),
                buggy.get(1).truncation(),
                fixed.get(0).intact + fixed.get(1).intact,
                fixed.get(0).runs + fixed.get(1).runs,
                fixed.get(0).medianMillis(),
                fixed.get(1).medianMillis()));
      }
      keepAlive.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d/%d |%n",
              client.describe(),
              keepAliveBuggy.truncation(),
              keepAliveFixed.intact,
              keepAliveFixed.runs));
      allBuggy.addAll(keepAliveBuggy);
      allFixed.addAll(keepAliveFixed);
      System.out.printf(
          Locale.ROOT,
          "%s: %d s%n",
          client.describe(),
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - clientStarted));
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    String report =
        environment(curl)
            + "\n### Connection: close\n\n"
            + close
            + "\n### Keep-alive (one request; the client closes after the body)\n\n"
            + keepAlive
            + String.format(
                Locale.ROOT,
                "%n%d runs per variant and cell, %d in all, in %d s. The fixed server delivered"
                    + " %d of %d responses intact. The integrity signal (bytes written against"
                    + " Content-Length at close) fired on %d of the buggy server's %d truncated"
                    + " responses and disagreed with the client %d times in %d runs.%n",
                RUNS,
                allBuggy.runs + allFixed.runs,
                seconds,
                allFixed.intact,
                allFixed.runs,
                allBuggy.signalled,
                allBuggy.truncated,
                allBuggy.signalWrong + allFixed.signalWrong,
                allBuggy.runs + allFixed.runs);
    Files.writeString(Path.of("target", "hyper-bug-repro.md"), report, UTF_8);
    System.out.println(report);
    assertEquals(allFixed.runs, allFixed.intact, "the fixed server must never truncate");
    assertEquals(0, allBuggy.signalWrong + allFixed.signalWrong, "the integrity signal was wrong");
  }

  private static void run(
      Client client, HttpServer.Options options, boolean buggy, boolean close, Tally tally)
      throws Exception {
    ShutdownPath path =
        buggy ? new dev.heed.examples.buggy.Shutdown() : new dev.heed.examples.fixed.Shutdown();
    Recorder recorder = new Recorder();
    Received received;
    long started = System.nanoTime();
    try (HttpServer server = HttpServer.start(path, options, recorder)) {
      received = client.fetch(server.address(), close, options.bodyBytes());
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    tally.add(received, recorder.awaitClosed(), millis);
  }

  private static Client javaClient(int receiveBuffer, long delayMillis) {
    return new Client() {
      @Override
      public String describe() {
        return "Java, SO_RCVBUF "
            + (receiveBuffer == 0 ? "auto" : size(receiveBuffer))
            + ", "
            + (delayMillis == 0 ? "reads at once" : delayMillis + " ms before each 16 KiB read");
      }

      @Override
      public Received fetch(InetSocketAddress server, boolean close, long bodyBytes)
          throws IOException {
        SlowClient.Settings settings =
            SlowClient.Settings.fast().withReceiveBuffer(receiveBuffer).withReadDelay(delayMillis);
        if (!close) {
          settings = settings.withKeepAlive(1);
        }
        SlowClient.Response response = SlowClient.fetch(server, settings).only();
        return new Received(response.bodyBytes(), response.contentLength(), response.intact());
      }
    };
  }

  private static Client curlClient(String rate) {
    return new Client() {
      @Override
      public String describe() {
        return rate == null ? "curl --http1.1" : "curl --http1.1 --limit-rate " + rate;
      }

      @Override
      public Received fetch(InetSocketAddress server, boolean close, long bodyBytes)
          throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "--http1.1", "-sS", "-o"));
        command.add("/dev/null");
        command.addAll(List.of("-w", "%{size_download}", "--max-time", "30"));
        if (rate != null) {
          command.addAll(List.of("--limit-rate", rate));
        }
        if (close) {
          command.addAll(List.of("-H", "Connection: close"));
        }
        command.add("http://127.0.0.1:" + server.getPort() + "/");
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        if (!process.waitFor(CURL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("curl did not finish in " + CURL_TIMEOUT_SECONDS + " s");
        }
        String out = new String(process.getInputStream().readAllBytes(), UTF_8).trim();
        long bytes = Long.parseLong(out);
        int exit = process.exitValue();
        // 18: "transfer closed with outstanding read data remaining" (a partial body).
        if (exit != 0 && exit != 18) {
          String err = new String(process.getErrorStream().readAllBytes(), UTF_8);
          throw new AssertionError("curl exited with " + exit + ": " + err);
        }
        // curl checks the length itself; the body goes to /dev/null, so no checksum here.
        return new Received(bytes, bodyBytes, exit == 0 && bytes == bodyBytes);
      }
    };
  }

  private static boolean curlInstalled() {
    try {
      Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The machine the map ran on, and what the kernel made of the buffer sizes asked. */
  private static String environment(boolean curl) throws IOException {
    StringBuilder env = new StringBuilder();
    env.append("Measured on Linux ")
        .append(System.getProperty("os.version"))
        .append(", JDK ")
        .append(Runtime.version())
        .append(curl ? ", " + curlVersion() : ", curl not installed")
        .append(".\n\n");
    for (String sysctl : new String[] {"net/ipv4/tcp_wmem", "net/ipv4/tcp_rmem"}) {
      Path p = Path.of("/proc/sys", sysctl);
      if (Files.isReadable(p)) {
        env.append("- `")
            .append(sysctl.replace('/', '.'))
            .append("` = `")
            // readString reads procfs files short; readAllLines does not.
            .append(String.join(" ", Files.readAllLines(p)).trim().replaceAll("\\s+", " "))
            .append("` (min, initial, max auto-tuned)\n");
      }
    }
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (Socket client = new Socket()) {
        client.setReceiveBufferSize(SMALL_BUFFER);
        client.connect(listener.getLocalAddress(), 2_000);
        try (SocketChannel accepted = listener.accept()) {
          int initial = accepted.getOption(StandardSocketOptions.SO_SNDBUF);
          accepted.setOption(StandardSocketOptions.SO_SNDBUF, SMALL_BUFFER);
          // Java reports half of what Linux holds: the kernel doubles the size asked.
          env.append("- server `SO_SNDBUF` as Java reports it: auto starts at ")
              .append(initial)
              .append(" bytes; asking ")
              .append(SMALL_BUFFER)
              .append(" gives ")
              .append(accepted.getOption(StandardSocketOptions.SO_SNDBUF))
              .append("\n- client `SO_RCVBUF` as Java reports it: asking ")
              .append(SMALL_BUFFER)
              .append(" before connect gives ")
              .append(client.getReceiveBufferSize())
              .append("\n");
        }
      }
    }
    return env.toString();
  }

  private static String curlVersion() {
    try {
      Process p = new ProcessBuilder("curl", "--version").start();
      String first =
          new String(p.getInputStream().readAllBytes(), UTF_8).lines().findFirst().orElse("");
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return first.split(" ", 3).length > 1 ? "curl " + first.split(" ", 3)[1] : "curl";
    } catch (IOException e) {
      return "curl";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "curl";
    }
  }

  /** A byte count rounded for the table: whole KiB below 1 MiB, tenths of MiB above. */
  private static String lost(long bytes) {
    if (bytes >= KIB * KIB) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (KIB * KIB));
    }
    return String.format(Locale.ROOT, "%d KiB", Math.round(bytes / (double) KIB));
  }

  private static String size(long bytes) {
    if (bytes >= KIB * KIB && bytes % (KIB * KIB) == 0) {
      return bytes / (KIB * KIB) + " MiB";
    }
    if (bytes >= KIB) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) KIB).replace(".0 ", " ");
    }
    return bytes + " B";
  }
}
