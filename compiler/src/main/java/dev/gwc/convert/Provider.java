package dev.gwc.convert;

import java.util.Locale;

/**
 * What the input speaks: plain Ingress, ingress-nginx's Ingress with its annotations, or Istio's
 * own API.
 */
public enum Provider {
  /** The Ingress specification only; provider annotations are reported, not applied. */
  COMMON("common"),
  /** ingress-nginx: its defaults (HTTPS redirect for TLS hosts) and its annotations. */
  INGRESS_NGINX("ingress-nginx"),
  /** Istio: its Gateways and VirtualServices (with DestinationRule subsets), not Ingresses. */
  ISTIO("istio");

  private final String label;

  Provider(String label) {
    this.label = label;
  }

  /** The name used on the command line. */
  public String label() {
    return label;
  }

  /** The provider with this command-line name, or null. */
  public static Provider parse(String s) {
    for (Provider p : values()) {
      if (p.label.equals(s.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }
}
