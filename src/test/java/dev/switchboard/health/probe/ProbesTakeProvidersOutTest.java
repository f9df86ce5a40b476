package dev.switchboard.health.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.health.ProbeState;
import dev.switchboard.health.ProviderStatus;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.LogCapture;
import dev.switchboard.support.ProbeProfile;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Active probes change which providers take requests: one whose model list fails is out before any
 * user request reaches it and back when it answers again; a rejected key takes it out for good; a
 * missing model list changes nothing.
 */
@QuarkusTest
@TestProfile(ProbeProfile.class)
class ProbesTakeProvidersOutTest extends ProbeTestBase {

    private static final String COMPATIBLE_ROUTE = "openai-compatible/llama-3.1-8b";

    private final LogCapture logs = new LogCapture();

    @BeforeEach
    void providersAnswer() {
        logs.start();
        everyModelListAnswers();
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void aProviderFailingItsProbeIsSkippedBeforeAnyRequestAndServesAgainOnceItAnswers() {
        stubModels(OPENAI_MODELS, openAiError(500, "error-server.json"));
        probeNow();

        awaitState(ProviderId.OPENAI, ProbeState.DOWN);
        assertThat(probe(ProviderId.OPENAI).consecutiveFailures()).isGreaterThanOrEqualTo(2);
        assertThat(probe(ProviderId.OPENAI).lastFailure()).hasValueSatisfying(
                failure -> assertThat(failure).contains("server_error 500"));
        assertThat(emulator.findAll(postRequestedFor(anyUrl()))).as("no user request was needed to find out").isEmpty();

        caller().body(chat("gpt-4o", COMPATIBLE_ROUTE)).post("/v1/chat/completions").then()
                .statusCode(200)
                .header("x-switchboard-route", COMPATIBLE_ROUTE)
                .header("x-switchboard-attempts", "1");
        assertThat(calls(OPENAI_CHAT)).as("the provider that is down is never called").isEmpty();

        stubModels(OPENAI_MODELS, json(200, "openai/models-list.json"));
        awaitState(ProviderId.OPENAI, ProbeState.UP);

        caller().body(chat("gpt-4o", COMPATIBLE_ROUTE)).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o");
        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void aProbeWithoutAnswerWithinTheProbeTimeoutCountsAsAFailure() {
        stubModels(OPENAI_MODELS, json(200, "openai/models-list.json").withFixedDelay(4_000));
        probeNow();

        awaitState(ProviderId.OPENAI, ProbeState.DOWN);
        assertThat(probe(ProviderId.OPENAI).lastFailure()).hasValueSatisfying(
                failure -> assertThat(failure).contains("timeout"));
    }

    @Test
    void aModelListThatIsNotTheDocumentedSchemaCountsAsAFailure() {
        stubModels(OPENAI_MODELS, aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Gateway login</body></html>"));
        probeNow();

        awaitState(ProviderId.OPENAI, ProbeState.DOWN);
        assertThat(probe(ProviderId.OPENAI).lastFailure()).hasValueSatisfying(
                failure -> assertThat(failure).startsWith("malformed_response"));
    }

    @Test
    void aRejectedKeyOnTheProbeTakesTheProviderOutWithoutLoggingTheKey() {
        stubModels(OPENAI_MODELS, openAiError(401, "error-invalid-api-key.json"));
        probeNow();

        await().atMost(WAIT).until(() -> registry.keyRejected(ProviderId.OPENAI));
        assertThat(probe(ProviderId.OPENAI).lastFailure()).hasValueSatisfying(
                failure -> assertThat(failure).contains("auth_rejected 401"));

        caller().body(chat("gpt-4o", COMPATIBLE_ROUTE)).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", COMPATIBLE_ROUTE);
        assertThat(calls(OPENAI_CHAT)).isEmpty();
        assertThat(logs.text()).contains("openai rejected its key on the health probe")
                .doesNotContain(ProviderEmulator.OPENAI_KEY);
    }

    @Test
    void aMissingModelListLeavesTheProviderAvailable() {
        stubModels(OPENAI_MODELS, openAiError(404, "error-not-found.json"));
        probeNow();
        awaitState(ProviderId.OPENAI, ProbeState.UNSUPPORTED);

        // As many 404s in a row as would mark the provider down if they were failures.
        Instant first = probe(ProviderId.OPENAI).lastProbeAt().orElseThrow();
        probeNow();
        await().atMost(WAIT).until(() -> probe(ProviderId.OPENAI).lastProbeAt().orElseThrow().isAfter(first));
        assertThat(probe(ProviderId.OPENAI).state()).isEqualTo(ProbeState.UNSUPPORTED);

        assertThat(probe(ProviderId.OPENAI).consecutiveFailures()).isZero();
        assertThat(registry.keyRejected(ProviderId.OPENAI)).isFalse();
        caller().body(chat("gpt-4o", COMPATIBLE_ROUTE)).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o");
        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void aProviderThatIsDownIsProbedAtTheRecoveryInterval() {
        stubModels(OPENAI_MODELS, openAiError(503, "error-overloaded.json"));
        probeNow();
        awaitState(ProviderId.OPENAI, ProbeState.DOWN);
        awaitState(ProviderId.ANTHROPIC, ProbeState.UP);

        countProbesFromNow();
        // The interval is an hour; only the recovery interval (1 s) can bring these.
        await().atMost(WAIT).until(() -> probes(OPENAI_MODELS).size() >= 4);
        assertThat(probes(ANTHROPIC_MODELS)).as("a provider that is up waits its ordinary interval").isEmpty();
        assertThat(probe(ProviderId.OPENAI).state()).isEqualTo(ProbeState.DOWN);
        assertThat(registry.providers()).filteredOn(status -> status.provider().equals(ProviderId.OPENAI))
                .singleElement().extracting(ProviderStatus::breaker)
                .as("six failed probes, more than the breaker's window, count nowhere in the breaker")
                .isEqualTo(CircuitBreakerState.CLOSED);
    }
}
