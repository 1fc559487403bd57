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

  /** A string, or null. */
  JsonSink value(String s);

  JsonSink value(long n);

  JsonSink value(double n);

  JsonSink nullValue();
}
