package dev.gwc.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JsonWriter writes UTF-8 itself: its bytes must be what encoding its text would give. */
class JsonWriterTest {
  private static String json(String s) {
    return new JsonWriter(false).value(s).toString();
  }

  @Test
  void escapesWhatJsonRequires() {
    assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\"", json("a\"b\\c\nd\re\tf"));
    assertEquals("\"\\u0001\\u001f \\u2028\\u2029\"", json("\u0001\u001f \u2028\u2029"));
    assertEquals("\"/ ~ \u007f\"", json("/ ~ \u007f"));
  }

  @Test
  void encodesEveryCharacterAsUtf8() {
    String s = "é ü ß — € 中文 \uD83D\uDE00 end";
    byte[] bytes = new JsonWriter(false).value(s).toBytes();
    assertArrayEquals(("\"" + s + "\"").getBytes(StandardCharsets.UTF_8), bytes);
    assertEquals("\"" + s + "\"", json(s));
  }

  @Test
  void namesEncodedOnce_writeAsNamesGivenAsStrings() {
    for (boolean pretty : new boolean[] {false, true}) {
      JsonWriter byKey = new JsonWriter(pretty, 4);
      JsonWriter byString = new JsonWriter(pretty);
      for (JsonWriter w : List.of(byKey, byString)) {
        w.beginObject();
        if (w == byKey) {
          w.name(JsonSink.Key.of("a\"b")).value(1L).name(JsonSink.Key.of("ü")).beginArray();
        } else {
          w.name("a\"b").value(1L).name("ü").beginArray();
        }
        w.value("x").endArray().endObject();
      }
      assertEquals(byString.toString(), byKey.toString());
      assertArrayEquals(byString.toBytes(), byKey.toBytes());
    }
  }

  @Test
  void reset_aReusedWriterWritesWhatAFreshOneWrites() {
    for (boolean pretty : new boolean[] {false, true}) {
      JsonWriter reused = new JsonWriter(pretty, 8);
      reused.beginObject().name("a").beginArray().value("x").value(1L); // left open on purpose
      for (int round = 0; round < 3; round++) {
        reused.reset().beginObject().name("k").value("v" + round).name("n").nullValue().endObject();
        JsonWriter fresh = new JsonWriter(pretty);
        fresh.beginObject().name("k").value("v" + round).name("n").nullValue().endObject();
        assertEquals(fresh.toString(), reused.toString());
      }
    }
  }

  @Test
  void writesAnUnpairedSurrogateAsAQuestionMark() {
    assertEquals("\"a?b?\"", json("a\uD800b\uDC00"));
  }

  @Test
  void randomStringsMatchTheirEncodedText() {
    Random random = new Random(3);
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(5);
        sb.append(
            switch (kind) {
              case 0 -> (char) random.nextInt(0x80);
              case 1 -> (char) (0x80 + random.nextInt(0x780));
              case 2 -> (char) (0x800 + random.nextInt(0xd000));
              case 3 -> "\uD83D\uDE03";
              default -> (char) ('a' + random.nextInt(26));
            });
      }
      String s = sb.toString();
      Map<String, Object> value = new LinkedHashMap<>();
      value.put(s, List.of(s, 1L, 2.5, true));
      value.put("null", null);
      List<Object> list = new ArrayList<>();
      list.add(value);
      String text = Values.compactJson(list);
      JsonWriter w = new JsonWriter(false);
      w.beginArray().beginObject().name(s).beginArray().value(s).value(1L).value(2.5);
      w.value(true).endArray().name("null").nullValue().endObject().endArray();
      assertEquals(text, w.toString());
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), w.toBytes());
    }
  }
}
