package dev.gwc.validate.schema;

/** Finds the schema node at a field path in another schema, to compare channels. */
final class Channels {
  private Channels() {}

  /** The schema at {@code path} under {@code root}, or null when the path leaves it. */
  static Schema find(Schema root, FieldPath path) {
    Schema s = root;
    for (FieldPath seg : path.segments()) {
      if (s == null) {
        return null;
      }
      if (seg.field() != null) {
        Schema next = s.properties.get(seg.field());
        s = next != null ? next : s.additionalProperties;
      } else {
        s = s.items;
      }
    }
    return s;
  }
}
