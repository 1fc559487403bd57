package dev.gwc.convert;

import java.util.Locale;

/** Whose Ingress dialect the input speaks: plain Ingress, or ingress-nginx with its annotations. */
public enum Provider {
  /** The Ingress specification only; provider annotations are reported, not applied. */
  COMMON("common"),
  /** ingress-nginx: its defaults (HTTPS redirect for TLS hosts) and its annotations. */
  INGRESS_NGINX("ingress-nginx");

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
