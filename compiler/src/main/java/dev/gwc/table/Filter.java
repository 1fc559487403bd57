package dev.gwc.table;

import java.util.List;

/** A route or backendRef filter, read from the defaulted manifest. */
public sealed interface Filter {

  /**
   * RequestHeaderModifier or ResponseHeaderModifier.
   *
   * @param response whether it modifies the response
   * @param set headers to set, as {@code [name, value]}
   * @param add headers to add
   * @param remove header names to remove
   */
  record HeaderModifier(
      boolean response,
      List<HeaderList.Header> set,
      List<HeaderList.Header> add,
      List<String> remove)
      implements Filter {
    public HeaderModifier {
      set = List.copyOf(set);
      add = List.copyOf(add);
      remove = List.copyOf(remove);
    }

    /** Applies set, then add, then remove, as the API orders them. */
    public HeaderList apply(HeaderList h) {
      HeaderList out = h;
      for (HeaderList.Header s : set) {
        out = out.set(s.name(), s.value());
      }
      for (HeaderList.Header a : add) {
        out = out.add(a.name(), a.value());
      }
      for (String r : remove) {
        out = out.remove(r);
      }
      return out;
    }
  }

  /**
   * A path modifier of a redirect or rewrite.
   *
   * @param type ReplaceFullPath or ReplacePrefixMatch
   * @param value the replacement
   */
  record PathModifier(String type, String value) {}

  /**
   * RequestRedirect.
   *
   * @param scheme the scheme, or null for the request's
   * @param hostname the hostname, or null for the request's
   * @param port the port, or null (derived from the scheme or the listener)
   * @param path the path modifier, or null
   * @param statusCode the status (302 by default)
   */
  record Redirect(String scheme, String hostname, Integer port, PathModifier path, int statusCode)
      implements Filter {}

  /**
   * URLRewrite.
   *
   * @param hostname the new Host, or null
   * @param path the path modifier, or null
   */
  record Rewrite(String hostname, PathModifier path) implements Filter {}

  /**
   * RequestMirror.
   *
   * @param backend the mirror's backend
   * @param percent the share of requests mirrored, 0 to 100
   */
  record Mirror(BackendRef backend, double percent) implements Filter {}

  /**
   * CORS.
   *
   * @param allowOrigins allowed origins ({@code *}, or scheme://host[:port] with a leading {@code
   *     *} label)
   * @param allowMethods allowed methods, or {@code *}
   * @param allowHeaders allowed request headers, or {@code *}
   * @param exposeHeaders response headers exposed to scripts
   * @param allowCredentials whether credentials are allowed
   * @param maxAge seconds a preflight answer may be cached, or null
   */
  record Cors(
      List<String> allowOrigins,
      List<String> allowMethods,
      List<String> allowHeaders,
      List<String> exposeHeaders,
      boolean allowCredentials,
      Integer maxAge)
      implements Filter {
    public Cors {
      allowOrigins = List.copyOf(allowOrigins);
      allowMethods = List.copyOf(allowMethods);
      allowHeaders = List.copyOf(allowHeaders);
      exposeHeaders = List.copyOf(exposeHeaders);
    }
  }

  /**
   * A filter the simulator does not model (ExtensionRef, an implementation's own types).
   *
   * @param type the filter type
   */
  record Other(String type) implements Filter {}
}
