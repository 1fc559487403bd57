package dev.gwc.table;

import dev.gwc.regex.Regex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP matches of one virtual host compiled into a few arrays made one after the other, so that
 * a lookup in a table far larger than the processor's caches reads a few neighbouring cache lines
 * instead of following a chain of objects (on this project's machine a read outside the caches
 * takes 150 ns or more). {@code code} holds a hash table of path keys; after it each key, its
 * characters inline, with its matches in precedence order, each with what a request must have and
 * the characters of its method, header names and values and literal prefix right after it; then the
 * tables of the automata of the entry's path patterns. {@code refs} holds the {@link
 * Candidates.Http} each match stands for and the patterns that need their objects.
 *
 * <p>Path keys are exact paths, path prefixes without their trailing slash ({@code ""} for {@code
 * /}) and, for patterns, the first segment of their literal prefix ({@code /api} for {@code
 * /api/v[0-9]+}); patterns whose literal prefix ends within the first segment form one general
 * list, also merged into every segment's list so that a request reads one list.
 */
final class PathIndex {
  // Key kinds.
  private static final int EXACT = 0;
  private static final int PREFIX = 1;
  private static final int PATTERNS = 2;

  // code[]: the header, then the hash table, then the entries. A slot of the table is one int: the
  // high bits of its key's hash and, in the bits of OFFSETS, the offset of its entry from the
  // index's start (0 when empty), so that a small host's table shares a cache line or two with the
  // header.
  private static final int MASK = 0;
  private static final int FLAGS = 1;
  private static final int GENERAL = 2;
  private static final int OFFSETS = 3;
  private static final int TABLE = 4;

  // Keys that a table of at most 16 slots holds at three quarters full.
  private static final int SMALL_TABLE_KEYS = 12;

  private static final int HAS_EXACT = 1;
  private static final int HAS_PREFIXES = 2;
  private static final int HAS_SEGMENTS = 4;

  // An entry: its kind (and WIDE_KEY), the length of its key, the number of records, the key's
  // characters (PackedChars, so that the key is checked on the cache line the entry starts on),
  // then the records.
  private static final int E_KIND = 0;
  private static final int E_KEY_LENGTH = 1;
  private static final int E_COUNT = 2;
  private static final int E_KEY = 3;
  private static final int WIDE_KEY = 8;

  // A record (one match): its length, the Candidates.Http in refs, and flags. A SHORT record (a
  // match on an exact or prefix path alone, the most common) ends there; the others go on with the
  // method (the index of its first character and its length; -1 for any; characters are counted in
  // code, two to an int, the first in the low half); for patterns the literal prefix (index,
  // length), the pattern (the offset of its tables, Regex#encoded, in code; or -1 - its index in
  // refs when it runs on re2j) and a number shared by equal pattern texts; the numbers of header
  // and
  // query parameter matches, then those matches. Then the characters.
  private static final int R_LENGTH = 0;
  private static final int R_REF = 1;
  private static final int R_FLAGS = 2;
  private static final int R_SHORT = 3;
  private static final int R_METHOD = 3;
  private static final int R_METHOD_LENGTH = 4;
  private static final int R_LITERAL = 5;
  private static final int R_LITERAL_LENGTH = 6;
  private static final int R_PATTERN = 7;
  private static final int R_PATTERN_ID = 8;
  private static final int R_HEADER_COUNT = 9;
  private static final int R_QUERY_COUNT = 10;
  private static final int R_HEADERS = 11;

  // A header or query parameter match: name (a header's in lower case) and value as character
  // indexes and lengths, the pattern in refs or -1.
  private static final int H_NAME = 0;
  private static final int H_NAME_LENGTH = 1;
  private static final int H_VALUE = 2;
  private static final int H_VALUE_LENGTH = 3;
  private static final int H_PATTERN = 4;
  private static final int H_SIZE = 5;

  /** The path alone decides. */
  private static final int PATH_ONLY = 1;

  /** The record ends after R_FLAGS (PATH_ONLY, not a pattern). */
  private static final int SHORT = 2;

  private final int[] code;
  private final Object[] refs;

  private PathIndex(int[] code, int size, List<Object> refs) {
    this.code = Arrays.copyOf(code, size);
    this.refs = refs.toArray();
  }

