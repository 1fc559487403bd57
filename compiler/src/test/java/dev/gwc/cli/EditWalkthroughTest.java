package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's edit walkthrough, run as written: its first block under "## Edits" copies {@code
 * examples/edits} to {@code deploy/}, then each {@code $ gwc ...} line runs on that copy in turn
 * and prints what the README shows after it (standard output, then standard error).
 */
class EditWalkthroughTest {
  @TempDir Path tmp;

  @Test
  void theReadmeWalkthroughPrintsWhatItShows() throws IOException {
    List<String> block = walkthrough();
    assertEquals("$ cp -r examples/edits deploy", block.get(0), "the walkthrough's first step");
    Path deploy = tmp.resolve("deploy");
    Files.createDirectories(deploy);
    try (Stream<Path> files = Files.list(Gwc.root().resolve("examples/edits"))) {
      for (Path f : files.toList()) {
        Files.copy(f, deploy.resolve(f.getFileName()));
      }
    }
    int commands = 0;
    for (int i = 1; i < block.size(); ) {
      String command = block.get(i++);
      while (command.endsWith("\\")) {
        command = command.substring(0, command.length() - 1) + block.get(i++).strip();
      }
      StringBuilder expected = new StringBuilder();
      while (i < block.size() && !block.get(i).startsWith("$ ")) {
        expected.append(block.get(i++)).append('\n');
      }
      assertTrue(command.startsWith("$ gwc "), command);
      List<String> args = new ArrayList<>();
      for (String word : words(command.substring("$ gwc ".length()))) {
        args.add(word.startsWith("deploy/") ? tmp.resolve(word) + "/" : word);
      }
      Gwc.Run run = Gwc.run(args.toArray(String[]::new));
      String shown = (run.out() + run.err()).replace(tmp + "/", "");
      assertEquals(expected.toString(), shown, command);
      commands++;
    }
    assertTrue(commands >= 8, "the walkthrough runs its commands");
  }

  /** The lines of the first code block after the README's "## Edits" heading. */
  private static List<String> walkthrough() throws IOException {
    List<String> lines =
        Files.readAllLines(Gwc.root().resolve("README.md"), StandardCharsets.UTF_8);
    int i = 0;
    while (!lines.get(i).startsWith("## Edits")) {
      i++;
    }
    while (!lines.get(i).equals("```")) {
      i++;
    }
    List<String> block = new ArrayList<>();
    for (i++; !lines.get(i).equals("```"); i++) {
      block.add(lines.get(i));
    }
    return block;
  }

  /** Shell words: split at spaces, single quotes keep what they enclose together. */
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          out.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(word.toString());
    }
    return out;
  }
}
