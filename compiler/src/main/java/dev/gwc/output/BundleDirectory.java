package dev.gwc.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A folder that holds one bundle, one file a resource ({@code -o DIR}), and its comparison with
 * what would be written ({@code --check DIR}).
 *
 * <p>gwc lists the files it wrote in {@value #INDEX} in the folder. Writing never overwrites a file
 * that the list does not name (unless forced), never follows a symbolic link (each file is written
 * to a temporary file in the folder and renamed over the old one, so it is replaced whole or not at
 * all), and removes the files of the list that the bundle no longer has. Every problem is found
 * before anything is written. Checking reads regular files only, inside the folder.
 */
public final class BundleDirectory {
  /** The list of the files gwc wrote, in the bundle's folder. */
  public static final String INDEX = ".gwc-bundle";

  /** Files larger than this are not read by {@code --check}: a bundle file is never so large. */
  private static final long MAX_READ = 64L << 20;

  private BundleDirectory() {}

  /** A write refused before anything was written; the message names every file and why. */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Writes the bundle into {@code dir}.
   *
   * @param files file name to content, as {@link BundleFiles#of} names them
   * @param force overwrite files that gwc did not write
   * @return the files it removed: listed as gwc's, no longer produced
   * @throws RefusedException when a file is in the way; nothing was written then
   * @throws IOException when writing fails (the message names the file)
   */
  public static List<Path> write(Path dir, Map<String, String> files, boolean force)
      throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RefusedException(dir + ": not a directory");
    }
    Set<String> ours = readIndex(dir);
    List<String> problems = new ArrayList<>();
    for (String name : files.keySet()) {
      Path p = dir.resolve(name);
      BasicFileAttributes a = attributes(p);
      if (a == null) {
        continue;
      }
      if (a.isDirectory()) {
        problems.add(p + ": is a directory");
      } else if (a.isOther()) {
        problems.add(p + ": is not a regular file (a device, FIFO or socket)");
      } else if (!ours.contains(name) && !force) {
        problems.add(
            p
                + ": exists and was not written by gwc (not listed in "
                + dir.resolve(INDEX)
                + "); remove it or use --force to overwrite it");
      }
    }
    if (!problems.isEmpty()) {
      throw new RefusedException(String.join("\n", problems));
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException(
          dir + ": cannot create the directory (" + AtomicFile.reason(e) + ")", e);
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      if (!sameContent(p, f.getValue())) {
        AtomicFile.replace(p, f.getValue());
      }
    }
    List<Path> removed = new ArrayList<>();
    for (String name : ours) {
      Path p = dir.resolve(name);
      BasicFileAttributes a = attributes(p);
      if (!files.containsKey(name) && a != null && (a.isRegularFile() || a.isSymbolicLink())) {
        Files.delete(p); // a link itself, never its target
        removed.add(p);
      }
    }
    AtomicFile.replace(
        dir.resolve(INDEX),
        "# The files gwc wrote here (-o); it removes those it no longer produces.\n"
            + String.join("\n", files.keySet())
            + "\n");
    return removed;
  }

  /**
   * How {@code dir} differs from the bundle: one block of text a difference (a diff, a new file, a
   * file no longer produced, something that is not a regular file), empty when they agree.
   *
   * @param extension the bundle's file extension: other files in the folder are not compared
   */
  public static List<String> check(Path dir, Map<String, String> files, String extension)
      throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory");
    }
    List<String> out = new ArrayList<>();
    Set<String> present = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> list = Files.newDirectoryStream(dir, "*." + extension)) {
        for (Path p : list) {
          present.add(p.getFileName().toString());
        }
      } catch (IOException e) {
        throw new IOException(dir + ": cannot list (" + AtomicFile.reason(e) + ")", e);
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      present.remove(f.getKey());
      BasicFileAttributes a = attributes(p);
      if (a == null) {
        out.add("--- /dev/null\n+++ " + p + "\n(new file; run gwc with -o " + dir + ")\n");
      } else if (!a.isRegularFile()) {
        out.add(p + ": " + notRegular(a) + "; --check compares regular files only\n");
      } else if (a.size() > MAX_READ) {
        out.add(p + ": " + a.size() + " bytes, larger than any bundle file; not compared\n");
      } else {
        String have = read(p);
        if (!have.equals(f.getValue())) {
          out.add(Diffs.unified(p.toString(), have, f.getValue()));
        }
      }
    }
    for (String stale : present) {
      Path p = dir.resolve(stale);
      BasicFileAttributes a = attributes(p);
      String what = a == null || a.isRegularFile() ? "" : " (" + notRegular(a) + ")";
      out.add("--- " + p + what + "\n+++ /dev/null\n(no longer produced)\n");
    }
    return out;
  }

  /** The names the folder's index lists; none when it has no index. */
  private static Set<String> readIndex(Path dir) throws IOException {
    Path index = dir.resolve(INDEX);
    BasicFileAttributes a = attributes(index);
    Set<String> names = new TreeSet<>();
    if (a == null) {
      return names;
    }
    if (!a.isRegularFile() || a.size() > MAX_READ) {
      throw new RefusedException(index + ": not a list of files gwc wrote (" + notRegular(a) + ")");
    }
    for (String line : read(index).split("\n")) {
      // Only plain names of this folder: a list edited to name ../x or a/b is not followed.
      if (!line.isEmpty()
          && !line.startsWith("#")
          && line.indexOf('/') < 0
          && line.indexOf('\\') < 0
          && !line.equals(".")
          && !line.equals("..")
          && !line.equals(INDEX)) {
        names.add(line);
      }
    }
    return names;
  }

  private static String notRegular(BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "is a directory";
    }
    if (a.isSymbolicLink()) {
      return "is a symbolic link";
    }
    return a.isRegularFile() ? "too large" : "is a device, FIFO or socket";
  }

  /** The file's attributes without following a link, or null when there is nothing there. */
  private static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  private static boolean sameContent(Path p, String content) throws IOException {
    BasicFileAttributes a = attributes(p);
    return a != null && a.isRegularFile() && a.size() <= MAX_READ && read(p).equals(content);
  }

  private static String read(Path p) throws IOException {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException(p + ": cannot read (" + AtomicFile.reason(e) + ")", e);
    }
  }
}
