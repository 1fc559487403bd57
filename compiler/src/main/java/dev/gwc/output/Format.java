package dev.gwc.output;

import java.util.function.Function;

/** The output formats of {@code gwc validate}, each with its renderer. */
public enum Format {
  TEXT(TextRenderer::new),
  JSON(verbose -> new JsonRenderer()),
  SARIF(verbose -> new SarifRenderer()),
  GITHUB(verbose -> new GithubRenderer()),
  JUNIT(verbose -> new JunitRenderer());

  private final Function<Boolean, Renderer> factory;

  Format(Function<Boolean, Renderer> factory) {
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
    return factory.apply(verbose);
  }
}
