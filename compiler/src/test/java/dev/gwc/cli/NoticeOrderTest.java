package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A once-per-run notice (a kind gwc does not validate) is given at its first occurrence in input
 * order, whichever file a parallel run reaches first.
 */
class NoticeOrderTest {
  @TempDir Path tmp;

  @Test
  void anUnvalidatedKindIsNotedAtItsFirstFile() throws IOException {
    String kustomization =
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n";
    // The first file is slow to validate, so that the other files are reached first.
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      first.append(
          """
          apiVersion: v1
          kind: Service
          metadata: {name: svc-%d, namespace: ns}
          spec:
            ports:
            - port: 80
          ---
          """
              .formatted(i));
    }
    Files.writeString(tmp.resolve("a00.yaml"), first + kustomization);
    for (int i = 1; i < 40; i++) {
      Files.writeString(tmp.resolve(String.format("a%02d.yaml", i)), kustomization);
    }
    for (int round = 0; round < 5; round++) {
      Gwc.Run run = Gwc.run("validate", "--format", "json", tmp.toString());
      List<Map<String, Object>> notices =
          run.diagnostics().stream().filter(d -> "unknown-kind".equals(d.get("rule"))).toList();
      assertEquals(1, notices.size(), run.out());
      assertEquals(tmp.resolve("a00.yaml").toString(), notices.get(0).get("file"));
    }
  }
}
