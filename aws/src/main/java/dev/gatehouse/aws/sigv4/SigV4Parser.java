package dev.gatehouse.aws.sigv4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds and parses a SigV4 signature: the {@code Authorization} header, else the presigned-URL query
 * parameters. Pure syntax: no secrets, no clock. Checks run in AWS's order (after the error ordering that
 * dacut/scratchstack-aws-signature documents for Coral services): broken query escapes, the algorithm,
 * {@code key=value} syntax, missing parameters, {@code host} signed, the date's format, the credential's shape,
 * its terminator and date. The clock skew check comes later, in {@link SigV4Verifier}.
 */
public final class SigV4Parser {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
  static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
  static final String X_AMZ_DATE = "X-Amz-Date";
  static final String X_AMZ_EXPIRES = "X-Amz-Expires";
  static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
  static final String X_AMZ_SIGNATURE = "X-Amz-Signature";
  static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";

  private SigV4Parser() {
  }

  public static AuthParse parse(HttpRequestView request) {
    Optional<String> brokenEscape = RawQuery.malformedEscape(request.rawQuery());
    if (brokenEscape.isPresent()) {
      return new AuthParse.Malformed(SigV4Messages.MALFORMED_QUERY_STRING, brokenEscape.get());
    }
    Optional<String> authorization = request.headers().first("authorization");
    if (authorization.isPresent()) {
      return parseHeader(authorization.get(), request.headers());
    }
    List<RawQuery.Pair> query = RawQuery.split(request.rawQuery());
    Optional<String> algorithm = RawQuery.first(query, X_AMZ_ALGORITHM);
    if (algorithm.isEmpty()) {
      return new AuthParse.Unsigned();
    }
    return parseQuery(algorithm.get(), query);
  }

  private static AuthParse parseHeader(String header, Headers headers) {
    String value = header.strip();
    int space = indexOfWhitespace(value);
    String algorithm = space < 0 ? value : value.substring(0, space);
    if (!algorithm.equals(ALGORITHM)) {
      return incomplete(SigV4Messages.unsupportedAlgorithm(algorithm));
    }
    // AWS splits the rest on commas and whitespace: "Credential=AKID /2015..." names '/2015...' as the bad pair.
    Map<String, String> parameters = new HashMap<>();
    for (String token : (space < 0 ? "" : value.substring(space)).split("[,\\s]+")) {
      if (token.isEmpty()) {
        continue;
      }
      int eq = token.indexOf('=');
      if (eq < 0) {
        return incomplete(SigV4Messages.notKeyValue(token, value));
      }
      parameters.put(token.substring(0, eq), token.substring(eq + 1));
    }
    String credential = parameters.get("Credential");
    String signature = parameters.get("Signature");
    String signedHeaders = parameters.get("SignedHeaders");
    Optional<String> xAmzDate = headers.first("x-amz-date");
    Optional<String> dateHeader = headers.first("date");
    List<String> missing = new ArrayList<>(4);
    if (credential == null) {
      missing.add(SigV4Messages.REQUIRES_CREDENTIAL);
    }
    if (signature == null) {
      missing.add(SigV4Messages.REQUIRES_SIGNATURE);
    }
    if (signedHeaders == null) {
      missing.add(SigV4Messages.REQUIRES_SIGNED_HEADERS);
    }
    if (xAmzDate.isEmpty() && dateHeader.isEmpty()) {
      missing.add(SigV4Messages.REQUIRES_DATE);
    }
    if (!missing.isEmpty()) {
      return incomplete(String.join(" ", missing) + " Authorization=" + value);
    }
    Optional<String> amzDate = xAmzDate.isPresent()
        ? AmzDate.parse(xAmzDate.get().strip()).map(d -> xAmzDate.get().strip())
        : AmzDate.fromDateHeader(dateHeader.get());
    return finish(SignatureForm.HEADER, credential, signedHeaders, signature,
        amzDate, xAmzDate.orElseGet(dateHeader::get), null, headers.first("x-amz-security-token"));
  }

