package dev.gwc.output;

/**
 * Where a value is written as JSON is read: one call per token, names before their values. {@link
 * JsonWriter} writes the text; {@link TreeSink} builds the plain maps and lists a reader would have
 * built, so one method can give a record both forms in the same order.
 */
public interface JsonSink {
  JsonSink beginObject();

  JsonSink endObject();

  JsonSink beginArray();

  JsonSink endArray();

  /** The name of the next member of the object being written. */
  JsonSink name(String name);

  /** {@link #name(String)} for a name known in advance, which a writer may keep encoded. */
  default JsonSink name(Key key) {
    return name(key.name());
  }

  /**
   * A member name encoded once: the fields of a record written a hundred thousand times.
   *
   * @param name the name
   * @param json its JSON string as UTF-8, quotes included
   */
  record Key(String name, byte[] json) {
    public static Key of(String name) {
      JsonWriter w = new JsonWriter(false);
      w.value(name);
      return new Key(name, w.toBytes());
    }
  }

  /** A string, or null. */
  JsonSink value(String s);

  JsonSink value(long n);

  JsonSink value(double n);

  JsonSink nullValue();
}
