package dev.gwc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line's paths expand to: links followed once, loops ended, odd files refused. */
class InputsTest {
  @TempDir Path dir;

  private static List<String> names(List<Input> inputs, Path base) {
    return inputs.stream().map(i -> base.relativize(Path.of(i.name())).toString()).toList();
  }

  @Test
  void linksInAFolder_followedOnce_loopsEnded() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(repo.resolve("a.yaml"), "kind: A\n");
    Files.writeString(shared.resolve("b.yaml"), "kind: B\n");
    Files.createSymbolicLink(repo.resolve("b-link.yaml"), shared.resolve("b.yaml"));
    Files.createSymbolicLink(repo.resolve("shared"), shared); // a folder link
    Files.createSymbolicLink(repo.resolve("a-again.yaml"), repo.resolve("a.yaml"));
    Files.createSymbolicLink(repo.resolve("up"), repo); // a loop
    List<Input> inputs =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> Inputs.collect(List.of(repo.toString())));
    // b.yaml is reached by two links and read once; a.yaml and its link once; the loop ends.
    assertEquals(List.of("a-again.yaml", "b-link.yaml"), names(inputs, repo));
  }

  @Test
  void brokenLinkToAManifest_isAnErrorNamingIt() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createSymbolicLink(repo.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
    IOException e = assertThrows(IOException.class, () -> Inputs.collect(List.of(repo.toString())));
    assertTrue(e.getMessage().endsWith("gone.yaml: broken symbolic link"), e.getMessage());
    IOException direct =
        assertThrows(
            IOException.class, () -> Inputs.collect(List.of(repo.resolve("gone.yaml").toString())));
    assertTrue(direct.getMessage().endsWith("broken symbolic link"), direct.getMessage());
  }

  @Test
  void fifoOrDevice_refusedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
    for (String p : List.of(fifo.toString(), "/dev/zero")) {
      IOException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () -> assertThrows(IOException.class, () -> Inputs.collect(List.of(p))));
      assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
      assertTrue(e.getMessage().contains("gwc validate -"), e.getMessage());
    }
  }

  @Test
  void standardInputOverTheLimit_isRefusedNotTruncated() {
    InputStream endless =
        new InputStream() {
          private long left = Input.MAX_BYTES + 10;

          @Override
          public int read() {
            return left-- > 0 ? ' ' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) ' ');
            left -= n;
            return n;
          }
        };
    IOException e = assertThrows(IOException.class, () -> Input.readStdin(endless));
    assertTrue(e.getMessage().contains("standard input is larger than 256 MiB"), e.getMessage());
  }

  @Test
  void standardInputWithinTheLimit_readWhole() throws IOException {
    byte[] bytes = "kind: A\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(8, Input.readStdin(new ByteArrayInputStream(bytes)).length);
  }
}
