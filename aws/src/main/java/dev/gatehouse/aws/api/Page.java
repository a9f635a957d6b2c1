package dev.gatehouse.aws.api;

import dev.gatehouse.aws.protocol.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of an IAM list: {@code MaxItems} (1..1000, default 100) items after {@code Marker}. The marker is
 * the opaque, encoded sort key of the last item returned, so pages stay stable while entities are added.
 */
public record Page<T>(List<T> items, boolean truncated, String marker) {
  public static <T> Page<T> of(List<T> sorted, Function<T, String> sortKey, Params params) {
    int max = params.integer("MaxItems", 100, 1, 1000);
    String after = params.optional("Marker").map(Page::decode).orElse(null);
    int start = 0;
    if (after != null) {
      while (start < sorted.size() && sortKey.apply(sorted.get(start)).compareTo(after) <= 0) {
        start++;
      }
    }
    int end = Math.min(sorted.size(), start + max);
    boolean truncated = end < sorted.size();
    String marker = truncated ? encode(sortKey.apply(sorted.get(end - 1))) : null;
    return new Page<>(sorted.subList(start, end), truncated, marker);
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String marker) {
    try {
      return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AwsException(AwsError.validation("Invalid Marker: " + marker));
    }
  }
}
