package dev.gwc.sim;

import dev.gwc.table.BackendRef;
import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;
import java.util.List;

/**
 * Picks one of a rule's weighted backendRefs for a request, deterministically: the same request and
 * seed always get the same backend, and over many requests each gets its share.
 */
final class WeightedChoice {
  private WeightedChoice() {}

  /**
   * The index of the chosen backendRef, or -1 when the weights add up to 0.
   *
   * @param hash the request's hash (see {@link #hash})
   */
  static int pick(List<BackendRef> refs, long hash) {
    long total = total(refs);
    if (total == 0) {
      return -1;
    }
    long point = Long.remainderUnsigned(hash, total);
    for (int i = 0; i < refs.size(); i++) {
      point -= Math.max(0, refs.get(i).weight());
      if (point < 0) {
        return i;
      }
    }
    return refs.size() - 1; // not reached
  }

  static long total(List<BackendRef> refs) {
    long total = 0;
    for (BackendRef r : refs) {
      total += Math.max(0, r.weight());
    }
    return total;
  }

  /**
   * A 64-bit FNV-1a hash (over UTF-16 code units) of the request line, Host, headers and seed,
   * finished with SplitMix64.
   */
  static long hash(Request r, long seed) {
    long h = 0xcbf29ce484222325L ^ seed;
    h = mix(h, r.method());
    h = mix(h, r.host());
    // The path and query as one string ("/x?y=1"), without joining them.
    h = chars(h, r.path());
    if (r.query() != null) {
      h = chars((h ^ '?') * 0x100000001b3L, r.query());
    }
    h = (h ^ 0xffff) * 0x100000001b3L;
    for (HeaderList.Header x : r.headers().entries()) {
      h = mix(h, x.name().toLowerCase(java.util.Locale.ROOT));
      h = mix(h, x.value());
    }
    h += 0x9e3779b97f4a7c15L;
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  private static long mix(long h, String s) {
    return (chars(h, s) ^ 0xffff) * 0x100000001b3L;
  }

  private static long chars(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
