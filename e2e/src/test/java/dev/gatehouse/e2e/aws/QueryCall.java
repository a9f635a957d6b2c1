package dev.gatehouse.e2e.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * A Query request sent as raw HTTP, for input no SDK would produce: signed by the SDK's own SigV4 signer (with
 * any clock, scope or body) or not at all, and the answer parsed as AWS's error XML.
 */
final class QueryCall {
  static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
  // HTTP/1.1 as the AWS SDKs speak it; java.net.http's default (HTTP/2) offers an h2c upgrade on plain HTTP.
  private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final HttpClient HTTP_2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

  /** The HTTP answer; {@code error} is present when the body is an {@code <ErrorResponse>}. */
  record Answer(int status, Map<String, List<String>> headers, String body, Optional<AwsErrorXml> error) {
    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }
  }

  /** {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}. */
  record AwsErrorXml(String namespace, String type, String code, String message, String requestId) {}

  private QueryCall() {}

  /**
   * Signs {@code signedBody} as {@code accessKeyId} for {@code service} in us-east-1 at {@code clock}'s time; the
   * signature's headers are then sent with {@code sentBody}, which differs only to test a tampered request.
   */
  static SdkHttpRequest sign(String url, String service, String accessKeyId, String secret, Clock clock,
      byte[] signedBody) {
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(url + "/"))
        .putHeader("Content-Type", FORM).build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsBasicCredentials.create(accessKeyId, secret))
        .request(request)
        .payload(ContentStreamProvider.fromByteArray(signedBody))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    return signed.request();
  }

  /** An unsigned request with only a Content-Type, plus {@code extraHeaders}. */
  static SdkHttpRequest unsigned(String url, Map<String, String> extraHeaders) {
    SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(url + "/"))
        .putHeader("Content-Type", FORM);
    extraHeaders.forEach(b::putHeader);
    return b.build();
  }

  /** Sends over HTTP/1.1, or with {@code h2c} as java.net.http does by default (an HTTP/2 upgrade offer). */
  static Answer send(SdkHttpRequest request, byte[] body, boolean h2c) throws IOException, InterruptedException {
    HttpRequest.Builder http = HttpRequest.newBuilder(request.getUri())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    request.headers().forEach((name, values) -> {
      // java.net.http sets Host (the same host:port the signer signed) and Content-Length itself.
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        values.forEach(v -> http.header(name, v));
      }
    });
    HttpResponse<String> response = (h2c ? HTTP_2 : HTTP_1_1).send(http.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers().map(), response.body(), parseError(response.body()));
  }

  private static Optional<AwsErrorXml> parseError(String body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(
          java.nio.charset.StandardCharsets.UTF_8)));
      Element root = doc.getDocumentElement();
      if (!root.getLocalName().equals("ErrorResponse")) {
        return Optional.empty();
      }
      Element error = child(root, "Error");
      return Optional.of(new AwsErrorXml(root.getNamespaceURI(), text(error, "Type"), text(error, "Code"),
          text(error, "Message"), text(root, "RequestId")));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Element child(Element parent, String name) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getLocalName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = parent == null ? null : child(parent, name);
    return e == null ? null : e.getTextContent();
  }
}
