package dev.gwc.edit;

import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.List;
import java.util.Map;

/**
 * A block-style list under a key of a block-style map, located in the text: where each item starts
 * and ends, at which column its dash sits. Appending writes the new item's lines after the last
 * item's; removing deletes an item's lines (and the key with its only item), so that one undoes the
 * other byte for byte.
 */
final class BlockList implements EditableList {
  private final TextLines text;
  private final YMap owner;
  private final String key;
  private final YEntry entry;
  private final List<YNode> items;

  /**
   * @param what how to name the list in messages ("spec.listeners of Gateway 'ns/name'")
   */
  BlockList(TextLines text, YMap owner, String key, String what) throws EditException {
    this.text = text;
    this.owner = owner;
    this.key = key;
    this.entry = owner.entry(key);
    if (ownerColumn() < 0) {
      // A flow-style map ({...}): gwc adds to a flow-style list in it, but writes no new key.
      throw new EditException(
          owner.span().line(),
          what
              + (entry == null ? " is missing" : " is not a list")
              + " and the map that holds it is written in flow style ({...}); write "
              + key
              + ": [] into it and gwc adds to that list");
    }
    if (entry == null || (entry.value() instanceof YScalar s && s.isNull())) {
      items = List.of();
    } else if (entry.value() instanceof YSeq seq && !seq.items().isEmpty()) {
      items = seq.items();
      for (YNode item : items) {
        if (dashColumn(item) < 0) {
          throw new EditException(
              item.span().line(), what + ": could not find the dash of each of its items");
        }
      }
    } else {
      throw new EditException(
          entry.key().span().line(),
          what + " is not a list (it is " + entry.value().typeName() + ")");
    }
    if (entry != null
        && entry.value() instanceof YScalar s
        && s.isNull()
        && !text.line(entry.key().span().line()).strip().endsWith(":")) {
      throw new EditException(
          entry.key().span().line(), what + " is written as null; write it as a list first");
    }
  }

  @Override
  public List<YNode> items() {
    return items;
  }

  /**
   * Appends an item written as the list's first item is (block or one-line flow map), or compact
   * style for a new list.
   */
  @Override
  public void append(Map<String, Object> item) {
    if (!items.isEmpty()) {
      YNode last = items.get(items.size() - 1);
      int dash = dashColumn(items.get(0));
      int keyColumn = entry.key().span().column() - 1;
      Emitter emitter = new Emitter(Math.max(0, dash - keyColumn));
      int keyOffset = Math.max(2, items.get(0).span().column() - 1 - dash);
      YNode first = items.get(0);
      if (oneLineFlowMap(first)) {
        String l = text.line(first.span().line());
        int brace = TextLines.contentIndex(l, first.span().column() - 1);
        String prefix = l.substring(0, brace);
        boolean json = l.startsWith("{\"", brace);
        text.insertAfter(end(last), List.of(prefix + Emitter.flow(item, json)));
        return;
      }
      text.insertAfter(end(last), emitter.item(item, dash, keyOffset));
    } else if (entry != null) {
      int keyColumn = entry.key().span().column() - 1;
      text.insertAfter(entry.key().span().line(), new Emitter(0).item(item, keyColumn));
    } else {
      List<YEntry> entries = owner.entries();
      int lastLine = entries.get(entries.size() - 1).key().span().line();
      int column = ownerColumn();
      text.insertAfter(
          text.entryEnd(lastLine, column), new Emitter(0).keyWithList(key, List.of(item), column));
    }
  }

  /** Removes an item; with the list's only item, the key goes too. */
  @Override
  public void remove(int index) {
    YNode item = items.get(index);
    int first = item.span().line();
    if (items.size() == 1 && entry.key().span().line() < first) {
      first = entry.key().span().line();
    }
    text.remove(first, end(item));
  }

  /** Whether the item is a map written in flow style on its dash line alone. */
  private boolean oneLineFlowMap(YNode item) {
    return item instanceof YMap && text.at(item.span()) == '{' && end(item) == item.span().line();
  }

  /** The last line of an item: its dash line and the lines indented more than its dash. */
  private int end(YNode item) {
    return text.itemEnd(item.span().line(), dashColumn(item));
  }

  /** The 0-based column of the dash before a block-style item, or -1 for a flow-style one. */
  private int dashColumn(YNode item) {
    String line = text.line(item.span().line());
    int col = Math.min(item.span().column() - 1, line.length());
    String before = line.substring(0, col);
    return before.strip().equals("-") ? before.indexOf('-') : -1;
  }

  /** The 0-based column of the owner's keys, or -1 when the owner is a flow-style map. */
  private int ownerColumn() {
    if (owner.entries().isEmpty()) {
      return -1;
    }
    YScalar firstKey = owner.entries().get(0).key();
    String line = text.line(firstKey.span().line());
    String before = line.substring(0, Math.min(firstKey.span().column() - 1, line.length()));
    String stripped = before.strip();
    return stripped.isEmpty() || stripped.equals("-") ? firstKey.span().column() - 1 : -1;
  }
}
