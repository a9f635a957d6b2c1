package dev.gatehouse.aws.testing;

import dev.gatehouse.aws.api.AwsException;
import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationRegistry;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.auth.AwsManagedPolicies;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.CredentialResolver;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.auth.PolicyStore;
import dev.gatehouse.aws.auth.RequestFacts;
import dev.gatehouse.aws.auth.SessionTokens;
import dev.gatehouse.aws.bootstrap.AccountBootstrap;
import dev.gatehouse.aws.iam.IamServices;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.server.AwsAssembly;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.protocol.QueryParse;
import dev.gatehouse.aws.protocol.QueryRequest;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.aws.sts.SessionIssuer;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The AWS endpoint's domain layer assembled in-process for tests, without the HTTP listener or SigV4: a real
 * {@link SqliteStore} in a temporary directory, the mirrored {@link AwsState} with its bootstrap account and
 * administrator, the policy engine, and the IAM operations that build fixtures (CreateUser, PutUserPolicy, …).
 * {@link #call} runs an action as {@code AwsApi} does: authorise the operation's target for the caller, then run it.
 *
 * <pre>{@code
 * try (AwsTestKit kit = AwsTestKit.start()) {
 *   kit.register(new MyOperations(kit.iam()).specs());
 *   kit.call(kit.admin(), "CreateUser", "UserName", "alice");
 *   Map<String, Object> out = Nodes.struct(kit.call(kit.admin(), "MyAction", "Param", "value"));
 * }
 * }</pre>
 */
public final class AwsTestKit implements AutoCloseable {
  public static final String ACCOUNT = "123456789012";
  public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private final Path dir;
  private final SqliteStore store;
  private final AwsState state;
  private final MutableClock clock = new MutableClock(START);
  private final PolicyStore policies;
  private final IamAuthorizer authorizer;
  private final IamServices iam;
  private final byte[] sessionKey;
  private final SessionTokens tokens;
  private final SessionIssuer issuer;
  private final OperationRegistry registry = new OperationRegistry();

  private AwsTestKit(Path dir) {
    this.dir = dir;
    this.store = SqliteStore.open(dir);
    this.state = AwsState.open(store);
    this.sessionKey = AccountBootstrap.sessionKey(state);
    this.tokens = new SessionTokens(sessionKey);
    AccountBootstrap.ensureAccount(state, ACCOUNT, START);
    this.policies = new PolicyStore(state, AwsManagedPolicies.load());
    this.authorizer = new IamAuthorizer(state, policies);
    this.iam = new IamServices(state, policies, clock);
    this.issuer = new SessionIssuer(() -> tokens);
    registry.register(AwsAssembly.iamEntityOperations(iam));
  }

  /** A kit over a fresh store in a new temporary directory, deleted again by {@link #close}. */
  public static AwsTestKit start() {
    try {
      return new AwsTestKit(Files.createTempDirectory("gatehouse-aws-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the operations under test (those the kit registers already: the IAM entity actions). */
  public AwsTestKit register(Collection<OperationSpec> specs) {
    registry.register(specs);
    return this;
  }

  public AwsState state() {
    return state;
  }

  public PolicyStore policies() {
    return policies;
  }

  public IamAuthorizer authorizer() {
    return authorizer;
  }

  public IamServices iam() {
    return iam;
  }

  public MutableClock clock() {
    return clock;
  }

  /** The 32-byte key session tokens are sealed with (what AwsEndpoint reads from the store). */
  public byte[] sessionKey() {
    return sessionKey.clone();
  }

  public SessionTokens tokens() {
    return tokens;
  }

  public SessionIssuer issuer() {
    return issuer;
  }

  /** The bootstrap administrator (AdministratorAccess) signing with a long-term key. */
  public Caller admin() {
    return user(AccountBootstrap.ADMIN_USER);
  }

  /** An existing IAM user of the account as a caller with a long-term key. */
  public Caller user(String name) {
    User u = state.get(AwsKeys.user(ACCOUNT, name), User.class).map(AwsState.Versioned::value)
        .orElseThrow(() -> new IllegalArgumentException("no user " + name));
    return new Caller.UserCaller(u, "AKIATESTKIT000000000");
  }

  /** The caller temporary credentials stand for, as SigV4 authentication would resolve them. */
  public Caller sessionCaller(String accessKeyId, String sessionToken) {
    CredentialResolver.Resolution r = new CredentialResolver(state, () -> tokens)
        .resolve(accessKeyId, Optional.of(sessionToken), clock.instant());
    if (r instanceof CredentialResolver.Resolved resolved) {
      return resolved.caller();
    }
    throw new AssertionError("credentials refused: " + ((CredentialResolver.Refused) r).reason());
  }

  /** Runs {@code action} as {@code caller}; parameters as name/value pairs. Throws the AwsException the caller gets. */
  public Node call(Caller caller, String action, String... namesAndValues) {
    return call(caller, action, pairs(namesAndValues));
  }

  public Node call(Caller caller, String action, Map<String, String> parameters) {
    OperationSpec spec = registry.find(action).orElseThrow(() -> new IllegalArgumentException("not registered: " + action));
    return run(spec, caller, parameters);
  }

  /** Runs an operation that need not be registered (e.g. one built with a different collaborator). */
  public Node run(OperationSpec spec, Caller caller, Map<String, String> parameters) {
    if (caller == null && spec.signed()) {
      throw new IllegalArgumentException(spec.action() + " needs a caller");
    }
    OperationContext ctx = new OperationContext(caller, new Params(query(spec.action(), parameters)),
        UUID.randomUUID().toString(), clock.instant(), "us-east-1", "127.0.0.1", false);
    if (spec.target() != null) {
      Target target = spec.target().apply(ctx);
      IamAuthorizer.Outcome outcome = authorizer.authorize(caller, target.action(), target.resource(),
          target.conditionKeys(), new RequestFacts(ctx.now(), ctx.sourceIp(), ctx.secureTransport(), ctx.region()));
      if (!outcome.allowed()) {
        throw new AwsException(AwsError.accessDenied(outcome.message()));
      }
    }
    return spec.operation().run(ctx);
  }

  /** Runs an unsigned action (AssumeRoleWithWebIdentity). */
  public Node callUnsigned(String action, Map<String, String> parameters) {
    return call(null, action, parameters);
  }

  /** The error {@link #call} fails with; fails the test when it succeeds. */
  public AwsError error(Caller caller, String action, Map<String, String> parameters) {
    try {
      call(caller, action, parameters);
    } catch (AwsException e) {
      return e.error();
    }
    throw new AssertionError(action + " succeeded but was expected to fail");
  }

  public static Map<String, String> pairs(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("parameters come as name/value pairs");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return out;
  }

  private static QueryRequest query(String action, Map<String, String> parameters) {
    StringBuilder raw = new StringBuilder("Action=").append(encode(action));
    parameters.forEach((k, v) -> raw.append('&').append(encode(k)).append('=').append(encode(v)));
    QueryParse parsed = QueryRequest.parse(new HttpRequestView("POST", "/", raw.toString(), Headers.empty(), null));
    if (parsed instanceof QueryParse.Parsed p) {
      return p.request();
    }
    throw new IllegalArgumentException("parameters do not form a Query request: " + ((QueryParse.Malformed) parsed).error());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    state.close();
    try {
      store.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
