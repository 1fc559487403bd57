package dev.gwc.output;

import java.util.function.BiFunction;

/** The output formats of {@code gwc validate}, each with its renderer. */
public enum Format {
  TEXT((verbose, tool) -> new TextRenderer(verbose)),
  JSON((verbose, tool) -> new JsonRenderer()),
  SARIF((verbose, tool) -> new SarifRenderer(tool)),
  GITHUB((verbose, tool) -> new GithubRenderer()),
  JUNIT((verbose, tool) -> new JunitRenderer()),
  GITLAB((verbose, tool) -> new GitlabRenderer());

  private final BiFunction<Boolean, Tool, Renderer> factory;

  Format(BiFunction<Boolean, Tool, Renderer> factory) {
    this.factory = factory;
  }

  /** The renderer; machine formats always carry every finding. */
  public Renderer renderer() {
    return renderer(true);
  }

  /**
   * The renderer.
   *
   * @param verbose whether the text format shows info notes (the others always do)
   */
  public Renderer renderer(boolean verbose) {
    return factory.apply(verbose, Tool.DEV);
  }

  /**
   * The renderer, with what machine formats say about gwc (its version, where rule pages are).
   *
   * @param verbose whether the text format shows info notes (the others always do)
   */
  public Renderer renderer(boolean verbose, Tool tool) {
    return factory.apply(verbose, tool);
  }

  /**
   * What this format prints when the input cannot be read at all: a valid SARIF log that says so,
   * or null for the formats that print nothing then (the message goes to standard error).
   */
  public String unreadable(Tool tool, String message) {
    return this == SARIF ? SarifRenderer.failure(tool, message) : null;
  }
}
