package dev.gwc.rules;

import dev.gwc.diag.Rule;
import dev.gwc.resource.Manifest;

/** A rule about one resource at a time, beyond what its schema and CEL rules say. */
public interface ResourceCheck {
  /** The rule's metadata. */
  Rule rule();

  /** Whether the check applies to this manifest (by group and kind). */
  boolean appliesTo(Manifest m);

  /** Checks one manifest. */
  void check(Manifest m, Reporter r);
}
