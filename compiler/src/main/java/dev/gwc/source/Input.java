package dev.gwc.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input file: a path, or standard input.
 *
 * @param name the name to show: the path as given (or found under a given folder), or {@code -}
 * @param path the file, or null for standard input
 */
public record Input(String name, Path path) {
  /** Maximum bytes read from one input. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  /** Reads the whole input. */
  public byte[] read(InputStream stdin) throws IOException {
    if (path == null) {
      return stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, MAX_BYTES));
    }
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw new IOException(name + ": file is larger than " + (MAX_BYTES >> 20) + " MiB");
    }
    return Files.readAllBytes(path);
  }
}