  private static AuthParse parseQuery(String algorithm, List<RawQuery.Pair> query) {
    if (!algorithm.equals(ALGORITHM)) {
      return new AuthParse.Malformed(SigV4Messages.MISSING_AUTHENTICATION_TOKEN, SigV4Messages.MISSING_TOKEN);
    }
    Optional<String> credential = RawQuery.first(query, X_AMZ_CREDENTIAL);
    Optional<String> signature = RawQuery.first(query, X_AMZ_SIGNATURE);
    Optional<String> signedHeaders = RawQuery.first(query, X_AMZ_SIGNED_HEADERS);
    Optional<String> date = RawQuery.first(query, X_AMZ_DATE);
    List<String> missing = new ArrayList<>(4);
    if (credential.isEmpty()) {
      missing.add(SigV4Messages.QUERY_REQUIRES_CREDENTIAL);
    }
    if (signature.isEmpty()) {
      missing.add(SigV4Messages.QUERY_REQUIRES_SIGNATURE);
    }
    if (signedHeaders.isEmpty()) {
      missing.add(SigV4Messages.QUERY_REQUIRES_SIGNED_HEADERS);
    }
    if (date.isEmpty()) {
      missing.add(SigV4Messages.QUERY_REQUIRES_DATE);
    }
    if (!missing.isEmpty()) {
      return incomplete(String.join(" ", missing) + " " + SigV4Messages.REEXAMINE_QUERY);
    }
    String dateValue = date.get();
    return finish(SignatureForm.QUERY, credential.get(), signedHeaders.get(), signature.get(),
        AmzDate.parse(dateValue).map(d -> dateValue), dateValue, RawQuery.first(query, X_AMZ_EXPIRES).orElse(null),
        RawQuery.first(query, X_AMZ_SECURITY_TOKEN));
  }

  /** The checks both forms share, in AWS's order. */
  private static AuthParse finish(SignatureForm form, String credential, String signedHeadersValue,
      String signature, Optional<String> amzDate, String rawDate, String rawExpires,
      Optional<String> securityToken) {
    List<String> signedHeaders = new ArrayList<>();
    for (String name : signedHeadersValue.split(";", -1)) {
      signedHeaders.add(name.strip().toLowerCase(Locale.ROOT));
    }
    if (!signedHeaders.contains("host")) {
      return new AuthParse.Malformed(SigV4Messages.SIGNATURE_DOES_NOT_MATCH, SigV4Messages.HOST_MUST_BE_SIGNED);
    }
    if (amzDate.isEmpty()) {
      return incomplete(SigV4Messages.badDate(rawDate));
    }
    String[] parts = credential.split("/", -1);
    if (parts.length != 5) {
      return incomplete(SigV4Messages.credentialParts(credential));
    }
    List<String> scopeProblems = new ArrayList<>(2);
    if (!parts[4].equals(CredentialScope.TERMINATOR)) {
      scopeProblems.add(SigV4Messages.wrongTerminator(parts[4]));
    }
    if (!amzDate.get().startsWith(parts[1]) || parts[1].length() != 8) {
      scopeProblems.add(SigV4Messages.scopeDateMismatch(parts[1], amzDate.get()));
    }
    if (!scopeProblems.isEmpty()) {
      return new AuthParse.Malformed(SigV4Messages.SIGNATURE_DOES_NOT_MATCH, String.join(" ", scopeProblems));
    }
    OptionalLong expires = OptionalLong.empty();
    if (rawExpires != null) {
      Optional<String> problem = checkExpires(rawExpires);
      if (problem.isPresent()) {
        return incomplete(problem.get());
      }
      expires = OptionalLong.of(Long.parseLong(rawExpires));
    }
    return new AuthParse.Signed(form, new CredentialScope(parts[0], parts[1], parts[2], parts[3]), signedHeaders,
        signature, amzDate.get(), expires, securityToken);
  }

  /** S3's texts for a bad {@code X-Amz-Expires}; non-S3 wording is unverified. */
  private static Optional<String> checkExpires(String raw) {
    if (raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'))
        || raw.lastIndexOf('-') > 0) {
      return Optional.of("X-Amz-Expires should be a number");
    }
    if (raw.startsWith("-")) {
      return Optional.of("X-Amz-Expires must be non-negative");
    }
    return Optional.empty();
  }

  private static AuthParse incomplete(String message) {
    return new AuthParse.Malformed(SigV4Messages.INCOMPLETE_SIGNATURE, message);
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
