package dev.gatehouse.aws.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs requests the way the AWS SDKs do for non-S3 services: header form ({@code Authorization}) and
 * presigned URLs. Every header of the request view is signed (pass only the headers that should be), and it
 * must contain {@code Host}. For tests, the load generator and EKS tokens.
 */
public final class SigV4Signer {
  private static final Set<String> UNSIGNED = Set.of("authorization");

  /**
   * @param signSessionToken sign {@code X-Amz-Security-Token} (all current SDKs do) or append it after
   *     signing, as some older clients do
   * @param addContentSha256Header send {@code X-Amz-Content-SHA256} with the body hash (header form only)
   */
  public record Options(boolean signSessionToken, boolean addContentSha256Header) {
    public static final Options DEFAULT = new Options(true, false);
  }

  /** The intermediate texts of one signature, for tests that compare them with test-suite files. */
  record Signing(CanonicalRequest canonicalRequest, StringToSign stringToSign, String signature) {
  }

  /** Header form: the headers to add, in order ({@code X-Amz-Date}, token, content hash, {@code Authorization}). */
  record HeaderSigning(Signing signing, Map<String, String> addedHeaders) {
  }

  /** Presigned form: the complete query string including {@code X-Amz-Signature}. */
  record QuerySigning(Signing signing, String query) {
  }

  private SigV4Signer() {
  }

  public static Map<String, String> signHeaders(HttpRequestView request, SigningCredentials credentials,
      String region, String service, Instant time) {
    return signHeaders(request, credentials, region, service, time, Options.DEFAULT);
  }

  public static Map<String, String> signHeaders(HttpRequestView request, SigningCredentials credentials,
      String region, String service, Instant time, Options options) {
    return headerSigning(request, credentials, region, service, time, options).addedHeaders();
  }

  /** The request with its signature headers added (any previous X-Amz-Date and Authorization removed). */
  public static HttpRequestView sign(HttpRequestView request, SigningCredentials credentials, String region,
      String service, Instant time) {
    HttpRequestView base = withoutSigningHeaders(request);
    return base.withHeaders(signHeaders(base, credentials, region, service, time));
  }

  /** The raw query of a presigned URL: the request's own query, then the X-Amz-* parameters and signature. */
  public static String presignQuery(HttpRequestView request, SigningCredentials credentials, String region,
      String service, Instant time, Duration expires) {
    return presignQuery(request, credentials, region, service, time, expires, Options.DEFAULT);
  }

  public static String presignQuery(HttpRequestView request, SigningCredentials credentials, String region,
      String service, Instant time, Duration expires, Options options) {
    return querySigning(request, credentials, region, service, time, expires, options).query();
  }

  /**
   * {@code scheme://host/path?query} with the presigned query, host taken from the request's {@code Host}
   * header. {@code aws eks get-token} encodes such a URL (GetCallerIdentity, 60 s, {@code x-k8s-aws-id} signed).
   */
  public static String presignUrl(String scheme, HttpRequestView request, SigningCredentials credentials,
      String region, String service, Instant time, Duration expires) {
    String host = request.headers().first("host")
        .orElseThrow(() -> new IllegalArgumentException("sigv4: the request to presign has no Host header"));
    return scheme + "://" + host + request.rawPath() + "?"
        + presignQuery(request, credentials, region, service, time, expires);
  }

