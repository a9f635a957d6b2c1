package dev.gatehouse.kube.jwt.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Optional;

/**
 * The CEL environment of kube-apiserver's structured authentication ({@code pkg/authentication/cel}): one
 * environment with {@code claims} ({@code map(string, dyn)}) for claim mappings and claim validation rules, one
 * with {@code user} (the {@code kubernetes.UserInfo} object type) for user validation rules.
 *
 * <p>Libraries: the CEL standard library with macros, optional types ({@code claims.?email.orValue("")}), the
 * strings extension and the sets extension ({@code sets.equivalent}), with cross-type numeric comparisons and
 * homogeneous aggregate literals as in the Kubernetes base environment. The Kubernetes-specific libraries (url,
 * regex find, quantity, ip, cidr, semver, Kubernetes list functions) are not available.
 *
 * <p>Instances are immutable and thread-safe; {@link #shared()} is the one to use: environments are costly to
 * build.
 */
public final class AuthCel {

    /** The variable an expression may use. */
    public enum Variable {
        CLAIMS("claims"), USER("user");

        private final String celName;

        Variable(String celName) {
            this.celName = celName;
        }

        public String celName() {
            return celName;
        }
    }

    /** What the expression must evaluate to at compile time (upstream's {@code ReturnTypes}). */
    public enum ReturnType { ANY, BOOL }

    /** Upstream bounds evaluation by cost; bounding comprehension iterations serves the same purpose here. */
    private static final int MAX_COMPREHENSION_ITERATIONS = 1_000_000;

    private static final AuthCel SHARED = new AuthCel();

    private final CelCompiler claimsCompiler;
    private final CelCompiler userCompiler;
    private final CelRuntime runtime;

    private AuthCel() {
        CelOptions options = CelOptions.current()
                .enableOptionalSyntax(true)
                .enableHeterogeneousNumericComparisons(true)
                .enableHomogeneousLiterals(true)
                .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                .build();
        StructType userType = userInfoType();
        CelTypeProvider types = new CelTypeProvider() {
            @Override
            public ImmutableCollection<CelType> types() {
                return ImmutableList.of(userType);
            }

            @Override
            public Optional<CelType> findType(String typeName) {
                return userType.name().equals(typeName) ? Optional.of(userType) : Optional.empty();
            }
        };
        this.claimsCompiler = compilerBuilder(options)
                .addVar(Variable.CLAIMS.celName(), MapType.create(SimpleType.STRING, SimpleType.DYN))
                .build();
        this.userCompiler = compilerBuilder(options)
                .setTypeProvider(types)
                .addVar(Variable.USER.celName(), userType)
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(CelExtensions.optional(), CelExtensions.strings(), CelExtensions.sets(options))
                .build();
    }

    private static dev.cel.compiler.CelCompilerBuilder compilerBuilder(CelOptions options) {
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.optional(), CelExtensions.strings(), CelExtensions.sets(options));
    }

    /** {@code kubernetes.UserInfo}: the shape of authentication.k8s.io/v1 UserInfo. */
    private static StructType userInfoType() {
        return StructType.create("kubernetes.UserInfo", ImmutableSet.of("username", "uid", "groups", "extra"),
                field -> switch (field) {
                    case "username", "uid" -> Optional.of(SimpleType.STRING);
                    case "groups" -> Optional.of(ListType.create(SimpleType.STRING));
                    case "extra" -> Optional.of(MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)));
                    default -> Optional.empty();
                });
    }

    public static AuthCel shared() {
        return SHARED;
    }

    /** Compiles (parses and type-checks) an expression; failures carry upstream's validation detail. */
    public CompileOutcome compile(Variable variable, String expression, ReturnType returnType) {
        CelCompiler compiler = variable == Variable.CLAIMS ? claimsCompiler : userCompiler;
        CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(expression).getAst();
        } catch (CelValidationException e) {
            return new CompileOutcome.Failed(CompileOutcome.Kind.INVALID, "compilation failed: " + e.getMessage());
        }
        if (returnType == ReturnType.BOOL && !ast.getResultType().equals(SimpleType.BOOL)) {
            return new CompileOutcome.Failed(CompileOutcome.Kind.INVALID, "must evaluate to bool");
        }
        try {
            return new CompileOutcome.Compiled(new CompiledExpression(expression, variable, ast,
                    runtime.createProgram(ast)));
        } catch (CelEvaluationException e) {
            return new CompileOutcome.Failed(CompileOutcome.Kind.INTERNAL,
                    "program instantiation failed: " + e.getMessage());
        }
    }
}
