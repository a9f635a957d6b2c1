package dev.gatehouse.aws.eks;

import dev.gatehouse.aws.eks.api.EksRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of an EKS list: {@code maxResults} (1..100, default 100) items after {@code nextToken}. The token is
 * the opaque, encoded sort key of the page's last item, so pages stay stable while items come and go.
 *
 * @param nextToken null on the last page
 */
record EksPage<T>(List<T> items, String nextToken) {
  static <T> EksPage<T> of(List<T> sorted, Function<T, String> sortKey, EksRequest request) {
    int max = request.queryInt("maxResults", 100, 1, 100);
    String after = request.query("nextToken").map(EksPage::decode).orElse(null);
    int start = 0;
    if (after != null) {
      while (start < sorted.size() && sortKey.apply(sorted.get(start)).compareTo(after) <= 0) {
        start++;
      }
    }
    int end = Math.min(sorted.size(), start + max);
    String token = end < sorted.size() ? encode(sortKey.apply(sorted.get(end - 1))) : null;
    return new EksPage<>(sorted.subList(start, end), token);
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw EksErrors.invalidNextToken();
    }
  }
}
