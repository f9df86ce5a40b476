package dev.switchboard.health.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.switchboard.health.ProbeState;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.ProbeProfile;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What each provider's probe sends: a GET of its model list, as its API reference documents it,
 * with the key where a completion carries it, asking for as little as the API allows; never a
 * completion.
 */
@QuarkusTest
@TestProfile(ProbeProfile.class)
class ProbeRequestsTest extends ProbeTestBase {

    @BeforeEach
    void everyProviderIsProbedOnce() {
        everyModelListAnswers();
        probeNow();
        for (ProviderId provider : ProviderId.BUILT_IN) {
            awaitState(provider, ProbeState.UP);
        }
    }

    @Test
    void openAiIsAskedForItsModelsWithABearerKey() {
        List<LoggedRequest> probes = probes(OPENAI_MODELS);
        assertThat(probes).isNotEmpty().allSatisfy(probe -> {
            assertThat(probe.getHeader("Authorization")).isEqualTo("Bearer " + ProviderEmulator.OPENAI_KEY);
            assertThat(probe.getBodyAsString()).isEmpty();
        });
    }

    @Test
    void anOpenAiCompatibleServerIsAskedForItsModelsWithItsOwnKey() {
        assertThat(probes(COMPATIBLE_MODELS)).isNotEmpty().allSatisfy(probe ->
                assertThat(probe.getHeader("Authorization")).isEqualTo("Bearer " + ProviderEmulator.COMPATIBLE_KEY));
    }

    @Test
    void anthropicIsAskedForOneModelWithItsKeyAndVersionHeaders() {
        assertThat(probes(ANTHROPIC_MODELS)).isNotEmpty().allSatisfy(probe -> {
            assertThat(probe.getHeader("x-api-key")).isEqualTo(ProviderEmulator.ANTHROPIC_KEY);
            assertThat(probe.getHeader("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(probe.queryParameter("limit").firstValue()).isEqualTo("1");
            assertThat(probe.containsHeader("Authorization")).isFalse();
        });
    }

    @Test
    void geminiIsAskedForOneModelWithTheKeyInAHeaderNeverInTheUrl() {
        assertThat(probes(GEMINI_MODELS)).isNotEmpty().allSatisfy(probe -> {
            assertThat(probe.getHeader("x-goog-api-key")).isEqualTo(ProviderEmulator.GEMINI_KEY);
            assertThat(probe.queryParameter("pageSize").firstValue()).isEqualTo("1");
            assertThat(probe.queryParameter("key").isPresent()).isFalse();
            assertThat(probe.getUrl()).doesNotContain(ProviderEmulator.GEMINI_KEY);
        });
    }

    @Test
    void probesAreGetsOfModelListsAndNeverCompletions() {
        assertThat(emulator.findAll(postRequestedFor(anyUrl()))).isEmpty();
        assertThat(emulator.getAllServeEvents()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getRequest().getMethod().getName()).isEqualTo("GET");
            assertThat(event.getRequest().getUrl()).matches(".*/models(\\?.*)?");
        });
        for (ProviderId provider : ProviderId.BUILT_IN) {
            assertThat(probe(provider).lastLatency()).as(provider + " latency").isPresent();
        }
    }
}
