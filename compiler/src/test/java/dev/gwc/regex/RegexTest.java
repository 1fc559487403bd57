package dev.gwc.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The position automaton against re2j: for random patterns of the subset and random texts, both
 * must agree on {@code matches} and {@code find}.
 */
class RegexTest {
  private static final String ALPHABET = "ab/.-_0Z\n é😀";

  @Test
  void randomPatterns_agreeWithRe2j() {
    Random random = new Random(42);
    int checked = 0;
    int fast = 0;
    for (int i = 0; i < 3000; i++) {
      String body = pattern(random, 3);
      String pattern =
          (random.nextInt(4) == 0 ? "^" : "") + body + (random.nextInt(4) == 0 ? "$" : "");
      Pattern re2;
      try {
        re2 = Pattern.compile(pattern);
      } catch (com.google.re2j.PatternSyntaxException e) {
        continue;
      }
      Regex regex = Regex.compile(pattern);
      if (regex.automaton()) {
        fast++;
      }
      // Written as ints among other data (an offset of 3), as the simulator's index keeps them.
      int[] tables = regex.encoded();
      int[] code = tables == null ? null : new int[3 + tables.length];
      if (tables != null) {
        System.arraycopy(tables, 0, code, 3, tables.length);
      }
      for (int j = 0; j < 30; j++) {
        String text = text(random);
        assertEquals(
            re2.matches(text), regex.matches(text), () -> "matches /" + pattern + "/ on " + text);
        String prefix = regex.literalPrefix();
        if (text.startsWith(prefix)) {
          assertEquals(
              re2.matches(text),
              regex.matches(text, prefix.length()),
              () -> "matches after the prefix, /" + pattern + "/ on " + text);
          if (code != null) {
            assertEquals(
                re2.matches(text),
                Regex.matches(code, 3, text, prefix.length()),
                () -> "encoded matches after the prefix, /" + pattern + "/ on " + text);
            assertEquals(
                re2.matches(text),
                Regex.matches(code, 3, text, 0),
                () -> "encoded matches, /" + pattern + "/ on " + text);
          }
        }
        if (re2.matches(text)) {
          assertTrue(
              text.startsWith(regex.literalPrefix()),
              () -> "literal prefix '" + regex.literalPrefix() + "' of /" + pattern + "/: " + text);
        }
        assertEquals(
            re2.matcher(text).find(), regex.find(text), () -> "find /" + pattern + "/ on " + text);
        checked++;
      }
    }
    assertTrue(checked > 50_000, "checked " + checked);
    assertTrue(fast > 2000, "patterns on the fast path: " + fast);
  }

  /**
   * The encoded tables in both forms: one int a position set (at most 32 positions and 16 character
   * classes, most path patterns) and two (up to 64 positions, any number of classes).
   */
  @Test
  void encodedTables_narrowAndWide_agreeWithRe2j() {
    String[] patterns = {
      "/api/v[0-9]+/items/[a-z0-9-]{3,8}", // narrow
      "/x/[a-z]{31}", // 32 positions with the head's "/x/"? the rest: narrow at the edge
      "/x/[a-z]{33}", // wide: more than 32 positions
      "/x/(a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r)+", // wide: more than 16 classes
      "/x/[^/]*\\.(png|css)"
    };
    Random random = new Random(7);
    for (String pattern : patterns) {
      Pattern re2 = Pattern.compile(pattern);
      Regex regex = Regex.compile(pattern);
      int[] tables = regex.encoded();
      assertTrue(tables != null, pattern);
      int[] code = new int[5 + tables.length];
      System.arraycopy(tables, 0, code, 5, tables.length);
      List<String> texts = new ArrayList<>();
      texts.add("/x/");
      texts.add("/x/" + "a".repeat(31));
      texts.add("/x/" + "b".repeat(33));
      texts.add("/x/" + "q".repeat(5) + "r");
      texts.add("/x/" + "s");
      texts.add("/x/a.b.png");
      texts.add("/api/v12/items/ab-9");
      for (int i = 0; i < 200; i++) {
        StringBuilder t = new StringBuilder("/x/");
        for (int n = random.nextInt(40); n > 0; n--) {
          t.append("abcqrs.png/-09".charAt(random.nextInt(14)));
        }
        texts.add(t.toString());
      }
      for (String text : texts) {
        assertEquals(
            re2.matches(text), Regex.matches(code, 5, text, 0), () -> pattern + " on " + text);
      }
    }
  }

  @Test
  void typicalPatterns_takeTheFastPath() {
    for (String p :
        List.of(
            "^/api/v[0-9]+/users/[^/]+$",
            "/ads-edge-22/[^/]+\\.(png|jpg|css|js)",
            "[a-z]+-[0-9]+",
            "v[12]",
            "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
            "^[a-z]([-a-z0-9]*[a-z0-9])?$",
            "^/[\\w./~%!$&'()*+,;=:@-]*$",
            "(?:a|b)*?c{2,3}\\d\\W\\S")) {
      assertTrue(Regex.compile(p).automaton(), p);
    }
  }