  static HeaderSigning headerSigning(HttpRequestView request, SigningCredentials credentials, String region,
      String service, Instant time, Options options) {
    String amzDate = AmzDate.format(time);
    CredentialScope scope = new CredentialScope(credentials.accessKeyId(), amzDate.substring(0, 8), region, service);
    String payloadHash = Rfc3986.hex(Crypto.sha256(request.body()));
    Map<String, String> added = new LinkedHashMap<>();
    added.put("X-Amz-Date", amzDate);
    credentials.sessionToken().filter(t -> options.signSessionToken()).ifPresent(t -> added.put(
        "X-Amz-Security-Token", t));
    if (options.addContentSha256Header()) {
      added.put("X-Amz-Content-SHA256", payloadHash);
    }
    Headers base = withoutSigningHeaders(request).headers();
    for (String name : added.keySet()) {
      base = base.without(name);
    }
    Headers headers = base.toBuilder().build();
    for (Map.Entry<String, String> header : added.entrySet()) {
      headers = headers.with(header.getKey(), header.getValue());
    }
    List<String> signedHeaders = signedHeaderNames(headers);
    Signing signing = sign(request.method(), request.rawPath(), request.rawQuery(), Set.of(), headers,
        signedHeaders, payloadHash, amzDate, scope, credentials.secretAccessKey());
    if (!options.signSessionToken()) {
      credentials.sessionToken().ifPresent(t -> added.put("X-Amz-Security-Token", t));
    }
    added.put("Authorization", SigV4Parser.ALGORITHM + " Credential=" + scope.credential() + ", SignedHeaders="
        + String.join(";", signedHeaders) + ", Signature=" + signing.signature());
    return new HeaderSigning(signing, added);
  }

  static QuerySigning querySigning(HttpRequestView request, SigningCredentials credentials, String region,
      String service, Instant time, Duration expires, Options options) {
    String amzDate = AmzDate.format(time);
    CredentialScope scope = new CredentialScope(credentials.accessKeyId(), amzDate.substring(0, 8), region, service);
    List<String> signedHeaders = signedHeaderNames(request.headers());
    StringBuilder auth = new StringBuilder(256);
    auth.append(SigV4Parser.X_AMZ_ALGORITHM).append('=').append(SigV4Parser.ALGORITHM);
    auth.append('&').append(SigV4Parser.X_AMZ_CREDENTIAL).append('=').append(Rfc3986.encode(scope.credential(), false));
    auth.append('&').append(SigV4Parser.X_AMZ_DATE).append('=').append(amzDate);
    auth.append('&').append(SigV4Parser.X_AMZ_EXPIRES).append('=').append(expires.getSeconds());
    auth.append('&').append(SigV4Parser.X_AMZ_SIGNED_HEADERS).append('=')
        .append(Rfc3986.encode(String.join(";", signedHeaders), false));
    String token = credentials.sessionToken()
        .map(t -> "&" + SigV4Parser.X_AMZ_SECURITY_TOKEN + "=" + Rfc3986.encode(t, false)).orElse("");
    if (options.signSessionToken()) {
      auth.append(token);
    }
    String ownQuery = request.rawQuery() == null || request.rawQuery().isEmpty() ? "" : request.rawQuery() + "&";
    String signedQuery = ownQuery + auth;
    Signing signing = sign(request.method(), request.rawPath(), signedQuery, Set.of(), request.headers(),
        signedHeaders, Rfc3986.hex(Crypto.sha256(request.body())), amzDate, scope, credentials.secretAccessKey());
    String query = signedQuery + (options.signSessionToken() ? "" : token) + "&" + SigV4Parser.X_AMZ_SIGNATURE + "="
        + signing.signature();
    return new QuerySigning(signing, query);
  }

  private static Signing sign(String method, String rawPath, String rawQuery, Set<String> excluded, Headers headers,
      List<String> signedHeaders, String payloadHash, String amzDate, CredentialScope scope, String secretKey) {
    CanonicalRequest canonical = CanonicalRequest.of(method, rawPath, rawQuery, excluded, headers, signedHeaders,
        payloadHash);
    StringToSign stringToSign = StringToSign.of(amzDate, scope, canonical);
    String signature = Rfc3986.hex(Crypto.hmac(SigningKeys.signingKey(secretKey, scope),
        stringToSign.text().getBytes(StandardCharsets.UTF_8)));
    return new Signing(canonical, stringToSign, signature);
  }

  private static List<String> signedHeaderNames(Headers headers) {
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < headers.size(); i++) {
      String lower = Headers.lower(headers.name(i));
      if (!UNSIGNED.contains(lower)) {
        names.add(lower);
      }
    }
    if (!names.contains("host")) {
      throw new IllegalArgumentException("sigv4: the request to sign has no Host header");
    }
    return new ArrayList<>(names);
  }

  private static HttpRequestView withoutSigningHeaders(HttpRequestView request) {
    Headers headers = request.headers().without("authorization").without("x-amz-date");
    return new HttpRequestView(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
  }
}
