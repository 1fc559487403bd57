package dev.gwc.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writing a file so that readers see the old content or the new, never a part of either. */
public final class AtomicFile {
  private static final Set<PosixFilePermission> NEW_FILE_MODE =
      PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFile() {}

  /**
   * Replaces {@code p} whole: a temporary file in the same folder, renamed over it. The file keeps
   * its permissions; a new one is readable by all and writable by its owner.
   */
  public static void replace(Path p, String content) throws IOException {
    Path tmp = null;
    try {
      tmp = Files.createTempFile(p.getParent(), ".gwc-", ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      BasicFileAttributes old = attributes(p);
      Set<PosixFilePermission> mode =
          old != null && old.isRegularFile() ? posixMode(p) : NEW_FILE_MODE;
      if (mode != null && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, mode);
      }
      try {
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new IOException(p + ": cannot write (" + reason(e) + ")", e);
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static Set<PosixFilePermission> posixMode(Path p) {
    try {
      return Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      return NEW_FILE_MODE;
    }
  }

  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }
}
