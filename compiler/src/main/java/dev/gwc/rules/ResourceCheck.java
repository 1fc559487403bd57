package dev.gwc.rules;

import dev.gwc.diag.Rule;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YSeq;

/** A rule about one resource at a time, beyond what its schema and CEL rules say. */
public interface ResourceCheck {
  /** The rule's metadata. */
  Rule rule();

  /** Whether the check applies to this manifest (by group and kind). */
  boolean appliesTo(Manifest m);

  /** Checks one manifest. */
  void check(Manifest m, Reporter r);

  /** The list at {@code spec.<field>} of a manifest, or null when it has none. */
  static YSeq specList(Manifest m, String field) {
    return m.root().get("spec") instanceof YMap spec && spec.get(field) instanceof YSeq list
        ? list
        : null;
  }
}
