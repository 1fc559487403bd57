package dev.gwc.serve;

import dev.gwc.table.TlsListener;
import dev.gwc.table.TlsSecrets;
import dev.gwc.tls.Pem;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The certificates {@code gwc serve --tls} presents, per Gateway port: for each listener that
 * terminates TLS, the certificate of its Secrets when the input has them and they read, else one of
 * the local certificate authority ({@link LocalCa}) for the hostnames the listener serves. The TLS
 * server name of a connection picks among them (Jetty matches it against each certificate's names);
 * the listener is then picked by the routing table, as {@code simulate} picks it.
 */
public final class TlsCertificates {
  /** The password of the in-memory key stores (they never leave the process). */
  static final char[] PASSWORD = "gwc-serve".toCharArray();

  private final Map<Integer, KeyStore> byPort;
  private final List<String> notes;
  private final Path caFile;

  private TlsCertificates(Map<Integer, KeyStore> byPort, List<String> notes, Path caFile) {
    this.byPort = byPort;
    this.notes = List.copyOf(notes);
    this.caFile = caFile;
  }

  /**
   * The certificates of the listeners.
   *
   * @param secrets the input's TLS Secrets by {@code namespace/name}
   * @param caDir where the local certificate authority is kept (made there when first needed)
   * @throws IOException when the authority cannot be read or made
   */
  public static TlsCertificates of(
      List<TlsListener> listeners, Map<String, TlsSecrets.Pem> secrets, Path caDir)
      throws IOException {
    Map<Integer, KeyStore> byPort = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    LocalCa ca = null;
    try {
      for (TlsListener l : listeners) {
        KeyStore store = byPort.get(l.port());
        if (store == null) {
          store = KeyStore.getInstance("PKCS12");
          store.load(null, null);
          byPort.put(l.port(), store);
        }
        String who =
            "port "
                + l.port()
                + ": listener '"
                + l.listener()
                + "' of Gateway "
                + l.gateway()
                + (l.hostname() == null ? "" : " (" + l.hostname() + ")");
        String why = fromSecrets(l, secrets, store);
        if (why == null) {
          notes.add(who + ": the certificate of Secret " + String.join(", ", l.certificateRefs()));
          continue;
        }
        if (ca == null) {
          ca = LocalCa.in(caDir);
        }
        List<String> names = names(l);
        LocalCa.Issued issued = ca.issue(names);
        store.setKeyEntry(
            "gwc-" + l.gateway() + "-" + l.listener(),
            issued.key(),
            PASSWORD,
            new X509Certificate[] {issued.certificate(), ca.certificate()});
        notes.add(
            who + ": a local CA certificate for " + String.join(", ", names) + " (" + why + ")");
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot hold the TLS certificates: " + e.getMessage(), e);
    }
    return new TlsCertificates(byPort, notes, ca == null ? null : ca.certificateFile());
  }

  /**
   * Adds the certificates of the listener's Secrets; null when they are all there and read, else
   * why not (the first problem).
   */
  private static String fromSecrets(
      TlsListener l, Map<String, TlsSecrets.Pem> secrets, KeyStore store)
      throws GeneralSecurityException {
    if (l.certificateRefs().isEmpty()) {
      return "no certificateRefs";
    }
    List<Runnable> adds = new ArrayList<>();
    for (String ref : l.certificateRefs()) {
      TlsSecrets.Pem pem = secrets.get(ref);
      if (pem == null) {
        return "Secret " + ref + " is not in the input";
      }
      if (pem.certificatePem() == null || pem.keyPem() == null) {
        return "Secret " + ref + " has no tls.crt and tls.key";
      }
      List<X509Certificate> chain;
      PrivateKey key;
      try {
        chain = Pem.certificates(pem.certificatePem());
      } catch (IllegalArgumentException e) {
        return "Secret " + ref + ": tls.crt is " + e.getMessage();
      }
      try {
        key = Pem.privateKey(pem.keyPem());
      } catch (IllegalArgumentException e) {
        return "Secret " + ref + ": tls.key is " + e.getMessage();
      }
      if (!Pem.keyMatches(key, chain.get(0))) {
        return "Secret " + ref + ": tls.key is not the key of tls.crt";
      }
      X509Certificate[] certs = chain.toArray(new X509Certificate[0]);
      adds.add(
          () -> {
            try {
              store.setKeyEntry("secret-" + ref, key, PASSWORD, certs);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    adds.forEach(Runnable::run);
    return null;
  }

  /** The names a generated certificate carries: the listener's hostname, else its routes'. */
  private static List<String> names(TlsListener l) {
    List<String> names = new ArrayList<>();
    if (l.hostname() != null) {
      names.add(l.hostname());
    } else {
      names.addAll(l.routeHostnames());
    }
    if (!names.contains("localhost")) {
      names.add("localhost");
    }
    return names;
  }

  /** The key store of a Gateway port, or null when no listener there terminates TLS. */
  KeyStore keyStore(int gatewayPort) {
    return byPort.get(gatewayPort);
  }

  /** The Gateway ports that terminate TLS. */
  public java.util.Set<Integer> ports() {
    return byPort.keySet();
  }

  /** One line per listener: which certificate it presents and why. */
  public List<String> notes() {
    return notes;
  }

  /** The local certificate authority's certificate, to trust; null when none was needed. */
  public Path caFile() {
    return caFile;
  }
}
