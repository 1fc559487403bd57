package dev.gwc.cli;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Severity;
import dev.gwc.edit.EditException;
import dev.gwc.output.AtomicFile;
import dev.gwc.output.TrafficChanges;
import dev.gwc.output.UnifiedDiff;
import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Report;
import dev.gwc.resource.Manifest;
import dev.gwc.source.Input;
import dev.gwc.source.Inputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every edit command does around its edit: find the object in the paths, make the edit on its
 * file's text, validate the set before and after, refuse an edit that adds an error (unless
 * --force), then print a diff (--dry-run) or write the file atomically, and say what changed for
 * traffic: the routes each listener gained or lost.
 */
final class EditStep {
  private EditStep() {}

  /** The edit itself: the file's new text, from its text and the object's manifest. */
  @FunctionalInterface
  interface Edit {
    String apply(String text, Manifest object) throws EditException;
  }

  /**
   * The object to edit.
   *
   * @param kinds the kinds it may have (a route name may be any route kind)
   * @param name its name
   * @param namespace its namespace, or null for any (ambiguity is an error)
   */
  record Target(Set<String> kinds, String name, String namespace) {}

  /**
   * Runs one edit.
   *
   * @param done what the edit did, from the object's NS/NAME, for the last line ("added listener
   *     'https' to Gateway infra/edge")
   * @return the exit code
   */
  static int run(
      Streams parent,
      CommonOptions common,
      String command,
      Target target,
      boolean dryRun,
      boolean force,
      Edit edit,
      java.util.function.UnaryOperator<String> done) {
    return guarded(
        parent,
        command,
        () -> {
          Before before = Before.of(parent, common);
          Manifest object = find(before.report(), target, common.paths);
          Input input = inputOf(before.inputs(), object);
          Path file = input.path();
          refuseGenerated(file);
          byte[] bytes = Files.readAllBytes(file);
          String text = editable(file, bytes);
          String edited;
          try {
            edited = edit.apply(text, object);
          } catch (EditException e) {
            int line = e.line() > 0 ? e.line() : object.root().span().line();
            throw new CommandExit(ExitCodes.FAILURE, file + ":" + line + ": " + e.getMessage());
          }
          String what = done.apply(object.namespace() + "/" + object.name());
          return finish(parent, command, before, input, bytes, edited, dryRun, force, what);
        });
  }

  /**
   * Runs an edit that creates an object: in {@code into} (a file, which gets one more document, or
   * a folder, where a new file is named as {@code compile -o} names it), by default in the first
   * path (or the folder of the first path that is a file).
   *
   * @param document the new text of the file from its text (null for a new file)
   * @param fileName the name of a new file for it ({@code httproute_ns_name.yaml})
   */
  static int create(
      Streams parent,
      CommonOptions common,
      String command,
      Target target,
      String into,
      boolean dryRun,
      boolean force,
      java.util.function.UnaryOperator<String> document,
      String fileName,
      String done) {
    return guarded(
        parent,
        command,
        () -> {
          Before before = Before.of(parent, common);
          for (Compiled c : before.report().compiled()) {
            Manifest m = c.manifest();
            if (target.kinds().contains(m.kind())
                && target.name().equals(m.name())
                && target.namespace().equals(m.namespace())) {
              throw new CommandExit(
                  ExitCodes.FAILURE,
                  m.kind()
                      + " '"
                      + m.namespace()
                      + "/"
                      + m.name()
                      + "' already exists in "
                      + m.root().span().file());
            }
          }
          Path where = Path.of(into != null ? into : common.paths.get(0));
          Path file =
              Files.isDirectory(where)
                  ? where.resolve(fileName)
                  : into == null ? where.toAbsolutePath().getParent().resolve(fileName) : where;
          byte[] bytes = null;
          if (Files.exists(file)) {
            if (into == null) {
              throw new CommandExit(
                  ExitCodes.FAILURE,
                  file + ": exists; name a file to add the object to with --into FILE");
            }
            refuseGenerated(file);
            bytes = Files.readAllBytes(file);
          }
          Input input = null;
          for (Input i : before.inputs()) {
            if (i.path() != null && Files.exists(file) && Files.isSameFile(i.path(), file)) {
              input = i;
            }
          }
          if (input == null) {
            input = new Input(file.toString(), file);
          }
          String edited = document.apply(bytes == null ? null : editable(file, bytes));
          return finish(parent, command, before, input, bytes, edited, dryRun, force, done);
        });
  }

