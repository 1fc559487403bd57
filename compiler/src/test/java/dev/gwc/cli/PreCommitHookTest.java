package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook as a user meets it: {@code pre-commit try-repo} of this checkout in a
 * throwaway repository with a broken HTTPRoute fails with the finding at its line, and passes once
 * the file is fixed. The hook's clone builds gwc on first use. Skipped, with the reason, where the
 * {@code pre-commit} command is not installed ({@code .ci/run} installs Debian's) or this checkout
 * is not a git repository (the fresh copy {@code .ci/run} makes).
 */
class PreCommitHookTest {
  @TempDir Path tmp;

  private static final String ROUTE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
      spec:
        rules:
        - backendRefs:
          - name: web
            port: 80
            weht: 3
      """;

  @Test
  void hook_failsAtTheLine_thenPassesOnceFixed() throws Exception {
    Path preCommit = Path.of("/usr/bin/pre-commit");
    String skip =
        !Files.isExecutable(preCommit)
            ? preCommit + " is not installed"
            : !Files.isDirectory(Gwc.root().resolve(".git"))
                ? Gwc.root() + " is not a git repository"
                : null;
    if (skip != null) {
      System.out.println("PreCommitHookTest skipped: " + skip);
    }
    Assumptions.assumeTrue(skip == null, skip);
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    run(repo, "git", "init", "-q", ".");
    Files.writeString(repo.resolve("route.yaml"), ROUTE);
    run(repo, "git", "add", "route.yaml");

    Result broken =
        run(
            repo,
            "pre-commit",
            "try-repo",
            Gwc.root().toString(),
            "gwc-validate",
            "--files",
            "route.yaml");
    assertNotEquals(0, broken.exit(), broken.out());
    assertTrue(broken.out().contains("route.yaml:10:7: error[unknown-field]"), broken.out());
    assertTrue(!broken.out().contains("\u001b["), "no raw escape codes\n" + broken.out());

    Files.writeString(repo.resolve("route.yaml"), ROUTE.replace("weht", "weight"));
    Result fixed =
        run(
            repo,
            "pre-commit",
            "try-repo",
            Gwc.root().toString(),
            "gwc-validate",
            "--files",
            "route.yaml");
    assertEquals(0, fixed.exit(), fixed.out());
    assertTrue(fixed.out().contains("Passed"), fixed.out());
  }

  record Result(int exit, String out) {}

  private Result run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.environment().put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString());
    pb.environment().put("GIT_AUTHOR_NAME", "gwc test");
    pb.environment().put("GIT_AUTHOR_EMAIL", "test@gwc.invalid");
    pb.environment().put("GIT_COMMITTER_NAME", "gwc test");
    pb.environment().put("GIT_COMMITTER_EMAIL", "test@gwc.invalid");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), String.join(" ", command) + " finished");
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
