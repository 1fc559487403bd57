package dev.gwc.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.table.TlsListener;
import dev.gwc.table.TlsSecrets;
import dev.gwc.tls.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which certificate each listener of {@code gwc serve --tls} presents, and why. */
class TlsCertificatesTest {
  @TempDir Path dir;

  private static TlsListener listener(String name, String hostname, String... refs) {
    return new TlsListener("infra/edge", name, 443, hostname, List.of(refs), List.of());
  }

  private static String pem(Object o) {
    return o instanceof java.security.PrivateKey k
        ? Pem.text(k)
        : Pem.text((java.security.cert.X509Certificate) o);
  }

  @Test
  void aSecretThatReads_isPresented_andNoAuthorityIsMade() throws Exception {
    LocalCa other = LocalCa.in(dir.resolve("other"));
    LocalCa.Issued cert = other.issue(List.of("*.shop.example.com"));
    Map<String, TlsSecrets.Pem> secrets =
        Map.of("infra/wild", new TlsSecrets.Pem(pem(cert.certificate()), pem(cert.key())));
    TlsCertificates tls =
        TlsCertificates.of(
            List.of(listener("https", "*.shop.example.com", "infra/wild")),
            secrets,
            dir.resolve("ca"));
    assertEquals(
        List.of(
            "port 443: listener 'https' of Gateway infra/edge (*.shop.example.com): the"
                + " certificate of Secret infra/wild"),
        tls.notes());
    assertNull(tls.caFile());
    assertTrue(!Files.exists(dir.resolve("ca")), "no local CA is made when none is needed");
    KeyStore store = tls.keyStore(443);
    X509Certificate presented = (X509Certificate) store.getCertificate("secret-infra/wild");
    assertEquals(cert.certificate(), presented);
  }

  @Test
  void placeholdersAndMismatches_getALocalCertificate_withTheReason() throws Exception {
    LocalCa other = LocalCa.in(dir.resolve("other"));
    LocalCa.Issued a = other.issue(List.of("a.example"));
    LocalCa.Issued b = other.issue(List.of("b.example"));
    Map<String, TlsSecrets.Pem> secrets =
        Map.of(
            "infra/placeholder", new TlsSecrets.Pem("TODO", "TODO"),
            "infra/mismatch", new TlsSecrets.Pem(pem(a.certificate()), pem(b.key())));
    TlsCertificates tls =
        TlsCertificates.of(
            List.of(
                listener("p", "p.example", "infra/placeholder"),
                listener("m", "m.example", "infra/mismatch"),
                listener("missing", null, "infra/none")),
            secrets,
            dir.resolve("ca"));
    List<String> notes = tls.notes();
    assertTrue(
        notes.get(0).contains("a local CA certificate for p.example, localhost"), notes.get(0));
    assertTrue(
        notes.get(0).contains("Secret infra/placeholder: tls.crt is not a PEM certificate"),
        notes.get(0));
    assertTrue(notes.get(1).contains("tls.key is not the key of tls.crt"), notes.get(1));
    assertTrue(notes.get(2).contains("Secret infra/none is not in the input"), notes.get(2));
    assertNotNull(tls.caFile());
    // The authority is kept: a second run trusts the same one.
    X509Certificate first = Pem.certificates(Files.readString(tls.caFile())).get(0);
    TlsCertificates again =
        TlsCertificates.of(List.of(listener("p", "p.example")), Map.of(), dir.resolve("ca"));
    assertEquals(first, Pem.certificates(Files.readString(again.caFile())).get(0));
    X509Certificate leaf =
        (X509Certificate) again.keyStore(443).getCertificateChain("gwc-infra/edge-p")[0];
    leaf.verify(first.getPublicKey());
    assertTrue(leaf.getSubjectAlternativeNames().toString().contains("p.example"));
  }
}
