package dev.gwc.yaml;

/**
 * One key/value pair of a mapping.
 *
 * @param key the key scalar (non-scalar keys are reported and dropped by the loader)
 * @param value the value node
 */
public record YEntry(YScalar key, YNode value) {
  /** The key as text. */
  public String name() {
    return key.text();
  }
}