  /**
   * Compiles a virtual host's matches.
   *
   * @param exact exact paths to their matches
   * @param prefixes path prefix keys to their matches
   * @param segments first segments to the patterns that start with them
   * @param general the patterns whose literal prefix ends within the first segment
   */
  static PathIndex build(
      Map<String, List<Candidates.Http>> exact,
      Map<String, List<Candidates.Http>> prefixes,
      Map<String, List<Candidates.Http>> segments,
      List<Candidates.Http> general) {
    Builder b = new Builder(exact.size() + prefixes.size() + segments.size());
    int flags = 0;
    for (Map.Entry<String, List<Candidates.Http>> e : exact.entrySet()) {
      b.entry(EXACT, e.getKey(), e.getValue());
      flags |= HAS_EXACT;
    }
    for (Map.Entry<String, List<Candidates.Http>> e : prefixes.entrySet()) {
      b.entry(PREFIX, e.getKey(), e.getValue());
      flags |= HAS_PREFIXES;
    }
    for (Map.Entry<String, List<Candidates.Http>> e : segments.entrySet()) {
      List<Candidates.Http> all = new ArrayList<>(e.getValue());
      all.addAll(general);
      b.entry(PATTERNS, e.getKey(), all);
      flags |= HAS_SEGMENTS;
    }
    if (!general.isEmpty()) {
      int e = b.write(PATTERNS, "", general); // first: writing may move b.code
      b.code[GENERAL] = e;
    }
    b.code[FLAGS] = flags;
    return b.finish();
  }

  /**
   * Visits the matches whose path fits {@code path}, in precedence order (Exact, then
   * RegularExpression, then the longest PathPrefix), until the visitor accepts one.
   *
   * @return the accepted match, or null
   */
  Candidates.Http find(String path, VirtualHost.Visitor<Candidates.Http> v) {
    int r = record(code, refs, path, v);
    return r == 0 ? null : (Candidates.Http) refs[code[r + R_REF]];
  }

  /** The offset of the first record that the visitor accepts, in {@link #find} order, or 0. */
  private static int record(
      int[] code, Object[] refs, String path, VirtualHost.Visitor<Candidates.Http> v) {
    int flags = code[FLAGS];
    if ((flags & HAS_EXACT) != 0) {
      int e = probe(code, EXACT, path, 0, path.length());
      if (e != 0) {
        int hit = visit(code, refs, e, v);
        if (hit != 0) {
          return hit;
        }
      }
    }
    int patterns = code[GENERAL];
    if ((flags & HAS_SEGMENTS) != 0) {
      int slash = VirtualHost.firstSlash(path);
      int e = slash > 0 ? probe(code, PATTERNS, path, 0, slash) : 0;
      if (e != 0) {
        patterns = e;
      }
    }
    if (patterns != 0) {
      int hit = patterns(code, refs, patterns, path, v);
      if (hit != 0) {
        return hit;
      }
    }
    if ((flags & HAS_PREFIXES) == 0) {
      return 0;
    }
    // The path itself, then the part before each '/' from the last: "/a/b/c", "/a/b", "/a", "".
    // A key K fits a path P exactly when P is K or starts with K + "/" (PathPrefix's element-wise
    // rule; keys have no trailing slash), which are the parts probed.
    int end = path.length();
    while (true) {
      int e = probe(code, PREFIX, path, 0, end);
      if (e != 0) {
        int hit = visit(code, refs, e, v);
        if (hit != 0) {
          return hit;
        }
      }
      if (end == 0) {
        return 0;
      }
      end = Math.max(path.lastIndexOf('/', end - 1), 0);
    }
  }

  /** The entry of the key of a kind that is {@code path[from, to)}, or 0. */
  private static int probe(int[] code, int kind, String path, int from, int to) {
    int h = PackedChars.hash(kind, path, from, to);
    int mask = code[MASK];
    int offsets = code[OFFSETS];
    int i = h & mask;
    while (true) {
      int slot = code[TABLE + i];
      if (slot == 0) {
        return 0;
      }
      if (((slot ^ h) & ~offsets) == 0) {
        int e = slot & offsets;
        if ((code[e + E_KIND] & ~WIDE_KEY) == kind && keyEquals(code, e, path, from, to)) {
          return e;
        }
      }
      i = (i + 1) & mask;
    }
  }

  /** Whether the key of the entry at {@code e} is {@code s[from, to)}. */
  private static boolean keyEquals(int[] code, int e, String s, int from, int to) {
    return to - from == code[e + E_KEY_LENGTH]
        && PackedChars.equal(code, e + E_KEY, (code[e + E_KIND] & WIDE_KEY) != 0, s, from, to);
  }

