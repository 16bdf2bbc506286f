package dev.heed.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMultiset;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User model files ({@code -XepOpt:Heed:Models}) and the words of a modelled finding. */
class ModelsTest {

  private static final JavaFileObject CLIENT =
      JavaFileObjects.forSourceString(
          "com.acme.Client",
          """
          package com.acme;
          import java.util.concurrent.ArrayBlockingQueue;
          public class Client {
            public boolean tryPublish(String message) { return true; }
            public int flushAll(int max, long timeoutMillis) { return 0; }
            public static final class Inbox extends ArrayBlockingQueue<String> {
              public Inbox() { super(1); }
            }
            static final class Spool extends ArrayBlockingQueue<String> {
              Spool() { super(1); }
              @Override
              public boolean offer(String s) {
                return true; // spools to disk when the queue is full
              }
            }
            void use(Inbox inbox, Spool spool) {
              tryPublish("a");
              flushAll(1, 2L);
              inbox.offer("b");
              spool.offer("c");
              if (!tryPublish("d")) {
                throw new IllegalStateException("refused");
              }
            }
          }
          """);

  @TempDir Path dir;

  private Path file(String name, String... lines) throws IOException {
    Path path = dir.resolve(name);
    Files.write(path, List.of(lines), UTF_8);
    return path;
  }

  private static Compilation compile(String... options) {
    return Heed.compile(List.of(CLIENT), List.of(options));
  }

  @Test
  void withoutAModelFileOnlyTheBuiltInModelsApply() {
    Compilation compilation = compile();
    assertEquals(List.of(), Heed.otherProblems(compilation));
    // Inbox and Spool are ArrayBlockingQueues: the built-in BlockingQueue.offer model covers
    // both, through their overriding offer methods.
    assertEquals(
        ImmutableMultiset.of(
            new Fixture.Finding(19, "DiscardedMustUse"),
            new Fixture.Finding(20, "DiscardedMustUse")),
        Heed.findings(compilation));
  }

  @Test
  void aModelFileAddsMethodsAndReceiversThatNeverRefuse() throws IOException {
    Path models =
        file(
            "acme-models.txt",
            "# Acme's client: what its results mean.",
            "",
            "refused com.acme.Client.tryPublish(java.lang.String) -- false means the broker"
                + " refused the message and it is gone",
            "must-use com.acme.Client.flushAll(int, ...) -- it is how many messages are still"
                + " queued",
            "never-refuses com.acme.Client.Spool -- spools to disk, never full");
    Compilation compilation = compile("-XepOpt:Heed:Models=" + models);
    assertEquals(List.of(), Heed.otherProblems(compilation));
    assertEquals(
        ImmutableMultiset.of(
            new Fixture.Finding(17, "DiscardedMustUse"),
            new Fixture.Finding(18, "DiscardedMustUse"),
            new Fixture.Finding(19, "DiscardedMustUse")),
        Heed.findings(compilation));
    assertEquals(
        "[DiscardedMustUse] The boolean returned by Client.tryPublish(String) is discarded: false"
            + " means the broker refused the message and it is gone. Check it and handle the"
            + " refusal: retry, block, or count and report the drop, or write @AllowDiscard(reason"
            + " = \"...\") on a declaration around it.",
        Heed.firstLine(Heed.heedDiagnostics(compilation).get(0)));
  }

