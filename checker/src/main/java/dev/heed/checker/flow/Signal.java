package dev.heed.checker.flow;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import org.jspecify.annotations.Nullable;

/**
 * A completion signal obtained from {@code receiver} by {@code write}, not yet awaited.
 *
 * @param receiver the written receiver: a variable symbol, or the marker for {@code this}; for a
 *     {@link Kind#BUFFERED} signal, the wrapper whose buffer holds the bytes
 * @param holder the local that holds the signal, or null when it was dropped
 * @param buffered for a {@link Kind#BUFFERED} signal, the wrappers the bytes went through and the
 *     one that holds them; null for the other kinds
 */
public record Signal(
    Object receiver,
    MethodInvocationTree write,
    Kind kind,
    @Nullable Symbol holder,
    @Nullable Buffered buffered) {

  /** A signal of a kind other than {@link Kind#BUFFERED}. */
  Signal(Object receiver, MethodInvocationTree write, Kind kind, @Nullable Symbol holder) {
    this(receiver, write, kind, holder, null);
  }

  /** What a pending signal is, which decides the diagnostic's words. */
  public enum Kind {
    /** A write/flush/send future nobody waited on. */
    FUTURE,
    /** A {@code @MustUse} flush/poll result nobody checked. */
    MUST_USE,
    /** A channel write count neither checked nor drained. */
    COUNT,
    /** Bytes written into a buffering wrapper that nobody flushed, finished or closed. */
    BUFFERED
  }
}
