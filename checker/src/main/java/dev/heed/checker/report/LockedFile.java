package dev.heed.checker.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that several javac processes (the modules of one build, main and test compiles) write in
 * turn: every access holds the file's lock, so appends and rewrites never interleave.
 */
public final class LockedFile {
  /** Computes a file's new text from its old one, and what the caller wants to know of it. */
  public interface Rewrite<T> {
    T apply(String old, StringBuilder replacement) throws IOException;
  }

  private LockedFile() {}

  /** Appends {@code text}, creating the file and its directories if needed. */
  public static void append(Path file, String text) throws IOException {
    createDirectories(file);
    try (FileChannel channel =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock = channel.lock()) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }

  /**
   * Replaces the file's text (empty if it did not exist) with what {@code rewrite} builds from it,
   * all under one lock; returns what {@code rewrite} returned. If it throws, the file is unchanged.
   */
  public static <T> T rewrite(Path file, Rewrite<T> rewrite) throws IOException {
    createDirectories(file);
    try (FileChannel channel =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      ByteBuffer read = ByteBuffer.allocate((int) channel.size());
      while (read.hasRemaining() && channel.read(read) >= 0) {
        // read it all
      }
      StringBuilder replacement = new StringBuilder();
      T result = rewrite.apply(new String(read.array(), UTF_8), replacement);
      channel.truncate(0);
      ByteBuffer bytes = ByteBuffer.wrap(replacement.toString().getBytes(UTF_8));
      long position = 0;
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
      return result;
    }
  }

  private static void createDirectories(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
  }
}
