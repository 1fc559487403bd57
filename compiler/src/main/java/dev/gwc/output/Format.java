package dev.gwc.output;

import java.util.function.Supplier;

/** The output formats of {@code gwc validate}, each with its renderer. */
public enum Format {
  TEXT(TextRenderer::new),
  JSON(JsonRenderer::new),
  SARIF(SarifRenderer::new),
  GITHUB(GithubRenderer::new),
  JUNIT(JunitRenderer::new);

  private final Supplier<Renderer> factory;

  Format(Supplier<Renderer> factory) {
    this.factory = factory;
  }

  public Renderer renderer() {
    return factory.get();
  }
}
