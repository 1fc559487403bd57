package dev.gwc.table;

import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Report;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** The certificates and keys of a compiled set's TLS Secrets, as PEM text. */
public final class TlsSecrets {
  private TlsSecrets() {}

  /**
   * A Secret's {@code tls.crt} and {@code tls.key}, decoded from {@code data} (base64) or read from
   * {@code stringData}; either may be null when absent or not base64.
   *
   * @param certificatePem the certificate chain
   * @param keyPem the private key
   */
  public record Pem(String certificatePem, String keyPem) {}

  /**
   * Every core Secret of the set that carries {@code tls.crt} or {@code tls.key}, by {@code
   * namespace/name}.
   */
  public static Map<String, Pem> of(Report report) {
    Map<String, Pem> out = new TreeMap<>();
    for (Compiled c : report.compiled()) {
      Manifest m = c.manifest();
      if (!m.group().isEmpty() || !"Secret".equals(m.kind()) || m.root() == null) {
        continue;
      }
      String crt = field(m.root(), "tls.crt");
      String key = field(m.root(), "tls.key");
      if (crt != null || key != null) {
        out.put(m.namespace() + "/" + m.name(), new Pem(crt, key));
      }
    }
    return out;
  }

  private static String field(YMap root, String name) {
    if (root.get("stringData") instanceof YMap s && s.string(name) != null) {
      return s.string(name);
    }
    if (root.get("data") instanceof YMap d && d.string(name) != null) {
      try {
        return new String(
            Base64.getMimeDecoder().decode(d.string(name).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }
}
