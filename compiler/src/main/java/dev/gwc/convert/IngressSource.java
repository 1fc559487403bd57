package dev.gwc.convert;

import dev.gwc.resource.Manifest;
import dev.gwc.source.SourceSpan;
import java.util.List;

/**
 * One Ingress as the conversion sees it: its class, annotations, TLS and paths with backends
 * resolved to Service port numbers.
 *
 * @param manifest the Ingress as read
 * @param className the ingress class it belongs to
 * @param annotations its annotations in source order
 * @param defaultBackend spec.defaultBackend, or null (also when it could not be resolved)
 * @param tls spec.tls entries
 * @param paths every path of every rule, in source order
 * @param hosts the hosts of its rules in source order ("" for a rule without host), no repeats
 * @param created metadata.creationTimestamp, or null; older Ingresses win path conflicts
 */
record IngressSource(
    Manifest manifest,
    String className,
    List<Annotation> annotations,
    Backend defaultBackend,
    List<TlsEntry> tls,
    List<PathRule> paths,
    List<String> hosts,
    String created) {
  IngressSource {
    annotations = List.copyOf(annotations);
    tls = List.copyOf(tls);
    paths = List.copyOf(paths);
    hosts = List.copyOf(hosts);
  }

  String namespace() {
    return manifest.namespace();
  }

  /** {@code namespace/name}, as the source annotation records it. */
  String id() {
    return manifest.namespace() + "/" + manifest.name();
  }

  /**
   * A Service port a path sends traffic to.
   *
   * @param service the Service name (in the Ingress's namespace)
   * @param port the port number
   */
  record Backend(String service, long port) {}

  /**
   * One path of one rule.
   *
   * @param host the rule's host, "" when it has none
   * @param path the path ("/" when absent)
   * @param pathType Exact, Prefix or ImplementationSpecific
   * @param backend where it sends traffic, or null when that could not be resolved (reported)
   * @param span where the path entry is written
   */
  record PathRule(String host, String path, String pathType, Backend backend, SourceSpan span) {}

  /**
   * One spec.tls entry.
   *
   * @param hosts the hosts it covers (empty: every host)
   * @param secret the Secret holding the certificate, or null
   * @param span where the entry is written
   */
  record TlsEntry(List<String> hosts, String secret, SourceSpan span) {
    TlsEntry {
      hosts = List.copyOf(hosts);
    }
  }
}
