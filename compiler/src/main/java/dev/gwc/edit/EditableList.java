package dev.gwc.edit;

import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import java.util.List;
import java.util.Map;

/** A list under a key of a map, located in the text so that items can be appended and removed. */
sealed interface EditableList permits BlockList, FlowList {
  /**
   * The list under {@code key} of {@code owner} as it is written: flow style ({@code [...]}) or
   * block style (also when the key is missing or null).
   *
   * @param what how to name the list in messages ("spec.listeners of Gateway 'ns/name'")
   */
  static EditableList of(TextLines text, YMap owner, String key, String what) throws EditException {
    return FlowList.isFlow(text, owner.entry(key))
        ? new FlowList(text, owner.entry(key), what)
        : new BlockList(text, owner, key, what);
  }

  List<YNode> items();

  /** Appends an item written in the list's style. */
  void append(Map<String, Object> item);

  /** Removes an item; appending it again gives back the same bytes. */
  void remove(int index);
}
