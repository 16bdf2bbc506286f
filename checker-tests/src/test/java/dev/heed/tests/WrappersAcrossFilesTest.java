package dev.heed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMultiset;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A wrapper passes its obligation on to callers in other files of the same compilation. */
class WrappersAcrossFilesTest {
  private static final String EVENTS =
      """
      package acme;
      import java.util.concurrent.BlockingQueue;
      public class Events {
        private final BlockingQueue<String> queue;
        public Events(BlockingQueue<String> queue) { this.queue = queue; }
        public boolean publish(String event) { // at: publish
          return queue.offer(event);
        }
      }
      """;

  private static final String SERVICE =
      """
      package app;
      import acme.Events;
      class Service {
        void start(Events events) {
          events.publish("started"); // at: dropped
          if (!events.publish("ready")) {
            throw new IllegalStateException("not published");
          }
        }
      }
      """;

  private static ImmutableMultiset<Fixture.Finding> findings(List<JavaFileObject> sources) {
    Compilation compilation = Heed.compile(sources, List.of());
    assertEquals(List.of(), Heed.otherProblems(compilation));
    return Heed.findings(compilation);
  }

  @Test
  void theCallerInAnotherFileIsReportedWhicheverFileComesFirst() {
    JavaFileObject events = JavaFileObjects.forSourceString("acme.Events", EVENTS);
    JavaFileObject service = JavaFileObjects.forSourceString("app.Service", SERVICE);
    // The public wrapper itself is a MustUseCandidate: callers of the published jar are not told.
    ImmutableMultiset<Fixture.Finding> expected =
        ImmutableMultiset.of(
            new Fixture.Finding(Fixture.lineOf(SERVICE, "dropped"), "DiscardedMustUse"),
            new Fixture.Finding(Fixture.lineOf(EVENTS, "publish"), "MustUseCandidate"));
    assertEquals(expected, findings(List.of(events, service)));
    assertEquals(expected, findings(List.of(service, events)));
  }

  @Test
  void theMessageNamesTheOriginInItsFile() {
    Compilation compilation =
        Heed.compile(
            List.of(
                JavaFileObjects.forSourceString("app.Service", SERVICE),
                JavaFileObjects.forSourceString("acme.Events", EVENTS)),
            List.of());
    assertEquals(
        List.of(
            "[MustUseCandidate] publish(String) returns the boolean of BlockingQueue.offer(E),"
                + " which callers must use (false means a bounded queue was full and the element"
                + " was dropped). Callers in this compilation are told; callers of the published"
                + " code are not. Mark it @MustUse(\"...\") so that they are too.",
            "[DiscardedMustUse] The boolean returned by Events.publish(String) is discarded:"
                + " publish(String) returns the boolean of BlockingQueue.offer(E) at Events.java:7:"
                + " false means a bounded queue was full and the element was dropped. Check it and"
                + " handle the refusal: retry, block, or count and report the drop, or write"
                + " @AllowDiscard(reason = \"...\") on a declaration around it."),
        Heed.heedDiagnostics(compilation).stream()
            .map(Heed::firstLine)
            .sorted((a, b) -> b.compareTo(a))
            .toList());
    var drop =
        Heed.heedDiagnostics(compilation).stream()
            .filter(d -> Heed.checkName(d).equals("DiscardedMustUse"))
            .findFirst()
            .orElseThrow();
    assertEquals(Fixture.lineOf(SERVICE, "dropped"), drop.getLineNumber());
    assertEquals("Service.java", drop.getSource().getName().replaceAll(".*/", ""));
  }
}