  @Test
  void aBuiltInModelSpeaksInTheReceiversTerms() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "Flush",
            """
            import java.nio.ByteBuffer;
            import java.nio.channels.SocketChannel;
            class Flush {
              void f(SocketChannel channel, ByteBuffer response) throws Exception {
                channel.write(response);
                channel.close();
              }
            }
            """);
    Compilation compilation = Heed.compile(List.of(source), List.of());
    assertEquals(
        List.of(
            "[DiscardedMustUse] The int returned by SocketChannel.write(ByteBuffer) is discarded:"
                + " it is the number of bytes written, and a non-blocking channel may write fewer"
                + " than remain; what is left in the buffer is lost if the connection closes next."
                + " Write again while the buffer has bytes remaining (or wait for OP_WRITE), check"
                + " the count, or write @AllowDiscard(reason = \"...\") on a declaration around"
                + " it."),
        Heed.heedDiagnostics(compilation).stream()
            .filter(d -> Heed.checkName(d).equals("DiscardedMustUse"))
            .map(Heed::firstLine)
            .toList());
  }

  @Test
  void severalModelFilesAreCommaSeparated() throws IOException {
    Path first =
        file("a.txt", "refused com.acme.Client.tryPublish(java.lang.String) -- refused: lost");
    Path second = file("b.txt", "must-use com.acme.Client.flushAll(...) -- what is left");
    Compilation compilation = compile("-XepOpt:Heed:Models=" + first + "," + second);
    assertEquals(List.of(), Heed.otherProblems(compilation));
    assertEquals(4, Heed.findings(compilation).size());
  }

  @Test
  void aMalformedLineIsOneErrorNamingTheFlagFileAndLine() throws IOException {
    Path models =
        file(
            "bad.txt",
            "refused com.acme.Client.tryPublish(java.lang.String) -- fine",
            "refused com.acme.Client.tryPublish(java.lang.String)");
    assertBadModelFile(
        models,
        2,
        "expected '<category> <pkg.Type>.<method>(<erased parameter types>) -- <what is"
            + " lost>' or 'never-refuses <pkg.Type> -- <why>', got 'refused"
            + " com.acme.Client.tryPublish(java.lang.String)'");
  }

  @Test
  void anUnknownCategoryIsNamedWithTheKnownOnes() throws IOException {
    Path models = file("bad.txt", "lost com.acme.Client.tryPublish(java.lang.String) -- x");
    assertBadModelFile(
        models,
        1,
        "unknown category 'lost' (one of partial-write, partial-read, refused, timed-out,"
            + " dropped-work, must-use, never-refuses, lists-no-tasks, creates-unqueued-pool,"
            + " schedules-periodic, writes-fully, same-receiver, outcome-query, completes-quietly,"
            + " makes-blocking, wrapper, buffering-wrapper, async-type, lazy-type,"
            + " returns-receiver, observes-failure, success-only, result-kept, no-notification,"
            + " teardown-word, writes, flushes, awaits, completion-listener, closing-listener,"
            + " failure-listener), got 'lost com.acme.Client.tryPublish(java.lang.String) -- x'");
  }

  @Test
  void aParameterThatIsNotAnErasedTypeIsNamed() throws IOException {
    Path models = file("bad.txt", "refused com.acme.Client.tryPublish(List<String>) -- x");
    assertBadModelFile(
        models,
        1,
        "'List<String>' is not an erased, fully qualified parameter type, got 'refused"
            + " com.acme.Client.tryPublish(List<String>) -- x'");
  }

  @Test
  void anUnreadableFileIsOneErrorNamingTheFlagAndFile() {
    Path missing = dir.resolve("missing.txt");
    assertOneError(
        compile("-XepOpt:Heed:Models=" + missing),
        "[Heed] -XepOpt:Heed:Models="
            + missing
            + ": cannot read model file "
            + missing
            + " (java.nio.file.NoSuchFileException)");
  }

  /** One error that names the flag, the file and the line, then what is wrong with it. */
  private static void assertBadModelFile(Path models, int line, String problem) {
    assertOneError(
        compile("-XepOpt:Heed:Models=" + models),
        "[Heed] -XepOpt:Heed:Models=" + models + ": " + models + ":" + line + ": " + problem);
  }

  private static void assertOneError(Compilation compilation, String message) {
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(
        List.of(message),
        compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList());
    assertEquals(ImmutableMultiset.of(), Heed.findings(compilation));
  }
}
