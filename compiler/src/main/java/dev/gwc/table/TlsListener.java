package dev.gwc.table;

import java.util.List;

/**
 * A listener that terminates TLS (HTTPS, mode Terminate) and serves traffic: what {@code gwc serve
 * --tls} needs to present a certificate for it.
 *
 * @param gateway the Gateway's {@code namespace/name}
 * @param listener the listener's name
 * @param port its port
 * @param hostname its hostname, or null for any
 * @param certificateRefs the core Secrets its certificateRefs name ({@code namespace/name})
 * @param routeHostnames the hostnames of the routes attached to it (exact and wildcard), sorted
 */
public record TlsListener(
    String gateway,
    String listener,
    int port,
    String hostname,
    List<String> certificateRefs,
    List<String> routeHostnames) {
  public TlsListener {
    certificateRefs = List.copyOf(certificateRefs);
    routeHostnames = List.copyOf(routeHostnames);
  }
}
