package dev.gatehouse.eks.mapping;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the three aws-auth values the way aws-iam-authenticator's {@code ParseMap} does: each value is YAML
 * (YAML 1.1 scalars, like gopkg.in/yaml.v2); {@code mapRoles}/{@code mapUsers} go through YAML→JSON and Go's
 * {@code json.Unmarshal}, so field names match case-insensitively (the last of several spellings wins), unknown
 * fields are ignored, {@code null} leaves a field empty and a number where a string belongs is an error;
 * {@code mapAccounts} goes straight to a {@code []string}, so any scalar is taken as written.
 *
 * <p>One instance per parse (it collects issues).
 */
final class AwsAuthParser {
  static final String MAP_ROLES = "mapRoles";
  static final String MAP_USERS = "mapUsers";
  static final String MAP_ACCOUNTS = "mapAccounts";
  private static final List<String> MAPPING_KEYS = List.of(MAP_ROLES, MAP_USERS, MAP_ACCOUNTS);
  private static final Set<String> SKIPPABLE = Set.of("", "``", "\"\"", "''");
  private static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{12}$");
  private static final Pattern PERMISSION_SET_NAME = Pattern.compile("^[\\w+=,.@-]{1,32}$");
  private static final Set<String> PARTITIONS =
      Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");

  private final List<ConfigIssue> errors = new ArrayList<>();
  private final List<ConfigIssue> warnings = new ArrayList<>();

  static boolean isMappingKey(String key) {
    return MAPPING_KEYS.stream().anyMatch(k -> k.equalsIgnoreCase(key));
  }

  ParseResult parse(Map<String, String> data) {
    for (String key : data.keySet()) {
      for (String known : MAPPING_KEYS) {
        if (!known.equals(key) && known.equalsIgnoreCase(key)) {
          warnings.add(ConfigIssue.at("data." + key,
              "key is not read: keys are case-sensitive, did you mean \"" + known + "\"?"));
        }
      }
    }
    List<RoleMapping> roles = readList(data, MAP_ROLES, this::role);
    List<UserMapping> users = readList(data, MAP_USERS, this::user);
    Set<String> accounts = accounts(data);
    if (!errors.isEmpty()) {
      return new ParseResult.Malformed(errors);
    }
    return new ParseResult.Parsed(new AwsAuthConfig(
        lastWins(roles, RoleMapping::key, MAP_ROLES), lastWins(users, UserMapping::key, MAP_USERS), accounts),
        warnings);
  }

