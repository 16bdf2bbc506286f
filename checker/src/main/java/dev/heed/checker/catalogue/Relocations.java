package dev.heed.checker.catalogue;

import java.util.List;

/**
 * A shaded copy of a catalogued library is that library: {@code
 * org.apache.ratis.thirdparty.io.netty.channel.ChannelFuture} is Netty's {@code
 * io.netty.channel.ChannelFuture}, relocated under another package by a build's shading step. A
 * name matches a catalogued name when it equals it, or ends with it after a package prefix (one or
 * more lowercase-initial segments). Compared in place, with no copy of either name.
 */
public final class Relocations {
  /** Whether {@code actual} names the catalogued {@code qualified} name or a relocated copy. */
  public static boolean sameName(CharSequence actual, String qualified) {
    int prefix = actual.length() - qualified.length();
    if (prefix < 0 || prefix == 1) {
      return false;
    }
    if (prefix > 0 && (actual.charAt(prefix - 1) != '.' || !isPackagePrefix(actual, prefix - 1))) {
      return false;
    }
    for (int i = qualified.length() - 1; i >= 0; i--) {
      if (actual.charAt(prefix + i) != qualified.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@link #sameName} for each of two lists of names, in order. */
  public static boolean sameNames(List<String> actual, List<String> qualified) {
    if (actual.size() != qualified.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!sameName(actual.get(i), qualified.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The first {@code end} characters are dot-separated segments, each starting lowercase. */
  private static boolean isPackagePrefix(CharSequence name, int end) {
    boolean segmentStart = true;
    for (int i = 0; i < end; i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (segmentStart) {
          return false; // an empty segment
        }
        segmentStart = true;
      } else if (segmentStart) {
        if (!Character.isLowerCase(c)) {
          return false; // a class name: Outer.Inner is no package
        }
        segmentStart = false;
      }
    }
    return !segmentStart;
  }

  private Relocations() {}
}