  @Test
  void literalPrefix_leadingCharactersThroughLiteralGroups() {
    assertEquals("/x/", Regex.compile("/x/(en|de)/login(/.*)?").literalPrefix());
    assertEquals("/api/v", Regex.compile("^/api/v[0-9]+$").literalPrefix());
    assertEquals("/a", Regex.compile("/a+b").literalPrefix());
    assertEquals("/", Regex.compile("/a*b").literalPrefix());
    assertEquals("/api/x", Regex.compile("(/api)/x[0-9]").literalPrefix());
    assertEquals(".well-known/", Regex.compile("\\.well-known/.*").literalPrefix());
    assertEquals("", Regex.compile("a|b").literalPrefix());
    assertEquals("", Regex.compile("(?i)abc").literalPrefix());
  }

  @Test
  void longLiteralHead_wholeTextMatchesOnTheAutomaton() {
    Regex r = Regex.compile("^/notifications-frontend/callback/[a-z0-9-]{3,32}$");
    assertTrue(r.wholeTextAutomaton());
    assertFalse(r.automaton()); // find() needs all 66 positions: re2j
    assertTrue(r.matches("/notifications-frontend/callback/abc-1"));
    assertFalse(r.matches("/notifications-frontend/callback/ab"));
    assertFalse(r.matches("/notifications-frontend/callbacks/abc"));
    assertTrue(r.find("/notifications-frontend/callback/abc-1"));
  }

  @Test
  void outsideTheSubset_fallsBackToRe2j() {
    for (String p : List.of("(?i)abc", "a\\bb", "\\pL+", "é+", "[[:alpha:]]+", "a^b", "^a|b$")) {
      Regex r = Regex.compile(p);
      assertFalse(r.automaton(), p);
    }
    assertTrue(Regex.compile("(?i)abc").matches("ABC"));
    assertTrue(Regex.compile("^a|b$").find("xb"));
  }

  @Test
  void tooManyPositions_fallBackToRe2j() {
    Regex r = Regex.compile("a{65}");
    assertFalse(r.automaton());
    assertTrue(r.matches("a".repeat(65)));
    // RE2's limit: nested counted repetitions make at most 1000 copies (re2j would expand them).
    assertTrue(Regex.compile("((a{10}){10}){10}").matches("a".repeat(1000)));
    Regex.SyntaxException e =
        assertThrows(Regex.SyntaxException.class, () -> Regex.compile("((((){64}){64}){64}){64}x"));
    assertTrue(e.description().contains("1000"), e.description());
    assertThrows(Regex.SyntaxException.class, () -> Regex.compile("(a{2}){501}"));
    assertTrue(Regex.compile("[{]{3}(x){2}").matches("{{{xx"));
    // RE2's other limit: groups nest at most 1000 deep (re2j and our parser recurse).
    assertTrue(Regex.compile("(".repeat(1000) + "a" + ")".repeat(1000)).matches("a"));
    Regex.SyntaxException deep =
        assertThrows(
            Regex.SyntaxException.class,
            () -> Regex.compile("(".repeat(60_000) + "a" + ")".repeat(60_000)));
    assertTrue(deep.description().contains("nests too deeply"), deep.description());
  }

  @Test
  void hostileText_linearTime() {
    Regex r = Regex.compile("(a|aa)*(b|a)*c");
    assertTrue(r.automaton());
    String text = "a".repeat(200_000);
    long start = System.nanoTime();
    assertFalse(r.matches(text));
    assertFalse(r.find(text.substring(0, 5_000)));
    // Generous: a backtracking engine would not finish at all.
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
  }

  @Test
  void invalidPattern_syntaxException() {
    Regex.SyntaxException e = assertThrows(Regex.SyntaxException.class, () -> Regex.compile("a(b"));
    assertTrue(e.description().contains("missing closing )"), e.description());
  }

  private static String pattern(Random r, int depth) {
    int n = 1 + r.nextInt(4);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(atom(r, depth));
      switch (r.nextInt(9)) {
        case 0 -> sb.append('*');
        case 1 -> sb.append('+');
        case 2 -> sb.append('?');
        case 3 -> sb.append('{').append(r.nextInt(3)).append('}');
        case 4 ->
            sb.append('{').append(r.nextInt(2)).append(',').append(2 + r.nextInt(2)).append('}');
        case 5 -> sb.append("{1,}");
        case 6 -> sb.append("*?");
        default -> {}
      }
    }
    if (r.nextInt(6) == 0) {
      sb.append('|').append(pattern(r, depth - 1));
    }
    return sb.toString();
  }

  private static String atom(Random r, int depth) {
    int k = r.nextInt(depth > 0 ? 12 : 10);
    return switch (k) {
      case 0 -> ".";
      case 1 -> "[ab]";
      case 2 -> "[^a/]";
      case 3 -> "[a-z0-9-]";
      case 4 ->
          List.of("\\d", "\\w", "\\s", "\\D", "\\W", "\\S", "\\.", "\\/", "\\-").get(r.nextInt(9));
      case 5 -> "[\\w.]";
      case 6 -> "";
      case 10 -> "(" + pattern(r, depth - 1) + ")";
      case 11 -> "(?:" + pattern(r, depth - 1) + ")";
      default -> String.valueOf("ab/.-_0Z".charAt(r.nextInt(8))).replace(".", "\\.");
    };
  }

  private static String text(Random r) {
    int n = r.nextInt(8);
    List<Integer> cps = new ArrayList<>();
    ALPHABET.codePoints().forEach(cps::add);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(cps.get(r.nextInt(cps.size())));
    }
    return sb.toString();
  }
}
