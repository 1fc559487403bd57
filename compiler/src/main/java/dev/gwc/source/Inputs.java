package dev.gwc.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Expands the command line's paths into input files: folders recursed, hidden folders skipped. */
public final class Inputs {
  private Inputs() {}

  /** Whether a file name is one gwc reads when it walks a folder. */
  public static boolean isManifestName(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".json");
  }

  /**
   * A Helm chart (a folder with Chart.yaml) as one input that is not read as manifests, naming how
   * to render it; null for other folders. (A Kustomize folder is read: its files are usually plain
   * manifests, and its kustomization file says, as an info note, what reading them as written
   * leaves out.)
   */
  static Input template(Path dir) {
    Path chart = dir.resolve("Chart.yaml");
    if (Files.isRegularFile(chart)) {
      return new Input(dir.toString(), chart, "helm template " + dir + " | gwc validate -");
    }
    return null;
  }

  /**
   * Collects inputs in a stable order (folder contents sorted by path). Symbolic links inside a
   * folder are followed, each file read once however many links lead to it, and a link back into a
   * folder being walked is not walked again.
   *
   * @throws IOException naming the path when it does not exist, cannot be listed, is a broken link,
   *     or is not a regular file or folder (a FIFO, a device or a socket could block forever)
   */
  public static List<Input> collect(List<String> paths) throws IOException {
    List<Input> out = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.add(new Input("-", null));
        continue;
      }
      Path path = Path.of(p);
      if (!Files.exists(path)) {
        throw new IOException(
            p
                + (Files.isSymbolicLink(path)
                    ? ": broken symbolic link"
                    : ": no such file or folder"));
      }
      if (Files.isDirectory(path)) {
        List<Path> found = new ArrayList<>();
        List<Input> templates = new ArrayList<>();
        Files.walkFileTree(
            path,
            EnumSet.of(FileVisitOption.FOLLOW_LINKS),
            Integer.MAX_VALUE,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(path) && n.startsWith(".")) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
                Input template = template(dir);
                if (template != null) {
                  templates.add(template);
                  return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                  throws IOException {
                boolean manifest = isManifestName(file.getFileName().toString());
                if (attrs.isSymbolicLink() && manifest) {
                  // Links are followed, so a link seen as a link has no target.
                  throw new IOException(file + ": broken symbolic link");
                }
                if (attrs.isRegularFile() && manifest) {
                  found.add(file);
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                  return FileVisitResult.CONTINUE; // its files are found by their own path
                }
                throw new IOException(file + ": cannot read (" + e.getMessage() + ")", e);
              }
            });
        found.sort(null);
        for (Path f : found) {
          if (seen.add(f.toRealPath())) {
            out.add(new Input(f.toString(), f));
          }
        }
        templates.sort(java.util.Comparator.comparing(Input::name));
        out.addAll(templates);
      } else if (!Files.isRegularFile(path)) {
        throw new IOException(
            p
                + ": not a regular file (a FIFO, device or socket); gwc reads files and folders, and"
                + " standard input as '-' (... | gwc validate -)");
      } else if (seen.add(path.toRealPath())) {
        out.add(new Input(p, path));
      }
    }
    return out;
  }
}
