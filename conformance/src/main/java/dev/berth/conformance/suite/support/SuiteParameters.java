package dev.berth.conformance.suite.support;

import dev.berth.conformance.suite.SuiteConfig;
import java.lang.reflect.Method;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the checks what they work with: the {@link SuiteConfig} (read once per run from the
 * configuration parameters), the {@link RegistryClient}, and a {@link TestRepository} of their
 * own. A check method gets a repository for itself; a {@code @BeforeAll} method gets one for the
 * whole class. JUnit closes each repository, deleting what was pushed to it, when its owner ends.
 */
public final class SuiteParameters implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SuiteParameters.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SuiteConfig.class || type == RegistryClient.class || type == TestRepository.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SuiteConfig.class) {
            return config(context);
        }
        if (type == RegistryClient.class) {
            return client(context);
        }
        // Keyed by the context's id: stores fall back to their parents', and a check must not get its class's
        // repository.
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        context.getUniqueId(),
                        ignored -> new TestRepository(repositoryName(context), client(context), config(context)),
                        TestRepository.class);
    }

    static SuiteConfig config(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        SuiteConfig.class,
                        ignored -> SuiteConfig.fromParameters(context::getConfigurationParameter),
                        SuiteConfig.class);
    }

    private static RegistryClient client(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        RegistryClient.class,
                        ignored -> new RegistryClient(
                                config(context).url(), config(context).credentials()),
                        RegistryClient.class);
    }

    /**
     * {@code <namespace>/<check-class>[-<check>]-<run id>}: readable in the registry's logs, and
     * distinct per check and per run.
     */
    private static String repositoryName(ExtensionContext context) {
        SuiteConfig config = config(context);
        StringBuilder name = new StringBuilder(config.namespace())
                .append('/')
                .append(kebab(context.getRequiredTestClass().getSimpleName()));
        context.getTestMethod()
                .map(Method::getName)
                .ifPresent(method -> name.append('-').append(kebab(method)));
        return name.append('-').append(config.runId()).toString();
    }

    /** {@code PullManifestChecks} → {@code pull-manifest-checks}: the spec's repository name grammar. */
    static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
