package dev.heed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMultiset;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A shaded copy of a library Heed knows (relocated under another package by the build, as Ratis,
 * Couchbase or Elasticsearch ship Netty, gRPC and Reactor) is that library: its async types and its
 * catalogue entries apply by their relocated names.
 */
class ShadedLibrariesTest {
  private static final String NETTY_FUTURE =
      """
      package org.example.thirdparty.io.netty.util.concurrent;
      public interface Future<V> extends java.util.concurrent.Future<V> {
        Future<V> sync() throws InterruptedException;
        Future<V> syncUninterruptibly();
        Future<V> awaitUninterruptibly();
        Future<V> addListener(GenericFutureListener<? extends Future<? super V>> listener);
      }
      """;

  private static final String NETTY_LISTENER =
      """
      package org.example.thirdparty.io.netty.util.concurrent;
      public interface GenericFutureListener<F extends Future<?>> extends java.util.EventListener {
        void operationComplete(F future) throws Exception;
      }
      """;

  private static final String PUBLISHER =
      """
      package org.example.thirdparty.org.reactivestreams;
      public interface Publisher<T> {
        void subscribe(Object subscriber);
      }
      """;

  private static final String CLIENT =
      """
      package app;
      import org.example.thirdparty.io.netty.util.concurrent.Future;
      import org.example.thirdparty.org.reactivestreams.Publisher;
      class Client {
        void start(Future<Void> bind, Future<Void> close, Publisher<String> rows) {
          bind.syncUninterruptibly();   // waits, and rethrows the failure: reported without relocation
          close.awaitUninterruptibly(); // at: awaited
          bind.addListener(f -> {});    // at: listened
          rows.toString();
        }

        Publisher<String> query() {
          return null;
        }

        void drop() {
          query(); // at: lazy
        }
      }
      """;

  /** A package whose name only ends in the same letters is no relocation. */
  private static final String LOOK_ALIKE =
      """
      package app.xorg.reactivestreams;
      public interface Publisher<T> {
        static Publisher<String> make() { return null; }
        static void drop() {
          make();
        }
      }
      """;

  @Test
  void aShadedCopyIsTheLibraryItCopies() {
    List<JavaFileObject> sources =
        List.of(
            JavaFileObjects.forSourceString(
                "org.example.thirdparty.io.netty.util.concurrent.Future", NETTY_FUTURE),
            JavaFileObjects.forSourceString(
                "org.example.thirdparty.io.netty.util.concurrent.GenericFutureListener",
                NETTY_LISTENER),
            JavaFileObjects.forSourceString(
                "org.example.thirdparty.org.reactivestreams.Publisher", PUBLISHER),
            JavaFileObjects.forSourceString("app.Client", CLIENT),
            JavaFileObjects.forSourceString("app.xorg.reactivestreams.Publisher", LOOK_ALIKE));
    Compilation compilation = Heed.compile(sources, List.of());
    assertEquals(List.of(), Heed.otherProblems(compilation));
    assertEquals(
        ImmutableMultiset.of(
            // The publisher is shaded Reactive Streams: lazy, so the dropped one never runs.
            new Fixture.Finding(Fixture.lineOf(CLIENT, "lazy"), "DiscardedFuture")),
        Heed.findings(compilation));
  }
}