  /**
   * The text of a file gwc can edit: UTF-8, its lines ending in LF or CRLF (YAML also breaks lines
   * at a lone CR, which gwc's line-by-line edits do not), and well-formed YAML.
   */
  private static String editable(Path file, byte[] bytes) throws CommandExit {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
      throw new CommandExit(ExitCodes.FAILURE, file + ": not UTF-8 text; gwc edits UTF-8 files");
    }
    int cr = text.replace("\r\n", "\n\n").indexOf('\r');
    if (cr >= 0) {
      long line = text.substring(0, cr).chars().filter(c -> c == '\n').count() + 1;
      throw new CommandExit(
          ExitCodes.FAILURE,
          file
              + ":"
              + line
              + ": a line ends in a lone CR (old Mac style); gwc edits files whose lines end in"
              + " LF or CRLF");
    }
    for (Diagnostic d : dev.gwc.yaml.YamlLoader.load(file.toString(), bytes).diagnostics()) {
      if (d.rule().equals(dev.gwc.yaml.YamlRules.SYNTAX.id())) {
        throw new CommandExit(
            ExitCodes.FAILURE,
            file
                + ":"
                + d.span().line()
                + ": does not read as YAML ("
                + d.message()
                + "); gwc edits a file once it does");
      }
    }
    return text;
  }

  /** The inputs and the set compiled from them before the edit. */
  private record Before(List<Input> inputs, Compiler compiler, Report report) {
    static Before of(Streams parent, CommonOptions common) throws CommandExit, IOException {
      List<Input> inputs = Inputs.collect(common.paths);
      Compiler compiler = Compiler.create(common.toOptions(), parent.in());
      return new Before(inputs, compiler, compiler.compile(inputs, parent.in()));
    }
  }

  /** A command's steps, which end early with a {@link CommandExit} or an I/O failure. */
  @FunctionalInterface
  private interface Steps {
    int run() throws CommandExit, IOException;
  }

  /** Runs the steps; an early end is reported on standard error with its exit code. */
  private static int guarded(Streams parent, String command, Steps steps) {
    try {
      return steps.run();
    } catch (CommandExit e) {
      return e.report(parent.err(), command);
    } catch (IOException e) {
      return CommandExit.failure(e).report(parent.err(), command);
    }
  }

  /**
   * Validates the edited set against the one before, then prints the diff or writes the file.
   *
   * @param input the file edited (or created: {@code bytes} null)
   * @param bytes its bytes as read, or null for a new file
   */
  private static int finish(
      Streams parent,
      String command,
      Before set,
      Input input,
      byte[] bytes,
      String edited,
      boolean dryRun,
      boolean force,
      String done)
      throws CommandExit, IOException {
    PrintWriter out = parent.out();
    Path file = input.path();
    String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    Report before = set.report();
    Report after = compileEdited(set.compiler(), set.inputs(), input, edited, parent);
    List<Diagnostic> added = newErrors(before, after);
    for (Diagnostic d : added) {
      if (d.rule().equals(dev.gwc.yaml.YamlRules.SYNTAX.id())) {
        // Not the user's doing: an edit must never leave a file that does not read as YAML.
        throw new CommandExit(
            ExitCodes.FINDINGS,
            "refused, even with --force: the edit would leave "
                + d.span().file()
                + " unreadable ("
                + d.message()
                + " at line "
                + d.span().line()
                + "); nothing written. This is a gwc bug; please report it with the file.");
      }
    }
    if (!added.isEmpty() && !force) {
      StringBuilder sb =
          new StringBuilder("refused: the edit would add ")
              .append(added.size())
              .append(added.size() == 1 ? " error" : " errors")
              .append(" (--force makes it anyway):");
      for (Diagnostic d : added) {
        sb.append('\n')
            .append(d.span().file())
            .append(':')
            .append(d.span().line())
            .append(": error[")
            .append(d.rule())
            .append("]: ")
            .append(d.message());
      }
      throw new CommandExit(ExitCodes.FINDINGS, sb.toString());
    }
    if (!added.isEmpty()) {
      parent.err().println(command + ": made with --force; the edit adds these errors:");
      for (Diagnostic d : added) {
        parent
            .err()
            .println(
                d.span().file()
                    + ":"
                    + d.span().line()
                    + ": error["
                    + d.rule()
                    + "]: "
                    + d.message());
      }
    }
    List<String> traffic = TrafficChanges.of(before, after);
    if (dryRun) {
      // The diff alone on standard output, so that it can go to git apply or patch.
      String name = input.name().startsWith("./") ? input.name().substring(2) : input.name();
      out.print(UnifiedDiff.of(name, text, edited, bytes == null));
      out.flush();
      traffic.forEach(parent.err()::println);
      parent.err().flush();
      return ExitCodes.OK;
    }
    boolean changed =
        bytes == null ? Files.exists(file) : !Arrays.equals(Files.readAllBytes(file), bytes);
    if (changed) {
      throw new CommandExit(
          ExitCodes.FAILURE, file + ": changed on disk while gwc edited it; nothing written");
    }
    AtomicFile.replace(file, edited);
    out.println((bytes == null ? "wrote " : "edited ") + input.name() + ": " + done);
    traffic.forEach(out::println);
    out.flush();
    return ExitCodes.OK;
  }

  private static Manifest find(Report report, Target t, List<String> paths) throws CommandExit {
    List<Manifest> named = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    for (Compiled c : report.compiled()) {
      Manifest m = c.manifest();
      if (t.kinds().contains(m.kind()) && m.name() != null) {
        known.add(m.namespace() + "/" + m.name());
        if (m.name().equals(t.name())
            && (t.namespace() == null || t.namespace().equals(m.namespace()))) {
          named.add(m);
        }
      }
    }
    String what = String.join(" or ", new TreeSet<>(t.kinds()));
    if (named.isEmpty()) {
      throw new CommandExit(
          ExitCodes.FAILURE,
          "no "
              + what
              + " named '"
              + (t.namespace() == null ? "" : t.namespace() + "/")
              + t.name()
              + "' in "
              + String.join(" ", paths)
              + (known.isEmpty() ? "" : " (there: " + String.join(", ", known) + ")"));
    }
    if (named.size() > 1) {
      Set<String> where = new TreeSet<>();
      named.forEach(m -> where.add(m.kind() + " " + m.namespace() + "/" + m.name()));
      throw new CommandExit(
          ExitCodes.FAILURE,
          "'"
              + t.name()
              + "' names more than one object ("
              + String.join(", ", where)
              + "); say which with NS/NAME or --namespace");
    }
    return named.get(0);
  }

  private static Input inputOf(List<Input> inputs, Manifest m) throws CommandExit {
    String file = m.root().span().file();
    for (Input i : inputs) {
      if (i.name().equals(file) && i.path() != null) {
        return i;
      }
    }
    throw new CommandExit(
        ExitCodes.FAILURE, file + ": gwc edits files; standard input cannot be edited in place");
  }

  /** Files a tool writes are refused: a change there is lost when the tool runs again. */
  private static void refuseGenerated(Path file) throws IOException, CommandExit {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && Files.exists(dir.resolve(".gwc-bundle"))) {
      throw new CommandExit(
          ExitCodes.FAILURE,
          file
              + ": part of a bundle that gwc compile -o or convert -o writes; edit its sources and"
              + " write the bundle again");
    }
    List<String> head = new ArrayList<>();
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.limit(5).forEach(head::add);
    } catch (java.io.UncheckedIOException e) {
      return; // not UTF-8: refused later with its own message
    }
    for (String l : head) {
      String s = l.strip();
      if (s.startsWith("#")
          && (s.contains("DO NOT EDIT")
              || s.toLowerCase(java.util.Locale.ROOT).contains("generated by"))) {
        throw new CommandExit(
            ExitCodes.FAILURE,
            file + ": marked as generated (\"" + s + "\"); edit what it is generated from");
      }
    }
  }

  /** The set compiled with the edited text in place of the file's, from a file beside it. */
  private static Report compileEdited(
      Compiler compiler, List<Input> inputs, Input edited, String text, Streams parent)
      throws IOException {
    Path tmp =
        Files.createTempFile(edited.path().toAbsolutePath().getParent(), ".gwc-edit-", ".yaml");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      List<Input> swapped = new ArrayList<>();
      for (Input i : inputs) {
        swapped.add(i == edited ? new Input(i.name(), tmp) : i);
      }
      if (!inputs.contains(edited)) {
        swapped.add(new Input(edited.name(), tmp)); // a new file
      }
      return compiler.compile(swapped, parent.in());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Errors after the edit that were not there before (positions aside: lines move). */
  private static List<Diagnostic> newErrors(Report before, Report after) {
    Set<String> had = new TreeSet<>();
    for (Diagnostic d : before.diagnostics().all()) {
      had.add(key(d));
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : after.diagnostics().all()) {
      if (d.severity() == Severity.ERROR && !had.contains(key(d))) {
        out.add(d);
      }
    }
    return out;
  }

  private static String key(Diagnostic d) {
    return d.rule() + "|" + d.resource() + "|" + d.message();
  }
}
