package dev.gwc.convert;

import dev.gwc.nginx.IngressNginx;
import dev.gwc.source.SourceSpan;

/**
 * One annotation of an Ingress.
 *
 * @param key the full key, e.g. {@code nginx.ingress.kubernetes.io/rewrite-target}
 * @param value the value as written (annotations are strings; an unquoted {@code true} reads as its
 *     text)
 * @param span where the key is written
 */
record Annotation(String key, String value, SourceSpan span) {
  /** The key without the ingress-nginx prefix, or null when it is not an ingress-nginx key. */
  String nginxName() {
    return IngressNginx.shortName(key);
  }
}
