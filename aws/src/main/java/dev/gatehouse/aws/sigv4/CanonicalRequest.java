package dev.gatehouse.aws.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The SigV4 canonical request of a non-S3 service:
 * {@code METHOD\nCanonicalURI\nCanonicalQuery\nCanonicalHeaders\n\nSignedHeaders\nPayloadHash}.
 *
 * <ul>
 *   <li>URI: the raw request path with dot segments and empty segments removed (botocore's
 *       {@code normalize_url_path}), then percent-encoded again, so {@code %3A} is signed as {@code %253A}.</li>
 *   <li>Query: every {@code name=value} pair decoded and re-encoded with the RFC 3986 unreserved set
 *       ({@code +} is a literal plus), sorted by name then value; {@code key=} for empty values.</li>
 *   <li>Headers: the signed names in the client's order, each value trimmed with inner whitespace runs
 *       collapsed, repeated headers joined with {@code ,} in arrival order.</li>
 * </ul>
 */
public record CanonicalRequest(String text) {
  private static final Comparator<String[]> BY_NAME_THEN_VALUE =
      Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

  /**
   * @param excludedQueryNames decoded parameter names left out of the canonical query
   *     ({@code X-Amz-Signature} for presigned URLs)
   */
  public static CanonicalRequest of(String method, String rawPath, String rawQuery, Set<String> excludedQueryNames,
      Headers headers, List<String> signedHeaders, String payloadHash) {
    StringBuilder out = new StringBuilder(256);
    out.append(method).append('\n');
    out.append(canonicalUri(rawPath)).append('\n');
    out.append(canonicalQuery(rawQuery, excludedQueryNames)).append('\n');
    appendCanonicalHeaders(headers, signedHeaders, out);
    out.append('\n');
    out.append(String.join(";", signedHeaders)).append('\n');
    out.append(payloadHash);
    return new CanonicalRequest(out.toString());
  }

  /** Hex SHA-256 of the text: the last line of the string to sign. */
  public String hash() {
    return Rfc3986.hex(Crypto.sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static String canonicalUri(String rawPath) {
    return Rfc3986.encode(normalizePath(rawPath), true);
  }

  /**
   * Removes {@code .} and {@code ..} segments and collapses repeated slashes, keeping a leading slash and a
   * trailing slash when the result is not the root; {@code ""} becomes {@code /}.
   */
  static String normalizePath(String path) {
    if (path.isEmpty()) {
      return "/";
    }
    if (!needsNormalising(path)) {
      return path;
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
      } else {
        segments.add(segment);
      }
    }
    String first = path.startsWith("/") ? "/" : "";
    String last = path.endsWith("/") && !segments.isEmpty() ? "/" : "";
    return first + String.join("/", segments) + last;
  }

  private static boolean needsNormalising(String path) {
    return path.contains("//") || path.contains("/.") || path.startsWith(".") || !path.startsWith("/");
  }

  public static String canonicalQuery(String rawQuery, Set<String> excludedQueryNames) {
    List<RawQuery.Pair> pairs = RawQuery.split(rawQuery);
    if (pairs.isEmpty()) {
      return "";
    }
    List<String[]> canonical = new ArrayList<>(pairs.size());
    for (RawQuery.Pair pair : pairs) {
      if (!excludedQueryNames.isEmpty() && excludedQueryNames.contains(pair.name())) {
        continue;
      }
      canonical.add(new String[] {Rfc3986.canonical(pair.rawName()), Rfc3986.canonical(pair.rawValue())});
    }
    canonical.sort(BY_NAME_THEN_VALUE);
    StringBuilder out = new StringBuilder(rawQuery.length() + 16);
    for (int i = 0; i < canonical.size(); i++) {
      if (i > 0) {
        out.append('&');
      }
      out.append(canonical.get(i)[0]).append('=').append(canonical.get(i)[1]);
    }
    return out.toString();
  }

  static void appendCanonicalHeaders(Headers headers, List<String> signedHeaders, StringBuilder out) {
    for (String name : signedHeaders) {
      out.append(name).append(':');
      boolean firstValue = true;
      for (int i = 0; i < headers.size(); i++) {
        if (headers.name(i).equalsIgnoreCase(name)) {
          if (!firstValue) {
            out.append(',');
          }
          appendTrimmed(headers.value(i), out);
          firstValue = false;
        }
      }
      out.append('\n');
    }
  }

  /** Trims and collapses runs of whitespace (including folded line breaks) to one space, like botocore. */
  static void appendTrimmed(String value, StringBuilder out) {
    boolean pendingSpace = false;
    boolean any = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
        pendingSpace = any;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
        any = true;
      }
    }
  }
}
