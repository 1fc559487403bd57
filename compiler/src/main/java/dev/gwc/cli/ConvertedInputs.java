package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.convert.ConvertOptions;
import dev.gwc.convert.Converter;
import dev.gwc.convert.Provider;
import dev.gwc.output.Values;
import dev.gwc.pipeline.Options;
import dev.gwc.source.Input;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The inputs of a command that reads a half-migrated repository as one set: the Ingresses among
 * them are converted as {@code gwc convert} converts them, and the result joins the inputs as one
 * more file, named {@value #NAME}. Run the compiler with {@code yieldingInput(NAME)}, so that a
 * converted object the input already defines (same kind, namespace and name) is left out: the
 * input's own, migrated version wins.
 *
 * <p>Standard input is read once and replayed, so that both the conversion and the command read it.
 * Close the object to delete the temporary file.
 */
final class ConvertedInputs implements AutoCloseable {
  static final String NAME = "(converted from Ingress)";

  private final List<Input> inputs;
  private final byte[] stdin;
  private final Conversion conversion;
  private final Path dir;

  private ConvertedInputs(List<Input> inputs, byte[] stdin, Conversion conversion, Path dir) {
    this.inputs = inputs;
    this.stdin = stdin;
    this.conversion = conversion;
    this.dir = dir;
  }

  /** The inputs as given (nothing converted), with standard input replayable. */
  static ConvertedInputs unconverted(List<Input> inputs, InputStream in) throws IOException {
    return new ConvertedInputs(inputs, readStdin(inputs, in), null, null);
  }

  static ConvertedInputs prepare(List<Input> inputs, InputStream in, Options options)
      throws IOException {
    byte[] stdin = readStdin(inputs, in);
    Conversion c = Converter.convert(inputs, new ByteArrayInputStream(stdin), nginx(options));
    if (c.ingresses() == 0) {
      return new ConvertedInputs(inputs, stdin, null, null);
    }
    List<Map<String, Object>> kept = c.resources();
    StringBuilder yaml = new StringBuilder();
    for (Map<String, Object> r : kept) {
      yaml.append("---\n").append(Values.yaml(r));
    }
    Path dir = Files.createTempDirectory("gwc-convert");
    Path file = Files.writeString(dir.resolve("converted.yaml"), yaml, StandardCharsets.UTF_8);
    List<Input> all = new ArrayList<>(inputs);
    all.add(new Input(NAME, file));
    return new ConvertedInputs(List.copyOf(all), stdin, c, dir);
  }

  /** How commands other than convert convert: ingress-nginx, the classes' own names. */
  static ConvertOptions nginx(Options options) {
    return new ConvertOptions(
        Provider.INGRESS_NGINX,
        null,
        null,
        options.defaultNamespace(),
        options.release(),
        options.channel());
  }

  private static byte[] readStdin(List<Input> inputs, InputStream in) throws IOException {
    boolean usesStdin = inputs.stream().anyMatch(i -> i.path() == null);
    return usesStdin ? in.readNBytes((int) Input.MAX_BYTES) : new byte[0];
  }

  /** The inputs, the converted file last. */
  List<Input> inputs() {
    return inputs;
  }

  /** Standard input, from its start. */
  InputStream stdin() {
    return new ByteArrayInputStream(stdin);
  }

  /** The conversion, or null when the input has no Ingress (or conversion was not asked for). */
  Conversion conversion() {
    return conversion;
  }

  @Override
  public void close() throws IOException {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
