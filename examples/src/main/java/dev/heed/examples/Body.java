package dev.heed.examples;

import java.util.zip.CRC32;

/**
 * The bytes {@link HttpServer} sends as a response body: a fixed pseudo-random sequence, so that a
 * client can check by checksum that it got every byte, in order.
 */
public final class Body {
  private Body() {}

  /** The body byte at {@code offset}. */
  public static byte at(long offset) {
    long x = offset * 0x9E3779B97F4A7C15L;
    return (byte) (x >>> 56);
  }

  /** Writes body bytes {@code [offset, offset + length)} into {@code dst} from {@code from}. */
  public static void fill(byte[] dst, int from, int length, long offset) {
    for (int i = 0; i < length; i++) {
      dst[from + i] = at(offset + i);
    }
  }

  /** The CRC-32 of the first {@code length} body bytes: what an intact response hashes to. */
  public static long crc32(long length) {
    CRC32 crc = new CRC32();
    byte[] chunk = new byte[64 * 1024];
    for (long done = 0; done < length; ) {
      int n = (int) Math.min(chunk.length, length - done);
      fill(chunk, 0, n, done);
      crc.update(chunk, 0, n);
      done += n;
    }
    return crc.getValue();
  }
}