  /** The offset of the first record of the entry at {@code e}. */
  private static int records(int[] code, int e) {
    int length = code[e + E_KEY_LENGTH];
    return e + E_KEY + ((code[e + E_KIND] & WIDE_KEY) != 0 ? (length + 1) / 2 : (length + 3) / 4);
  }

  /** The first record of an exact or prefix entry that the visitor accepts (the path fits). */
  private static int visit(
      int[] code, Object[] refs, int e, VirtualHost.Visitor<Candidates.Http> v) {
    int r = records(code, e);
    for (int n = code[e + E_COUNT]; n > 0; n--) {
      if (accept(code, refs, r, v)) {
        return r;
      }
      r += code[r + R_LENGTH];
    }
    return 0;
  }

  /**
   * The first record of a pattern entry whose pattern matches and that the visitor accepts. Routes
   * often repeat a pattern: each of the first 64 distinct ones runs once per request.
   */
  private static int patterns(
      int[] code, Object[] refs, int e, String path, VirtualHost.Visitor<Candidates.Http> v) {
    long ran = 0;
    long held = 0;
    int r = records(code, e);
    for (int n = code[e + E_COUNT]; n > 0; n--, r += code[r + R_LENGTH]) {
      int literal = code[r + R_LITERAL_LENGTH];
      if (path.length() < literal || !literalFits(code, code[r + R_LITERAL], literal, path)) {
        continue;
      }
      int pattern = code[r + R_PATTERN];
      int id = code[r + R_PATTERN_ID];
      boolean matches;
      if (id < 64) {
        long bit = 1L << id;
        if ((ran & bit) == 0) {
          ran |= bit;
          held |= matches(code, refs, pattern, path, literal) ? bit : 0;
        }
        matches = (held & bit) != 0;
      } else {
        matches = matches(code, refs, pattern, path, literal);
      }
      if (matches && accept(code, refs, r, v)) {
        return r;
      }
    }
    return 0;
  }

  /**
   * Whether a pattern matches the whole path, which starts with its first {@code checked} literal
   * characters: run from its tables in code (at a positive offset), else by its Regex in refs.
   */
  private static boolean matches(int[] code, Object[] refs, int pattern, String path, int checked) {
    return pattern > 0
        ? Regex.matches(code, pattern, path, checked)
        : ((Regex) refs[-pattern - 1]).matches(path, checked);
  }

