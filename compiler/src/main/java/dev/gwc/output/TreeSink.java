package dev.gwc.output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds plain values from {@link JsonSink} calls: objects as insertion-ordered maps, arrays as
 * lists, numbers as {@code Long} or {@code Double}, JSON null as Java null.
 */
public final class TreeSink implements JsonSink {
  private final Deque<Object> open = new ArrayDeque<>();
  private String name;
  private Object root;

  /** The value written, once its outermost object or array has ended. */
  public Object result() {
    return root;
  }

  @Override
  public TreeSink beginObject() {
    Map<String, Object> m = new LinkedHashMap<>();
    add(m);
    open.push(m);
    return this;
  }

  @Override
  public TreeSink endObject() {
    open.pop();
    return this;
  }

  @Override
  public TreeSink beginArray() {
    List<Object> l = new ArrayList<>();
    add(l);
    open.push(l);
    return this;
  }

  @Override
  public TreeSink endArray() {
    open.pop();
    return this;
  }

  @Override
  public TreeSink name(String name) {
    this.name = name;
    return this;
  }

  @Override
  public TreeSink value(String s) {
    add(s);
    return this;
  }

  @Override
  public TreeSink value(long n) {
    add(n);
    return this;
  }

  @Override
  public TreeSink value(double n) {
    add(n);
    return this;
  }

  @Override
  public TreeSink nullValue() {
    add(null);
    return this;
  }

  @SuppressWarnings("unchecked")
  private void add(Object v) {
    Object into = open.peek();
    if (into == null) {
      root = v;
    } else if (into instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).put(name, v);
    } else {
      ((List<Object>) into).add(v);
    }
  }
}
