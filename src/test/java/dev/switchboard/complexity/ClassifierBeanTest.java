package dev.switchboard.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;

/** The running gateway's classifier bean, as the router will get it, with the default configuration. */
@QuarkusTest
class ClassifierBeanTest {

    @Inject
    ComplexityClassifier classifier;

    @Test
    void theDefaultBeanIsTheLearnedClassifier() {
        assertThat(ClientProxy.unwrap(classifier)).isInstanceOf(LearnedClassifier.class);
    }
}