  private <T> List<T> readList(Map<String, String> data, String key, BiFunction<Node, String, T> entry) {
    String field = "data." + key;
    Node root = compose(data, key);
    if (root == null || isNull(root)) {
      return List.of();
    }
    if (!(root instanceof SequenceNode seq)) {
      error(field, root, "expected a list, got " + kind(root));
      return List.of();
    }
    List<T> out = new ArrayList<>();
    List<Node> items = seq.getValue();
    for (int i = 0; i < items.size(); i++) {
      T value = entry.apply(items.get(i), field + "[" + i + "]");
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  private Set<String> accounts(Map<String, String> data) {
    String field = "data." + MAP_ACCOUNTS;
    Node root = compose(data, MAP_ACCOUNTS);
    if (root == null || isNull(root)) {
      return Set.of();
    }
    if (!(root instanceof SequenceNode seq)) {
      error(field, root, "expected a list of account IDs, got " + kind(root));
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    List<Node> items = seq.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (item instanceof ScalarNode s) {
        if (!isNull(s) && !s.getValue().isEmpty()) {
          out.add(s.getValue());
        }
      } else {
        error(field + "[" + i + "]", item, "expected an account ID, got " + kind(item));
      }
    }
    return out;
  }

  /** The value's YAML tree; null when absent, skippable or broken (the error is recorded). */
  private Node compose(Map<String, String> data, String key) {
    String text = data.get(key);
    if (text == null || SKIPPABLE.contains(text.strip())) {
      return null;
    }
    try {
      return new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String message = e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
      errors.add(mark == null ? ConfigIssue.at("data." + key, message)
          : new ConfigIssue("data." + key, mark.getLine() + 1, mark.getColumn() + 1, message));
    } catch (YAMLException e) {
      errors.add(ConfigIssue.at("data." + key, e.getMessage()));
    }
    return null;
  }

  private RoleMapping role(Node node, String path) {
    Map<String, Field> fields = fields(node, path, Set.of("rolearn", "sso", "username", "groups", "userid"));
    if (fields == null) {
      return null;
    }
    String roleArn = string(fields.get("rolearn"));
    SsoMatcher sso = sso(fields.get("sso"));
    String username = string(fields.get("username"));
    List<String> groups = strings(fields.get("groups"));
    String userId = string(fields.get("userid"));
    String invalid = validateRole(roleArn, sso);
    if (invalid != null) {
      warn(path, node, invalid);
      return null;
    }
    return new RoleMapping(roleArn, sso, username, groups, userId);
  }

  private UserMapping user(Node node, String path) {
    Map<String, Field> fields = fields(node, path, Set.of("userarn", "username", "groups", "userid"));
    if (fields == null) {
      return null;
    }
    String userArn = string(fields.get("userarn"));
    String username = string(fields.get("username"));
    List<String> groups = strings(fields.get("groups"));
    String userId = string(fields.get("userid"));
    if (userArn.isEmpty()) {
      warn(path, node, "value for userarn must be supplied");
      return null;
    }
    return new UserMapping(userArn, username, groups, userId);
  }

  private SsoMatcher sso(Field field) {
    if (field == null || isNull(field.node())) {
      return null;
    }
    Map<String, Field> fields = fields(field.node(), field.path(), Set.of("permissionsetname", "accountid", "partition"));
    if (fields == null) {
      return null;
    }
    return new SsoMatcher(string(fields.get("permissionsetname")), string(fields.get("accountid")),
        string(fields.get("partition")));
  }

  /** Upstream's {@code RoleMapping.Validate} messages; null when valid. */
  private static String validateRole(String roleArn, SsoMatcher sso) {
    if (roleArn.isEmpty() && sso == null) {
      return "one of rolearn or SSO must be supplied";
    }
    if (!roleArn.isEmpty() && sso != null) {
      return "only one of rolearn or SSO can be supplied";
    }
    if (sso != null) {
      if (!ACCOUNT_ID.matcher(sso.accountId()).matches()) {
        return "AccountID '" + sso.accountId() + "' is not a valid AWS Account ID";
      }
      if (!PERMISSION_SET_NAME.matcher(sso.permissionSetName()).matches()) {
        return "PermissionSetName '" + sso.permissionSetName() + "' is not a valid AWS SSO PermissionSet Name";
      }
      if (!sso.partition().isEmpty() && !PARTITIONS.contains(sso.partition())) {
        return "partition '" + sso.partition() + "' is not a valid AWS partition";
      }
    }
    return null;
  }

  private record Field(Node node, String path) {}

  /**
   * A YAML mapping's fields by lower-cased known name (Go's case-insensitive field match, last one wins);
   * {@code null} node means an empty struct. Returns null (with an error) for anything but a mapping.
   */
  private Map<String, Field> fields(Node node, String path, Set<String> known) {
    Map<String, Field> out = new LinkedHashMap<>();
    if (isNull(node)) {
      return out;
    }
    if (!(node instanceof MappingNode map)) {
      error(path, node, "expected a mapping, got " + kind(node));
      return null;
    }
    for (NodeTuple t : map.getValue()) {
      String name = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
      String lower = name.toLowerCase(Locale.ROOT);
      if (known.contains(lower)) {
        out.put(lower, new Field(t.getValueNode(), path + "." + name));
      } else {
        warn(path + "." + name, t.getKeyNode(), "unknown field is ignored");
      }
    }
    return out;
  }

  /** A Go string field: absent or null is "", a number or boolean is a type error. */
  private String string(Field field) {
    if (field == null || isNull(field.node())) {
      return "";
    }
    Node n = field.node();
    if (n instanceof ScalarNode s && !isNumberOrBool(s)) {
      return s.getValue();
    }
    error(field.path(), n, "expected a string, got " + kind(n));
    return "";
  }

  private List<String> strings(Field field) {
    if (field == null || isNull(field.node())) {
      return List.of();
    }
    if (!(field.node() instanceof SequenceNode seq)) {
      error(field.path(), field.node(), "expected a list of strings, got " + kind(field.node()));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    List<Node> items = seq.getValue();
    for (int i = 0; i < items.size(); i++) {
      out.add(string(new Field(items.get(i), field.path() + "[" + i + "]")));
    }
    return out;
  }

  /** Upstream stores entries in maps keyed by {@code Key()}: a later entry replaces an earlier one. */
  private <T> List<T> lastWins(List<T> entries, Function<T, String> key, String list) {
    Map<String, T> byKey = new LinkedHashMap<>();
    for (T e : entries) {
      String k = key.apply(e);
      if (byKey.remove(k) != null) {
        warnings.add(ConfigIssue.at("data." + list, "duplicate entry for " + k + ": the last one is used"));
      }
      byKey.put(k, e);
    }
    return List.copyOf(byKey.values());
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
  }

  private static boolean isNumberOrBool(ScalarNode s) {
    Tag tag = s.getTag();
    return Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag);
  }

  private static String kind(Node n) {
    if (n instanceof SequenceNode) {
      return "a list";
    }
    if (n instanceof MappingNode) {
      return "a mapping";
    }
    Tag tag = n.getTag();
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return "a number";
    }
    if (Tag.BOOL.equals(tag)) {
      return "a boolean";
    }
    return Tag.NULL.equals(tag) ? "null" : "a string";
  }

  private void error(String field, Node at, String message) {
    errors.add(issue(field, at, message));
  }

  private void warn(String field, Node at, String message) {
    warnings.add(issue(field, at, message));
  }

  private static ConfigIssue issue(String field, Node at, String message) {
    Mark m = at.getStartMark();
    return m == null ? ConfigIssue.at(field, message)
        : new ConfigIssue(field, m.getLine() + 1, m.getColumn() + 1, message);
  }
}
