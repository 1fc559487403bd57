package dev.gwc.output;

import dev.gwc.diag.Diagnostic;
import dev.gwc.pipeline.Report;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab's code-quality report (the Code Climate issue shape GitLab documents): a JSON array, one
 * object per finding with {@code description}, {@code check_name}, a {@code fingerprint} that stays
 * the same while the finding does, {@code severity} ({@code info}, {@code minor}, {@code major})
 * and {@code location.path} with {@code lines.begin}.
 */
final class GitlabRenderer implements Renderer {
  @Override
  public void render(Report report, PrintWriter out) {
    JsonWriter w = new JsonWriter(true);
    w.beginArray();
    Map<String, Integer> seen = new HashMap<>();
    for (Diagnostic d : report.diagnostics().all()) {
      String key =
          d.rule() + "\n" + d.span().file() + "\n" + d.resource().display() + "\n" + d.message();
      // The same finding twice in one file (same rule, resource and message) gets its own print.
      int n = seen.merge(key, 1, Integer::sum);
      w.beginObject()
          .field("description", d.message())
          .field("check_name", d.rule())
          .field("fingerprint", fingerprint(key + "\n" + n))
          .field(
              "severity",
              switch (d.severity()) {
                case ERROR -> "major";
                case WARNING -> "minor";
                case INFO -> "info";
              })
          .name("location")
          .beginObject()
          .field("path", SarifRenderer.uri(d.span().file()))
          .name("lines")
          .beginObject()
          .field("begin", Math.max(1, d.span().line()))
          .endObject()
          .endObject()
          .endObject();
    }
    w.endArray();
    out.println(w);
  }

  /**
   * A fingerprint that does not change when lines move: rule, file, resource and message (not the
   * line), so that GitLab sees a finding that moved as the same one.
   */
  private static String fingerprint(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
