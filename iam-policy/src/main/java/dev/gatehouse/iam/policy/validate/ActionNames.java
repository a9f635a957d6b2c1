package dev.gatehouse.iam.policy.validate;

/** The Action / NotAction name checks: {@code vendor:action}, one colon, vendor characters [a-zA-Z0-9-.]. */
final class ActionNames {
  private ActionNames() {}

  /** The message for a malformed action name, or null. */
  static String problem(String action) {
    String[] parts = action.split(":", -1);
    if (parts.length == 1 && !parts[0].equals("*")) {
      return MalformedMessages.ACTION_VENDOR_PREFIX;
    }
    if (parts.length > 2) {
      return MalformedMessages.ACTION_ONE_COLON;
    }
    String vendor = parts[0];
    if (!vendor.equals("*")) {
      for (int i = 0; i < vendor.length(); i++) {
        char c = vendor.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.';
        if (!ok) {
          return MalformedMessages.vendorNotValid(vendor);
        }
      }
    }
    return null;
  }
}
