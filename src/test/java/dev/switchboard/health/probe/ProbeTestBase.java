package dev.switchboard.health.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.switchboard.health.ProbeState;
import dev.switchboard.health.ProbeStatus;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;

/**
 * What the probe tests share: each provider's model-list endpoint on the emulator, a way to have
 * every provider probed at the next tick, and reading what the probes found.
 */
abstract class ProbeTestBase extends GatewayTestBase {

    static final String OPENAI_MODELS = ProviderEmulator.OPENAI + "/models";
    static final String COMPATIBLE_MODELS = ProviderEmulator.COMPATIBLE + "/models";
    static final String ANTHROPIC_MODELS = ProviderEmulator.ANTHROPIC + "/v1/models";
    static final String GEMINI_MODELS = ProviderEmulator.GEMINI + "/v1beta/models";

    /** A few ticks and a probe timeout, with room for a slow machine. */
    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ProviderProber prober;

    @Inject
    RouteAvailability registry;

    /** When the test last made every provider due: probes from before (a test's leftovers) are not counted. */
    private Date probedFrom = new Date(0);

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text(fixture));
    }

    void stubModels(String path, ResponseDefinitionBuilder response) {
        emulator.stubFor(get(urlPathEqualTo(path)).willReturn(response));
    }

    /** Every provider answers its model list as its API reference shows it. */
    void everyModelListAnswers() {
        stubModels(OPENAI_MODELS, json(200, "openai/models-list.json"));
        stubModels(COMPATIBLE_MODELS, json(200, "openai/models-list-vllm.json"));
        stubModels(ANTHROPIC_MODELS, json(200, "anthropic/models-list.json"));
        stubModels(GEMINI_MODELS, json(200, "gemini/models-list.json"));
    }

    /** Every provider is probed at the next tick, whatever its interval; {@link #probes} counts from here. */
    void probeNow() {
        countProbesFromNow();
        prober.reset();
    }

    void countProbesFromNow() {
        probedFrom = new Date();
    }

    /** The probes the emulator received on a model-list path since {@link #probeNow} or {@link #countProbesFromNow}. */
    List<LoggedRequest> probes(String path) {
        return emulator.findAll(getRequestedFor(urlPathEqualTo(path))).stream()
                .filter(request -> !request.getLoggedDate().before(probedFrom))
                .toList();
    }

    ProbeStatus probe(ProviderId provider) {
        return registry.providers().stream().filter(status -> status.provider().equals(provider)).findFirst()
                .orElseThrow().probe();
    }

    void awaitState(ProviderId provider, ProbeState state) {
        await().atMost(WAIT).until(() -> probe(provider).state() == state);
    }
}
