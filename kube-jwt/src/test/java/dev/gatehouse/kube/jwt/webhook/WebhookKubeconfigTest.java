package dev.gatehouse.kube.jwt.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the webhook's kubeconfig as kube-apiserver does. */
class WebhookKubeconfigTest {

    @TempDir
    Path dir;

    @Test
    void relativeFilesResolveAgainstTheKubeconfigDirectory() throws Exception {
        TestPki pki = TestPki.shared();
        Files.writeString(dir.resolve("ca.pem"), pki.caPem());
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/client.crt"), pki.clientCertPem());
        Files.writeString(dir.resolve("certs/client.key"), TestPki.sec1Pem(pki.clientKeyPair().getPrivate()));
        Files.writeString(dir.resolve("token"), "file-token\n");
        Path file = dir.resolve("webhook.kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: other
                  cluster: {server: "https://other.example.com"}
                - name: authn
                  cluster:
                    server: https://authn.example.com/authenticate
                    certificate-authority: ca.pem
                users:
                - name: nobody
                  user: {}
                - name: apiserver
                  user:
                    client-certificate: certs/client.crt
                    client-key: certs/client.key
                    tokenFile: token
                current-context: webhook
                contexts:
                - name: webhook
                  context: {cluster: authn, user: apiserver}
                """);

        WebhookKubeconfig config = WebhookKubeconfig.load(file);

        assertThat(config.server()).hasToString("https://authn.example.com/authenticate");
        assertThat(config.trustedCas()).hasSize(1);
        assertThat(config.clientChain()).containsExactly(pki.clientCert());
        assertThat(config.clientKey()).isPresent();
        assertThat(config.bearerToken()).contains("file-token");
    }

    @Test
    void withoutCurrentContextTheFirstClusterAndUserAreUsed() {
        WebhookKubeconfig config = WebhookKubeconfig.parse("""
                clusters:
                - name: first
                  cluster: {server: "https://first.example.com/review"}
                - name: second
                  cluster: {server: "https://second.example.com/review"}
                users:
                - name: first
                  user: {token: first-token}
                """, dir);
        assertThat(config.server()).hasToString("https://first.example.com/review");
        assertThat(config.bearerToken()).contains("first-token");
        assertThat(config.trustedCas()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no server|clusters: [{name: a, cluster: {}}]|invalid configuration: no server found for cluster",
            "unknown context|{current-context: x, clusters: [{name: a, cluster: {server: 'https://a'}}]}|invalid configuration: context was not found for specified context: x",
            "CA file and data|clusters: [{name: a, cluster: {server: 'https://a', certificate-authority: ca.pem, certificate-authority-data: eA==}}]|invalid configuration: certificate-authority-data and certificate-authority are both specified",
            "skip TLS verify|clusters: [{name: a, cluster: {server: 'https://a', insecure-skip-tls-verify: true}}]|insecure-skip-tls-verify is not supported for the token webhook",
            "cert without key|{clusters: [{name: a, cluster: {server: 'https://a'}}], users: [{name: u, user: {client-certificate-data: eA==}}]}|invalid configuration: client-cert-data and client-key-data must both be specified to use the client certificate",
            "exec plugin|{clusters: [{name: a, cluster: {server: 'https://a'}}], users: [{name: u, user: {exec: {command: x}}}]}|the token webhook kubeconfig user field exec is not supported",
            "not a URL|clusters: [{name: a, cluster: {server: 'ftp://a'}}]|invalid configuration: server ftp://a is not an http(s) URL"})
    void invalidKubeconfigs(String name, String yaml, String message) {
        assertThatThrownBy(() -> WebhookKubeconfig.parse(yaml, dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }
}