  /**
   * Whether the visitor accepts a record whose path fits. A plain lookup's visitor is answered from
   * the record itself; any other visitor (a trace's) is shown the candidate.
   */
  private static boolean accept(
      int[] code, Object[] refs, int r, VirtualHost.Visitor<Candidates.Http> v) {
    int flags = code[r + R_FLAGS];
    if (!(v instanceof RequestMatcher m)) {
      return v.accept((Candidates.Http) refs[code[r + R_REF]]);
    }
    if ((flags & PATH_ONLY) != 0) {
      return true;
    }
    Request req = m.request();
    int method = code[r + R_METHOD];
    if (method >= 0) {
      String actual = req.method();
      if (!regionEquals(code, method, code[r + R_METHOD_LENGTH], actual)) {
        return false;
      }
    }
    int h = r + R_HEADERS;
    for (int n = code[r + R_HEADER_COUNT]; n > 0; n--, h += H_SIZE) {
      String actual = header(code, req.headers(), code[h + H_NAME], code[h + H_NAME_LENGTH]);
      if (actual == null) {
        return false;
      }
      if (!valueMatches(code, refs, h, actual)) {
        return false;
      }
    }
    String query = req.query();
    for (int n = code[r + R_QUERY_COUNT]; n > 0; n--, h += H_SIZE) {
      String actual =
          query == null
              ? null
              : RequestMatcher.queryValue(
                  query, new Chars(code, code[h + H_NAME], code[h + H_NAME_LENGTH]));
      if (actual == null || !valueMatches(code, refs, h, actual)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a present header or query parameter value fits the match at {@code h}. */
  private static boolean valueMatches(int[] code, Object[] refs, int h, String actual) {
    int pattern = code[h + H_PATTERN];
    return pattern >= 0
        ? ((Regex) refs[pattern]).matches(actual)
        : regionEquals(code, code[h + H_VALUE], code[h + H_VALUE_LENGTH], actual);
  }

  /** The characters of code at a character index, as a query parameter name to look for. */
  private record Chars(int[] code, int at, int length) implements CharSequence {
    @Override
    public char charAt(int index) {
      return PathIndex.charAt(code, at + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Chars(code, at + start, end - start);
    }

    @Override
    public String toString() {
      return new StringBuilder(this).toString();
    }
  }

  /**
   * The values of the header named by the characters at {@code name} (lower case) joined with ","
   * as a proxy folds them ({@link HeaderList#joined}), or null when absent.
   */
  private static String header(int[] code, HeaderList headers, int name, int length) {
    String out = null;
    List<HeaderList.Header> entries = headers.entries();
    for (int i = 0, size = entries.size(); i < size; i++) {
      HeaderList.Header h = entries.get(i);
      if (nameEquals(code, name, length, h.name())) {
        out = out == null ? h.value() : out + "," + h.value();
      }
    }
    return out;
  }

  /** Whether a header name equals the characters at {@code at}, ignoring case as String does. */
  private static boolean nameEquals(int[] code, int at, int length, String name) {
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char a = charAt(code, at + i);
      char b = name.charAt(i);
      if (a != b) {
        char ua = Character.toUpperCase(a);
        char ub = Character.toUpperCase(b);
        if (ua != ub && Character.toLowerCase(ua) != Character.toLowerCase(ub)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether a path starts with the {@code length} characters at character index {@code at} of code
   * (two to an int, the first in the low half).
   */
  private static boolean literalFits(int[] code, int at, int length, String path) {
    for (int i = 0; i < length; i++) {
      if (charAt(code, at + i) != path.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The character at index {@code at} of code (two to an int, the first in the low half). */
  private static char charAt(int[] code, int at) {
    return (char) (code[at >> 1] >>> ((at & 1) << 4));
  }

  /** Whether the {@code length} characters at {@code at} are {@code s}. */
  private static boolean regionEquals(int[] code, int at, int length, String s) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (charAt(code, at + i) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Writes entries into growing arrays, then makes the index's arrays side by side. */
  private static final class Builder {
    private int[] code;
    private int size;
    // The characters of the record being written, and the character index of the first.
    private final StringBuilder chars = new StringBuilder();
    private int charBase;
    private final List<Object> refs = new ArrayList<>();
    // The pattern tables of the entry being written, appended after its records; where each
    // pattern's start; the code offsets that hold an offset into the tail.
    private int[] tail = new int[64];
    private int tailSize;
    private final Map<String, Integer> tailAt = new HashMap<>();
    private int[] patches = new int[8];
    private int patchCount;
    private final Map<Object, Integer> refIndex = new HashMap<>();
    // The keys entered, until the table is filled (finish): their hashes and entries.
    private final int[] keyHashes;
    private final int[] keyEntries;
    private int keyCount;

    Builder(int keys) {
      // At most half full; a small one (a cache line of slots) up to three quarters, so that it
      // ends sooner and the entries after it start closer to the host's key.
      int least = keys <= SMALL_TABLE_KEYS ? Math.max(2, (keys * 4 + 2) / 3) : keys * 2;
      int capacity = Integer.highestOneBit(least - 1) * 2;
      code = new int[TABLE + capacity + 16];
      code[MASK] = capacity - 1;
      size = TABLE + capacity;
      keyHashes = new int[keys];
      keyEntries = new int[keys];
    }

    /** Writes an entry and enters its key in the table. */
    void entry(int kind, String key, List<Candidates.Http> matches) {
      int e = write(kind, key, matches);
      keyHashes[keyCount] = PackedChars.hash(kind, key, 0, key.length());
      keyEntries[keyCount++] = e;
    }

    /**
     * Fills the table once the index's size is known: each slot keeps as many of its key's hash
     * bits as the entry's offset leaves.
     */
    private void fillTable() {
      int offsets = -1 >>> Integer.numberOfLeadingZeros(size);
      code[OFFSETS] = offsets;
      int mask = code[MASK];
      for (int k = 0; k < keyCount; k++) {
        int h = keyHashes[k];
        int i = h & mask;
        while (code[TABLE + i] != 0) {
          i = (i + 1) & mask;
        }
        code[TABLE + i] = (h & ~offsets) | keyEntries[k];
      }
    }

    /** Writes an entry with its matches sorted by precedence; returns its offset. */
    int write(int kind, String key, List<Candidates.Http> matches) {
      List<Candidates.Http> sorted = new ArrayList<>(matches);
      sorted.sort(Candidates.HTTP);
      int e = size;
      add(kind | (PackedChars.wide(key) ? WIDE_KEY : 0));
      add(key.length());
      add(sorted.size());
      for (int i = PackedChars.ints(key); i > 0; i--) {
        add(0);
      }
      PackedChars.write(code, e + E_KEY, key);
      Map<String, Integer> patternIds = new HashMap<>();
      for (Candidates.Http c : sorted) {
        record(c, patternIds);
      }
      flushTail();
      return e;
    }

    private void record(Candidates.Http c, Map<String, Integer> patternIds) {
      HttpMatch m = c.m();
      PathMatch p = m.path();
      boolean pattern = p.type() == PathMatch.Type.REGEX;
      boolean isShort = c.pathOnly && !pattern;
      int r = size;
      int values = m.headers().size() + m.query().size();
      int fields = isShort ? R_SHORT : R_HEADERS + H_SIZE * values;
      // The record's characters follow its ints, two to an int; text() hands out their places.
      chars.setLength(0);
      charBase = 2 * (r + fields);
      add(0); // R_LENGTH, set below
      add(ref(c));
      add((c.pathOnly ? PATH_ONLY : 0) | (isShort ? SHORT : 0));
      if (!isShort) {
        add(m.method() == null ? -1 : text(m.method()));
        add(m.method() == null ? 0 : m.method().length());
        add(pattern ? text(p.literal()) : 0);
        add(pattern ? p.literal().length() : 0);
        add(pattern ? pattern(p) : 0);
        add(pattern ? patternIds.computeIfAbsent(p.value(), k -> patternIds.size()) : 0);
        add(m.headers().size());
        add(m.query().size());
        for (ValueMatch h : m.headers()) {
          value(h.lowerName(), h);
        }
        for (ValueMatch q : m.query()) {
          value(q.name(), q);
        }
      }
      assert 2 * size == charBase;
      for (int i = 0; i < chars.length(); i += 2) {
        add(chars.charAt(i) | (i + 1 < chars.length() ? chars.charAt(i + 1) << 16 : 0));
      }
      code[r + R_LENGTH] = size - r;
    }

    /** Writes a header or query parameter match under a name. */
    private void value(String name, ValueMatch v) {
      add(text(name));
      add(name.length());
      add(text(v.value()));
      add(v.value().length());
      add(v.regex() == null ? -1 : ref(v.regex()));
    }

    /**
     * Where a path pattern's tables will be: appended after the entry's records once they are all
     * written (so that a list of patterns, mostly ruled out by their literal prefixes, stays short,
     * and the tables stay near it), one copy per distinct pattern of the entry; the offset written
     * now is patched then.
     */
    private int pattern(PathMatch p) {
      Integer at = tailAt.get(p.value());
      if (at == null) {
        int[] encoded = p.regex().encoded();
        if (encoded == null) {
          return -1 - ref(p.regex());
        }
        at = tailSize;
        if (tailSize + encoded.length > tail.length) {
          tail = Arrays.copyOf(tail, Math.max(tail.length * 2, tailSize + encoded.length));
        }
        System.arraycopy(encoded, 0, tail, tailSize, encoded.length);
        tailSize += encoded.length;
        tailAt.put(p.value(), at);
      }
      if (patchCount == patches.length) {
        patches = Arrays.copyOf(patches, patchCount * 2);
      }
      patches[patchCount++] = size;
      return at;
    }

    private void add(int value) {
      if (size == code.length) {
        code = Arrays.copyOf(code, size * 2);
      }
      code[size++] = value;
    }

    /** Where a string of the record being written will be, as a character index into code. */
    private int text(String s) {
      int at = charBase + chars.length();
      chars.append(s);
      return at;
    }

    private int ref(Object o) {
      return refIndex.computeIfAbsent(
          o,
          k -> {
            refs.add(k);
            return refs.size() - 1;
          });
    }

    /** Appends the pattern tables of the entry just written and patches their offsets. */
    private void flushTail() {
      for (int i = 0; i < patchCount; i++) {
        code[patches[i]] += size;
      }
      for (int i = 0; i < tailSize; i++) {
        add(tail[i]);
      }
      patchCount = 0;
      tailSize = 0;
      tailAt.clear();
    }

    PathIndex finish() {
      fillTable();
      return new PathIndex(code, size, refs);
    }
  }
}
