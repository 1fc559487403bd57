package dev.gwc.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the HTTP requests for each hostname on one port of a Gateway go, for plain lookups ({@link
 * Simulator#lookup}): the hash table of the hostnames the port knows by name, and of the wildcard
 * suffixes ({@code .example.com}) of its listeners and virtual hosts, each to the index of the
 * first virtual host that serves it and the others after it.
 *
 * <p>A request host that no name and no suffix of the table matches is routed as the port routes
 * any host (a listener without hostname and its catch-all virtual host, or nothing). One that is
 * known by no name is routed by its longest suffix in the table: every listener hostname and
 * virtual host that matches such a host is a suffix of it, so all hosts with the same longest
 * suffix go to the same listener and virtual hosts.
 *
 * <p>Laid out so that a lookup in a table far larger than the processor's caches waits for one read
 * from memory where it can: the hash table is one int per slot (8 bits of the key's hash and the
 * cache line where the key starts), small enough to stay in the cache; in {@code code} each key
 * starts a cache line, and its first virtual host's {@link PathIndex} follows it (moved there from
 * its own arrays, {@link PathIndex#moveTo}), unless an earlier key has it.
 */
final class HostIndex {
  // Key kinds: a hostname, or the suffix of a wildcard (".example.com" of "*.example.com").
  private static final int NAME = 0;
  private static final int SUFFIX = 1;

  // A table slot: 0 when empty, else 8 bits of the key's hash (fingerprint) and 1 + the line of its
  // key.
  private static final int LINE_BITS = 24;
  private static final int LINE_MASK = (1 << LINE_BITS) - 1;
  private static final int LINE = 16; // ints per cache line

  // A key in code: its kind, form and length (kind << 24 | WIDE | length), the offset of its first
  // virtual host's index (-1: none, or a listener that does not route by HTTP), the index in rests
  // of the virtual hosts after it (-1: none), then its characters (PackedChars; WIDE when two to an
  // int). Short, so that the index after it starts on the same cache line.
  private static final int K_HEAD = 0;
  private static final int K_FIRST = 1;
  private static final int K_REST = 2;
  private static final int K_CHARS = 3;
  private static final int WIDE = 1 << 23;
  // Longer keys (no hostname is longer than 253 characters) are left out of the table.
  static final int MAX_KEY = WIDE - 1;

  private final int[] table;
  private final int[] code;
  private final Simulator.Decision[] decisions;
  private final Object[] refs;
  private final PathIndex[][] rests;
  // Bit n set when a suffix of n characters is a key (bit 63: of 63 or more).
  private final long suffixLengths;
  // The routing of hosts that no key matches, as a key's.
  private final int anyFirst;
  private final int anyRest;

  private HostIndex(Builder b) {
    // Where each key and each first index go: a key at a line's start, a first index just after
    // the first key that has it; then the decisions and refs of the indexes, side by side.
    Map<PathIndex, Integer> placed = new IdentityHashMap<>();
    List<PathIndex> order = new ArrayList<>();
    int[] keyAt = new int[b.routes.size()];
    int size = 0;
    int decisionCount = 0;
    int refCount = 0;
    for (int i = 0; i <= b.routes.size(); i++) {
      Routing r = i < b.routes.size() ? b.routes.get(i) : b.any;
      if (i < b.routes.size()) {
        size = (size + LINE - 1) / LINE * LINE;
        keyAt[i] = size;
        size += K_CHARS + PackedChars.ints(r.key);
      }
      if (r.first != null && placed.putIfAbsent(r.first, size) == null) {
        order.add(r.first);
        size += r.first.codeLength();
        decisionCount += r.first.decisionCount();
        refCount += r.first.refCount();
      }
    }
    if (size / LINE >= LINE_MASK) {
      throw new IllegalStateException("routing table too large: " + size + " ints on one port");
    }
    code = new int[size];
    decisions = new Simulator.Decision[decisionCount];
    refs = new Object[refCount];
    int d = 0;
    int f = 0;
    for (PathIndex p : order) {
      int pd = p.decisionCount();
      int pf = p.refCount();
      p.moveTo(code, placed.get(p), decisions, d, refs, f);
      d += pd;
      f += pf;
    }
    // At most two thirds full, and no larger: the fewer cache lines, the likelier they stay cached.
    int capacity = b.routes.size() + b.routes.size() / 2 + 1;
    table = new int[capacity];
    List<PathIndex[]> restList = new ArrayList<>();
    long lengths = 0;
    for (int i = 0; i < b.routes.size(); i++) {
      Routing r = b.routes.get(i);
      int k = keyAt[i];
      code[k + K_HEAD] = r.kind << 24 | (PackedChars.wide(r.key) ? WIDE : 0) | r.key.length();
      code[k + K_REST] = rest(r, restList);
      code[k + K_FIRST] = r.first == null ? -1 : placed.get(r.first);
      PackedChars.write(code, k + K_CHARS, r.key);
      int h = PackedChars.hash(r.kind, r.key, 0, r.key.length());
      int slot = home(h, capacity);
      while (table[slot] != 0) {
        slot = slot + 1 == capacity ? 0 : slot + 1;
      }
      table[slot] = fingerprint(h) | (k / LINE + 1);
      if (r.kind == SUFFIX) {
        lengths |= 1L << Math.min(r.key.length(), 63);
      }
    }
    suffixLengths = lengths;
    anyFirst = b.any.first == null ? -1 : placed.get(b.any.first);
    anyRest = rest(b.any, restList);
    rests = restList.toArray(new PathIndex[0][]);
  }

  private static int rest(Routing r, List<PathIndex[]> restList) {
    if (r.rest.length == 0) {
      return -1;
    }
    restList.add(r.rest);
    return restList.size() - 1;
  }

  /**
   * The routing decision for a request on this port, or null when no listener serves its host by
   * HTTP or no rule matches.
   */
  Simulator.Decision decide(Request req, long seed) {
    String host = req.host();
    int n = host.length();
    int k = key(NAME, host, 0, n);
    if (k < 0 && suffixLengths != 0) {
      // The longest suffix first; a suffix is never the whole host (a wildcard needs a label).
      for (int dot = host.indexOf('.', 1); dot > 0 && k < 0; dot = host.indexOf('.', dot + 1)) {
        if ((suffixLengths & (1L << Math.min(n - dot, 63))) != 0) {
          k = key(SUFFIX, host, dot, n);
        }
      }
    }
    int first = k < 0 ? anyFirst : code[k + K_FIRST];
    Simulator.Decision d =
        first < 0 ? null : PathIndex.decide(code, first, decisions, refs, req, seed);
    if (d != null) {
      return d;
    }
    int rest = k < 0 ? anyRest : code[k + K_REST];
    if (rest >= 0) {
      for (PathIndex p : rests[rest]) {
        d = p.decide(req, seed);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /** The offset in code of the key of a kind that is {@code text[from, to)}, or -1. */
  private int key(int kind, String text, int from, int to) {
    int h = PackedChars.hash(kind, text, from, to);
    int capacity = table.length;
    int i = home(h, capacity);
    int fingerprint = fingerprint(h);
    while (true) {
      int slot = table[i];
      if (slot == 0) {
        return -1;
      }
      if ((slot & ~LINE_MASK) == fingerprint) {
        int k = ((slot & LINE_MASK) - 1) * LINE;
        if (keyEquals(k, kind, text, from, to)) {
          return k;
        }
      }
      i = i + 1 == capacity ? 0 : i + 1;
    }
  }

  /** A key's first slot: its hash scaled to the table (its high bits). */
  private static int home(int h, int capacity) {
    return (int) (((h & 0xffffffffL) * capacity) >>> 32);
  }

  /** The bits of a key's hash kept in its slot (its low bits, which home() hardly uses). */
  private static int fingerprint(int h) {
    return h << LINE_BITS;
  }

  /** Whether the key at {@code code[k]} is of the kind and is {@code text[from, to)}. */
  private boolean keyEquals(int k, int kind, String text, int from, int to) {
    int head = code[k + K_HEAD];
    return (head & ~WIDE) == (kind << 24 | (to - from))
        && PackedChars.equal(code, k + K_CHARS, (head & WIDE) != 0, text, from, to);
  }

  /** A key and its routing, as the builder collects them. */
  private record Routing(int kind, String key, PathIndex first, PathIndex[] rest) {}

  /** Collects a port's keys; {@link #build} makes the index. */
  static final class Builder {
    private final List<Routing> routes = new ArrayList<>();
    private Routing any = new Routing(SUFFIX, "", null, new PathIndex[0]);

    /** The routing of a hostname: its listener and its virtual hosts, most specific first. */
    void name(String host, ListenerTable listener, List<VirtualHost> vhosts) {
      if (host.length() <= MAX_KEY) {
        routes.add(routing(NAME, host, listener, vhosts));
      }
    }

    /** The routing of the hosts whose longest suffix in the table is {@code suffix}. */
    void suffix(String suffix, ListenerTable listener, List<VirtualHost> vhosts) {
      if (suffix.length() <= MAX_KEY) {
        routes.add(routing(SUFFIX, suffix, listener, vhosts));
      }
    }

    /** The routing of hosts that no key matches. */
    void any(ListenerTable listener, List<VirtualHost> vhosts) {
      any = routing(SUFFIX, "", listener, vhosts);
    }

    private static Routing routing(
        int kind, String key, ListenerTable listener, List<VirtualHost> vhosts) {
      if (listener == null || !listener.http() || vhosts.isEmpty()) {
        return new Routing(kind, key, null, new PathIndex[0]);
      }
      PathIndex[] all = vhosts.stream().map(VirtualHost::paths).toArray(PathIndex[]::new);
      return new Routing(kind, key, all[0], Arrays.copyOfRange(all, 1, all.length));
    }

    /** The index; moves the first virtual hosts' indexes into its arrays. */
    HostIndex build() {
      return new HostIndex(this);
    }
  }
}
