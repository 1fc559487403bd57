package dev.gwc.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding the items of a flow-style list in the text, and appending and removing them. */
class FlowListTest {
  private static EditableList list(TextLines text) throws EditException {
    YMap root =
        (YMap)
            YamlLoader.load("t.yaml", text.text().getBytes(StandardCharsets.UTF_8))
                .documents()
                .get(0)
                .root();
    return EditableList.of(text, root, "items", "items");
  }

  @Test
  void quotedCommasBracketsAndCommentsDoNotSplitItems() throws EditException {
    String yaml =
        "items: [\"a, ]b\", 'c'']d', {x: \"}]\", y: [1, 2]},  # a comment, with ]\n"
            + "  plain#notacomment]\n";
    TextLines text = new TextLines(yaml);
    EditableList items = list(text);
    assertEquals(4, items.items().size());
    items.append(Map.of("name", "e"));
    assertEquals(
        "items: [\"a, ]b\", 'c'']d', {x: \"}]\", y: [1, 2]},  # a comment, with ]\n"
            + "  plain#notacomment,\n  {name: e}]\n",
        text.text());
    list(text).remove(4);
    assertEquals(yaml, text.text());
  }

  @Test
  void removingTheFirstItemTakesTheSeparatorAfterIt() throws EditException {
    TextLines text = new TextLines("items: [{a: 1}, {b: 2}]\n");
    list(text).remove(0);
    assertEquals("items: [{b: 2}]\n", text.text());
    list(text).remove(0);
    assertEquals("items: []\n", text.text());
    TextLines trailing = new TextLines("items: [\n  {a: 1}, ]\n");
    list(trailing).remove(0);
    assertEquals("items: [\n   ]\n", trailing.text());
    list(text).append(Map.of("c", 3));
    assertEquals("items: [{c: 3}]\n", text.text());
  }

  @Test
  void jsonListsGetJsonItems() throws EditException {
    TextLines text = new TextLines("{\"items\": [\n  {\"a\": \"x\"}\n]}\n");
    list(text).append(Map.of("b", "y:z"));
    assertEquals("{\"items\": [\n  {\"a\": \"x\"},\n  {\"b\": \"y:z\"}\n]}\n", text.text());
  }

  @Test
  void aListWithCommasAfterEachItemGetsALineWithItsComma() throws EditException {
    String yaml = "items: [\r\n  {a: 1},  # first\r\n]\r\n";
    TextLines text =
        appendedAndRemoved(yaml, "items: [\r\n  {a: 1},  # first\r\n  {b: 2},\r\n]\r\n");
    list(text).remove(0);
    assertTrue(text.text().startsWith("items: [\r\n]"), text.text());
  }

  @Test
  void itemsOfSeveralLinesGetANewItemWrittenTheSameWay() throws EditException {
    appendedAndRemoved(
        "items: [\n  {\n    a: 1\n  },\n]\n",
        "items: [\n  {\n    a: 1\n  },\n  {\n    b: 2\n  },\n]\n");
  }

  /**
   * Appends {@code {b: 2}} to the one-item list of {@code yaml}, expecting {@code appended}, then
   * removes it, expecting {@code yaml} again; returns the text.
   */
  private static TextLines appendedAndRemoved(String yaml, String appended) throws EditException {
    TextLines text = new TextLines(yaml);
    list(text).append(Map.of("b", 2));
    assertEquals(appended, text.text());
    list(text).remove(1);
    assertEquals(yaml, text.text());
    return text;
  }
}
