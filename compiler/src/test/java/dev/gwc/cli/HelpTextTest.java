package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The help of every command as a terminal shows it: no line past 80 columns, and examples that can
 * be copied, none wrapped mid-command (a long one goes on over a line ending with a backslash).
 */
class HelpTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "validate",
        "compile",
        "describe",
        "get",
        "map",
        "simulate",
        "serve",
        "convert",
        "add listener",
        "remove listener",
        "attach route",
        "detach route",
        "create route",
        "set weights",
        "add backend"
      })
  void helpFitsAndExamplesAreWholeCommands(String command) {
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) {
      args.addAll(List.of(command.split(" ")));
    }
    args.add("--help");
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    String[] lines = run.out().split("\n", -1);
    boolean inExamples = false;
    int examples = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      assertTrue(line.length() <= 80, "past 80 columns: " + line);
      if (line.equals("Examples:")) {
        inExamples = true;
        continue;
      }
      if (!inExamples) {
        continue;
      }
      if (line.isEmpty()) {
        break;
      }
      boolean continued = lines[i - 1].endsWith("\\");
      boolean starts = line.matches("  (gwc |# |cat |curl ).*");
      assertTrue(
          continued ? line.startsWith("      ") : starts,
          "gwc "
              + command
              + " --help: an example line that is neither a command, a comment nor a"
              + " continuation (wrapped?): '"
              + line
              + "'");
      if (line.startsWith("  gwc ")) {
        examples++;
      }
    }
    assertTrue(examples >= 2, "gwc " + command + " --help shows examples");
  }

  /** A shared flag's help says what it does for the command at hand, and the flag still works. */
  @ParameterizedTest
  @CsvSource({
    "validate, --complete, backend-not-found",
    "compile, --allow-empty, empty bundle",
    "map, --complete, drawn red",
    "simulate, --complete, answered with 500",
    "simulate, PATH, routing table the requests go through",
    "convert, PATH, Manifests to convert"
  })
  void sharedFlagsAreDescribedForEachCommand(String command, String flag, String phrase) {
    String raw = Gwc.run(command, "--help").out();
    // Where the flag's own entry starts in the list of options (not in the synopsis).
    int entry = raw.indexOf("\n      " + (flag.equals("PATH") ? "PATH..." : flag));
    assertTrue(entry >= 0, raw);
    String help = raw.substring(entry).replaceAll("\\s+", " ");
    assertTrue(
        help.substring(0, Math.min(300, help.length())).contains(phrase), flag + ": " + help);
  }

  @Test
  void aRewordedFlagStillTakesEffect() {
    Gwc.Run assumed =
        Gwc.run(
            "simulate",
            "--request",
            "GET https://www.shop.example.com/",
            Gwc.root().resolve("examples/shop/gateway.yaml").toString(),
            Gwc.root().resolve("examples/shop/routes.yaml").toString());
    Gwc.Run complete =
        Gwc.run(
            "simulate",
            "--complete",
            "--request",
            "GET https://www.shop.example.com/",
            Gwc.root().resolve("examples/shop/gateway.yaml").toString(),
            Gwc.root().resolve("examples/shop/routes.yaml").toString());
    assertFalse(assumed.out().contains("status: 500"), assumed.out());
    assertTrue(complete.out().contains("status: 500"), complete.out());
  }
}
