package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.convert.ConvertOptions;
import dev.gwc.convert.Converter;
import dev.gwc.convert.Notification;
import dev.gwc.convert.Provider;
import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.pipeline.Report;
import dev.gwc.source.Input;
import dev.gwc.yaml.YamlDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The inputs of a command that reads a half-migrated repository as one set: the Ingresses among
 * them are converted as {@code gwc convert} converts them, and the result joins the inputs in
 * memory ({@link #derived()}, for {@code Compiler.withDerived}), each object standing where its
 * Ingress is written. A converted object the input already defines (same kind, namespace and name)
 * gives way: the input's own, migrated version wins.
 *
 * <p>Standard input is read once and replayed, so that both the conversion and the command read it.
 */
final class ConvertedInputs {
  private final List<Input> inputs;
  private final byte[] stdin;
  private final Conversion conversion;

  private ConvertedInputs(List<Input> inputs, byte[] stdin, Conversion conversion) {
    this.inputs = inputs;
    this.stdin = stdin;
    this.conversion = conversion;
  }

  /**
   * The inputs compiled as one set.
   *
   * @param report the compiled set
   * @param conversion the conversion of its Ingresses, or null (none, or not asked for)
   */
  record CompiledSet(Report report, Conversion conversion) {}

  /**
   * Compiles the inputs, with their Ingresses converted first when {@code convert} says so.
   *
   * @param routesOnly keep only what routing reads ({@code Compiler.compileRoutes})
   * @throws IOException naming an input that cannot be read
   */
  static CompiledSet compile(
      List<Input> inputs, InputStream in, Options options, Provider convert, boolean routesOnly)
      throws IOException {
    ConvertedInputs set =
        convert != null ? prepare(inputs, in, options, convert) : unconverted(inputs, in);
    Compiler compiler = Compiler.create(options, set.stdin()).withDerived(set.derived());
    Report report =
        routesOnly
            ? compiler.compileRoutes(set.inputs(), set.stdin())
            : compiler.compile(set.inputs(), set.stdin());
    return new CompiledSet(report, set.conversion());
  }

  /**
   * The two sets of {@code simulate --compare} and what announces their differences.
   *
   * @param old the old set, as it is
   * @param now the new set, its Ingresses converted when asked
   * @param notes the notifications of converting the old set's Ingresses
   */
  record ComparedSets(Report old, Report now, List<Notification> notes) {}

  /**
   * Compiles both sets of {@code simulate --compare} (keeping only what routing reads), standard
   * input read once for both.
   *
   * @param convert whether the new set's Ingresses are converted
   */
  static ComparedSets compared(
      List<Input> old, List<Input> now, InputStream in, Options options, Provider convert)
      throws IOException {
    boolean usesStdin =
        old.stream().anyMatch(i -> i.path() == null)
            || now.stream().anyMatch(i -> i.path() == null);
    byte[] stdin = usesStdin ? Input.readStdin(in) : new byte[0];
    Report oldReport =
        Compiler.create(options, new ByteArrayInputStream(stdin))
            .compileRoutes(old, new ByteArrayInputStream(stdin));
    CompiledSet set = compile(now, new ByteArrayInputStream(stdin), options, convert, true);
    // When the new set is the old one converted, its conversion has the notes already.
    Conversion notes =
        set.conversion() != null && names(old).equals(names(now))
            ? set.conversion()
            : Converter.convert(
                old,
                new ByteArrayInputStream(stdin),
                with(options, convert == null ? Provider.INGRESS_NGINX : convert));
    return new ComparedSets(oldReport, set.report(), notes.notifications());
  }

  private static List<String> names(List<Input> inputs) {
    return inputs.stream().map(Input::name).toList();
  }

  /** The inputs as given (nothing converted), with standard input replayable. */
  static ConvertedInputs unconverted(List<Input> inputs, InputStream in) throws IOException {
    return new ConvertedInputs(inputs, readStdin(inputs, in), null);
  }

  static ConvertedInputs prepare(
      List<Input> inputs, InputStream in, Options options, Provider provider) throws IOException {
    byte[] stdin = readStdin(inputs, in);
    Conversion c =
        Converter.convert(inputs, new ByteArrayInputStream(stdin), with(options, provider));
    return new ConvertedInputs(inputs, stdin, c.ingresses() == 0 ? null : c);
  }

  /** How commands other than convert convert: the provider's way, the classes' own names. */
  static ConvertOptions with(Options options, Provider provider) {
    return new ConvertOptions(
        provider, null, null, options.defaultNamespace(), options.release(), options.channel());
  }

  private static byte[] readStdin(List<Input> inputs, InputStream in) throws IOException {
    boolean usesStdin = inputs.stream().anyMatch(i -> i.path() == null);
    return usesStdin ? Input.readStdin(in) : new byte[0];
  }

  /** The inputs as given. */
  List<Input> inputs() {
    return inputs;
  }

  /** The converted objects, as documents standing where their Ingresses are (none without). */
  List<YamlDocument> derived() {
    return conversion == null ? List.of() : conversion.documents();
  }

  /** Standard input, from its start. */
  InputStream stdin() {
    return new ByteArrayInputStream(stdin);
  }

  /** The conversion, or null when the input has no Ingress (or conversion was not asked for). */
  Conversion conversion() {
    return conversion;
  }
}
