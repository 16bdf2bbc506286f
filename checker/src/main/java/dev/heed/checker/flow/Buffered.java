package dev.heed.checker.flow;

import com.google.common.collect.ImmutableList;
import dev.heed.checker.catalogue.Entry.TypeEntry;
import org.jspecify.annotations.Nullable;

/**
 * Where the bytes of a {@link Signal.Kind#BUFFERED} signal wait: the chain of receivers a write
 * went through, outermost (the written wrapper) first, down to what lies beneath (a socket, a
 * file), and the layer whose buffer holds them. A flush, finish or close of a layer at or above
 * that one completes it; a close of a layer beneath it loses them.
 *
 * @param chain the written receiver, what it wraps, what that wraps, ...
 * @param pending the index in {@code chain} of the buffering layer that holds the bytes
 */
public record Buffered(ImmutableList<Layer> chain, int pending) {

  /**
   * One receiver of a chain.
   *
   * @param key its key ({@link Receivers})
   * @param name how a message names it: a variable, or {@code new T(...)}
   * @param type its (created or declared) type's simple name
   * @param buffering its {@code buffering-wrapper} entry, when it buffers
   */
  public record Layer(Object key, String name, String type, @Nullable TypeEntry buffering) {}

  /** The layer whose buffer holds the bytes. */
  public Layer holder() {
    return chain.get(pending);
  }

  /** Whether {@code key} lies beneath the holding layer: closing it loses the bytes. */
  boolean beneath(Object key) {
    for (int i = pending + 1; i < chain.size(); i++) {
      if (chain.get(i).key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code key} is the holding layer or a wrapper over it, through which it is reached. */
  boolean reaches(Object key) {
    for (int i = 0; i <= pending; i++) {
      if (chain.get(i).key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What is still pending after {@code method} was called on a layer that {@link #reaches} the
   * holder, when the holder's entry names the method: the next buffering layer beneath, where the
   * bytes went (a {@code flush} passes on through every layer that names it, a {@code finish} does
   * not), or null when none holds them any more.
   */
  @Nullable Buffered after(String method, boolean passesOn) {
    for (int i = pending + 1; i < chain.size(); i++) {
      Layer layer = chain.get(i);
      if (layer.buffering() != null && !(passesOn && names(layer, method))) {
        return new Buffered(chain, i);
      }
    }
    return null;
  }

  /** Whether the holder's entry names {@code method} as one that pushes its bytes on. */
  boolean pushedBy(String method) {
    return names(holder(), method);
  }

  private static boolean names(Layer layer, String method) {
    TypeEntry entry = layer.buffering();
    return entry != null && entry.methods().stream().anyMatch(p -> p.matches(method));
  }
}
