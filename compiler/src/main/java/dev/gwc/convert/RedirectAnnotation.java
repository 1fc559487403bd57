package dev.gwc.convert;

import dev.gwc.convert.NginxSettings.Redirect;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * permanent-redirect (301 unless permanent-redirect-code) or temporal-redirect (302 unless
 * temporal-redirect-code): every path of the Ingress answers with a redirect to the URL. A status
 * the targeted release does not allow falls back to 301 or 302.
 */
final class RedirectAnnotation {
  private RedirectAnnotation() {}

  static Redirect read(AnnotationValues v, Capabilities caps) {
    // ingress-nginx reads temporal-redirect first: with both, the temporal one redirects
    boolean permanent = !v.has("temporal-redirect");
    String kind = permanent ? "permanent-redirect" : "temporal-redirect";
    String url = v.value(kind);
    if (url == null) {
      return null;
    }
    if (!permanent && v.has("permanent-redirect")) {
      v.warn(
          "permanent-redirect",
          "annotation 'permanent-redirect' is ignored: 'temporal-redirect' takes precedence in"
              + " ingress-nginx");
    }
    Integer code = v.integer(kind + "-code");
    int status = code != null ? code : permanent ? 301 : 302;
    if (!caps.redirectCodes().contains(status)) {
      int fallback = permanent ? 301 : 302;
      v.warn(
          v.has(kind + "-code") ? kind + "-code" : kind,
          "redirect status "
              + status
              + " is not allowed by Gateway API "
              + caps.label()
              + " (allowed: "
              + caps.redirectCodes()
              + "); using "
              + fallback);
      status = fallback;
    }
    try {
      URI u = new URI(url);
      if (u.getHost() == null) {
        throw new URISyntaxException(url, "no host");
      }
      if (u.getScheme() == null || !u.getScheme().matches("https?")) {
        v.warn(
            kind,
            "redirect target '"
                + url
                + "' is not an http or https URL; the redirect is not converted");
        return null;
      }
      if (u.getRawQuery() != null || u.getRawFragment() != null) {
        v.warn(
            kind,
            "the query or fragment of the redirect target '"
                + url
                + "' cannot be expressed; dropped");
      }
      v.info(
          kind,
          "ingress-nginx redirects to '"
              + url
              + "' as written, dropping the request's query; RequestRedirect keeps the query"
              + " ('?a=1' arrives at the target), and cannot drop it");
      // nginx answers with the URL as written: without a path, the client goes to "/"
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return new Redirect(
          u.getScheme(),
          u.getHost().toLowerCase(Locale.ROOT),
          u.getPort() < 0 ? null : u.getPort(),
          path,
          status);
    } catch (URISyntaxException e) {
      v.warn(
          kind,
          "redirect target '" + url + "' is not an absolute URL; the redirect is not converted");
      return null;
    }
  }
}
