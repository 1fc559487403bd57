package dev.gwc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Approved-output files: {@code NAME.approved.txt} next to the case. A mismatch (or a missing
 * approved file) writes {@code NAME.received.txt} beside it and fails; {@code -Dgwc.approve=true}
 * accepts the received output instead.
 */
public final class Golden {
  private Golden() {}

  public static void verify(Path approved, String actual) throws IOException {
    String normalized = actual.replace("\r\n", "\n");
    Path received = Path.of(approved.toString().replace(".approved.", ".received."));
    Files.createDirectories(approved.getParent());
    if (Boolean.getBoolean("gwc.approve")) {
      Files.writeString(approved, normalized, StandardCharsets.UTF_8);
      Files.deleteIfExists(received);
      return;
    }
    if (!Files.exists(approved)) {
      Files.writeString(received, normalized, StandardCharsets.UTF_8);
      fail(
          "no approved output "
              + approved
              + "; wrote "
              + received
              + " (review, then rename or run with -Dgwc.approve=true)");
    }
    String expected = Files.readString(approved, StandardCharsets.UTF_8);
    if (!expected.equals(normalized)) {
      Files.writeString(received, normalized, StandardCharsets.UTF_8);
      org.junit.jupiter.api.Assertions.assertEquals(
          expected,
          normalized,
          "output differs from " + approved + " (received: " + received + ")");
    }
    Files.deleteIfExists(received);
  }
}
