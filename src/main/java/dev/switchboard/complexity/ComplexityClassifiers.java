package dev.switchboard.complexity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.SwitchboardConfig.ClassifierPolicy;
import io.quarkus.runtime.Startup;

/**
 * Makes the {@link ComplexityClassifier} bean the configuration asks for
 * ({@code switchboard.auto.classifier}, learned by default). It is created at start-up rather than on
 * the first {@code auto} request, so that missing or corrupt weights stop the gateway before it takes
 * traffic, not in the middle of a request.
 */
@ApplicationScoped
public class ComplexityClassifiers {

    @Produces
    @ApplicationScoped
    @Startup
    ComplexityClassifier classifier(SwitchboardConfig config) {
        return forPolicy(config.auto().classifier());
    }

    public static ComplexityClassifier forPolicy(ClassifierPolicy policy) {
        return switch (policy) {
            case LEARNED -> LearnedClassifier.fromResource();
            case KEYWORDS -> new KeywordClassifier();
        };
    }
}
