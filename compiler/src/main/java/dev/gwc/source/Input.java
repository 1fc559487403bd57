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
 * @param renderWith for a Helm chart (not read as manifests): the command that renders it, naming
 *     the folder; {@code path} is then its Chart.yaml
 */
public record Input(String name, Path path, String renderWith) {
  /** A file or standard input. */
  public Input(String name, Path path) {
    this(name, path, null);
  }

  /** Maximum bytes read from one input. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  /**
   * Reads the whole input.
   *
   * @throws IOException naming the input when it cannot be read or is over {@link #MAX_BYTES}
   */
  public byte[] read(InputStream stdin) throws IOException {
    if (path == null) {
      return readStdin(stdin);
    }
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw new IOException(name + ": file is larger than " + (MAX_BYTES >> 20) + " MiB");
    }
    return Files.readAllBytes(path);
  }

  /**
   * Standard input, whole.
   *
   * @throws IOException when it is over {@link #MAX_BYTES}: never read in part
   */
  public static byte[] readStdin(InputStream stdin) throws IOException {
    byte[] bytes = stdin.readNBytes((int) MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new IOException("-: standard input is larger than " + (MAX_BYTES >> 20) + " MiB");
    }
    return bytes;
  }
}
