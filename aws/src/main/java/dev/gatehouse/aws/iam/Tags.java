package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.model.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Tag arithmetic as IAM does it: keys compare case-insensitively, a re-tagged key keeps its new value. */
public final class Tags {
  private Tags() {}

  public static List<Tag> merge(List<Tag> current, List<Tag> added) {
    List<Tag> out = new ArrayList<>(current);
    for (Tag t : added) {
      out.removeIf(old -> old.key().toLowerCase(Locale.ROOT).equals(t.key().toLowerCase(Locale.ROOT)));
      out.add(t);
    }
    if (out.size() > 50) {
      throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
    }
    return out;
  }

  public static List<Tag> remove(List<Tag> current, Collection<String> keys) {
    List<String> lower = keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    return current.stream().filter(t -> !lower.contains(t.key().toLowerCase(Locale.ROOT))).toList();
  }

  /** Duplicate keys in one request are refused, as IAM refuses them. */
  public static void checkUnique(List<Tag> tags) {
    List<String> seen = new ArrayList<>();
    for (Tag t : tags) {
      String k = t.key().toLowerCase(Locale.ROOT);
      if (seen.contains(k)) {
        throw IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
      seen.add(k);
    }
  }
}
