package dev.heed.checker.flow;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.heed.checker.flow.Signal.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The java.io completion signals: a write on a buffering wrapper ({@code BufferedOutputStream},
 * {@code GZIPOutputStream}, ...) leaves bytes in it until it, or a wrapper over it, is flushed,
 * finished or closed; closing what lies beneath it first loses them. Which types buffer, and which
 * methods push their bytes on, is the catalogue's ({@code wrapper}, {@code buffering-wrapper});
 * what wraps what is {@link Wrappers}'.
 */
final class Buffers {
  private final FlowVocabulary vocabulary;
  private final Wrappers wrappers;

  Buffers(FlowVocabulary vocabulary, Wrappers wrappers) {
    this.vocabulary = vocabulary;
    this.wrappers = wrappers;
  }

  /** The signal a write on {@code receiver} leaves, unless its holding layer has one already. */
  Optional<Signal> signal(MethodInvocationTree call, Object receiver, Set<Signal> current) {
    if (!vocabulary.isWrite(CompletionFlow.methodName(call))) {
      return Optional.empty();
    }
    Buffered chain = wrappers.chain(receiver);
    if (chain == null
        || current.stream()
            .anyMatch(
                s -> s.kind() == Kind.BUFFERED && s.receiver().equals(chain.holder().key()))) {
      return Optional.empty();
    }
    return Optional.of(new Signal(chain.holder().key(), call, Kind.BUFFERED, null, chain));
  }

  /** After {@code method} is called on {@code receiver}: the bytes it pushes on or completes. */
  void called(Set<Signal> current, Object receiver, String method) {
    boolean close = vocabulary.isClose(method);
    boolean flush = vocabulary.isFlush(method);
    List<Signal> moved = new ArrayList<>();
    current.removeIf(
        s -> {
          if (s.kind() != Kind.BUFFERED
              || !s.buffered().reaches(receiver)
              || (!close && !s.buffered().pushedBy(method))) {
            return false;
          }
          Buffered next = close ? null : s.buffered().after(method, flush);
          if (next != null) {
            moved.add(new Signal(next.holder().key(), s.write(), Kind.BUFFERED, null, next));
          }
          return true;
        });
    current.addAll(moved);
  }

  /** A use of {@code key} other than as a receiver: handed on, it may be flushed elsewhere. */
  static void escaped(Set<Signal> current, Object key) {
    current.removeIf(s -> s.kind() == Kind.BUFFERED && s.buffered().reaches(key));
  }

  /** Whether a close of {@code closed} can destroy what {@code signal} waits for. */
  static boolean races(Signal signal, Object closed) {
    return signal.kind() == Kind.BUFFERED
        ? signal.buffered().beneath(closed)
        : Receivers.closes(closed, signal.receiver());
  }

  /**
   * The close of a try-with-resources resource at the end of its try: it completes the bytes it
   * holds or wraps, and loses those of a wrapper over it that is not a resource.
   */
  static Set<Signal> closeResource(
      Tree resource, TreePath path, Object key, Set<Signal> in, Map<Tree, Race> races) {
    Set<Signal> out = new java.util.LinkedHashSet<>(in);
    for (Signal s : in) {
      if (s.kind() != Kind.BUFFERED) {
        continue;
      }
      if (s.buffered().beneath(key)) {
        races.putIfAbsent(resource, new Race(resource, path, s));
        out.remove(s);
      } else if (s.buffered().reaches(key)) {
        out.remove(s);
      }
    }
    return out;
  }
}
