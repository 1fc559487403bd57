package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's step ({@code ci/github-action.sh}, called by {@code action.yml}) run as a
 * runner runs it: with the inputs in the environment, {@code GITHUB_OUTPUT} set, in the
 * repository's folder. The launcher is replaced by the classes under test.
 */
class GithubActionTest {
  @TempDir Path tmp;

  @Test
  void step_annotatesTheLine_writesSarif_andFailsOnErrors() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path route =
        Files.writeString(
            repo.resolve("route.yaml"),
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web}
            spec:
              rules:
              - backendRefs:
                - name: web
                  port: 80
                  weht: 3
            """);
    Path launcher = tmp.resolve("gwc");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec java -cp '"
            + System.getProperty("java.class.path")
            + "' dev.gwc.cli.Main \"$@\"\n");
    launcher.toFile().setExecutable(true);
    Path output = tmp.resolve("github-output");
    ProcessBuilder pb =
        new ProcessBuilder(List.of("bash", Gwc.root().resolve("ci/github-action.sh").toString()))
            .directory(repo.toFile())
            .redirectErrorStream(true);
    pb.environment().put("GWC_LAUNCHER", launcher.toString());
    pb.environment().put("GWC_PATHS", "route.yaml");
    pb.environment().put("GWC_ARGS", "--fail-on error");
    pb.environment().put("GWC_SARIF", "results.sarif");
    pb.environment().put("GITHUB_OUTPUT", output.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(3, TimeUnit.MINUTES));
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.contains("::error file=route.yaml,line=9,col=7,title=gwc unknown-field::"), out);
    String sarif = Files.readString(repo.resolve("results.sarif"));
    assertTrue(sarif.contains("\"ruleId\": \"unknown-field\""), sarif);
    assertEquals("sarif=results.sarif\n", Files.readString(output));
    assertTrue(Files.exists(route));
  }

  @Test
  void actionYml_runsTheStepScript() throws IOException {
    String action = Files.readString(Gwc.root().resolve("action.yml"));
    assertTrue(action.contains("using: composite"), action);
    assertTrue(action.contains("/ci/github-action.sh"), action);
    assertTrue(Files.isExecutable(Gwc.root().resolve("ci/github-action.sh")));
  }
}
