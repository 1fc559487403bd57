package dev.gwc.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Expands the command line's paths into input files: folders recursed, hidden folders skipped. */
public final class Inputs {
  private Inputs() {}

  /** Whether a file name is one gwc reads when it walks a folder. */
  public static boolean isManifestName(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".json");
  }

  /**
   * Collects inputs in a stable order (folder contents sorted by path).
   *
   * @throws IOException naming the path when it does not exist or cannot be listed
   */
  public static List<Input> collect(List<String> paths) throws IOException {
    List<Input> out = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.add(new Input("-", null));
        continue;
      }
      Path path = Path.of(p);
      if (!Files.exists(path)) {
        throw new IOException(p + ": no such file or folder");
      }
      if (Files.isDirectory(path)) {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(
            path,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(path) && n.startsWith(".")
                    ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isManifestName(file.getFileName().toString())) {
                  found.add(file);
                }
                return FileVisitResult.CONTINUE;
              }
            });
        found.sort(null);
        for (Path f : found) {
          out.add(new Input(f.toString(), f));
        }
      } else {
        out.add(new Input(p, path));
      }
    }
    return out;
  }
}
