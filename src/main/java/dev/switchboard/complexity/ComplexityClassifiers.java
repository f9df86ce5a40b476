package dev.switchboard.complexity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** The classifier {@code model: "auto"} uses, unless another bean provides one. */
public class ComplexityClassifiers {

    @Produces
    @DefaultBean
    @ApplicationScoped
    ComplexityClassifier keywords() {
        return new KeywordClassifier();
    }
}
