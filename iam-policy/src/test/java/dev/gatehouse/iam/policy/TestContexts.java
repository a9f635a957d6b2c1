package dev.gatehouse.iam.policy;

import java.util.List;
import java.util.Map;

/** Builds a {@link RequestContext} from a YAML map: a scalar is single-valued, a list is multi-valued. */
final class TestContexts {
  private TestContexts() {}

  static RequestContext of(Map<String, Object> values) {
    RequestContext.Builder b = RequestContext.builder();
    if (values != null) {
      values.forEach((key, value) -> {
        if (value instanceof List<?> list) {
          b.putAll(key, list.stream().map(String::valueOf).toList());
        } else {
          b.put(key, String.valueOf(value));
        }
      });
    }
    return b.build();
  }
}
