package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.TestConfig;

/**
 * Embedding routes are checked at start-up like chat routes, each problem naming its key; above all, a
 * fallback must be the same model with the same dimensions, so no request can get vectors of two spaces.
 */
class EmbeddingsConfigCheckTest {

    private static Map<String, String> twoSpaces(String... overrides) {
        Map<String, String> properties = TestConfig.seed(
                "switchboard.embedding-routes.small.provider", "openai",
                "switchboard.embedding-routes.small.model", "text-embedding-3-small",
                "switchboard.embedding-routes.small.dimensions", "1536",
                "switchboard.embedding-routes.small-backup.provider", "openai-compatible",
                "switchboard.embedding-routes.small-backup.model", "text-embedding-3-small",
                "switchboard.embedding-routes.small-backup.dimensions", "1536",
                "switchboard.embedding-routes.gemini.provider", "gemini",
                "switchboard.embedding-routes.gemini.model", "gemini-embedding-001",
                "switchboard.embedding-routes.gemini.dimensions", "768");
        for (int i = 0; i < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        return properties;
    }

    @Test
    void aFallbackOfTheSameModelAndDimensionsIsValid() {
        assertThat(ConfigCheck.problems(TestConfig.load(twoSpaces(
                "switchboard.embedding-routes.small.fallbacks", "small-backup")))).isEmpty();
    }

    @Test
    void aFallbackToAnotherModelIsRefusedNamingTheKey() {
        assertThat(ConfigCheck.problems(TestConfig.load(twoSpaces(
                "switchboard.embedding-routes.small.fallbacks", "small-backup,gemini"))))
                .singleElement().asString()
                .startsWith("switchboard.embedding-routes.small.fallbacks[1]: 'gemini' returns gemini-embedding-001 vectors"
                        + " of 768 dimensions, not text-embedding-3-small vectors of 1536")
                .contains("same model with the same dimensions");
    }

    @Test
    void aFallbackOfTheSameModelWithOtherDimensionsIsRefused() {
        assertThat(ConfigCheck.problems(TestConfig.load(twoSpaces(
                "switchboard.embedding-routes.small.fallbacks", "small-backup",
                "switchboard.embedding-routes.small-backup.dimensions", "512"))))
                .singleElement().asString()
                .startsWith("switchboard.embedding-routes.small.fallbacks[0]: 'small-backup' returns text-embedding-3-small"
                        + " vectors of 512 dimensions");
    }

    @Test
    void theShippedRoutesDoNotFailOverToEachOther() {
        // As application.properties ships them: each alone in its vector space.
        Map<String, String> shipped = TestConfig.seed(
                "switchboard.embedding-routes.text-embedding-3-small.provider", "openai",
                "switchboard.embedding-routes.text-embedding-3-small.model", "text-embedding-3-small",
                "switchboard.embedding-routes.text-embedding-3-small.dimensions", "1536",
                "switchboard.embedding-routes.gemini-embedding-001.provider", "gemini",
                "switchboard.embedding-routes.gemini-embedding-001.model", "gemini-embedding-001",
                "switchboard.embedding-routes.gemini-embedding-001.dimensions", "768",
                "switchboard.embedding-routes.gemini-embedding-001.fallbacks", "text-embedding-3-small");
        assertThat(ConfigCheck.problems(TestConfig.load(shipped))).singleElement().asString()
                .startsWith("switchboard.embedding-routes.gemini-embedding-001.fallbacks[0]:");
    }

    @Test
    void everyReferenceAndNumberIsChecked() {
        var config = TestConfig.load(twoSpaces(
                "switchboard.embedding-routes.small.fallbacks", "nowhere",
                "switchboard.embedding-routes.small.dimensions", "0",
                "switchboard.embedding-routes.small.input-price", "-1",
                "switchboard.embedding-routes.small.timeout", "0s",
                "switchboard.embedding-routes.claude.provider", "anthropic",
                "switchboard.embedding-routes.claude.model", "claude",
                "switchboard.embedding-routes.claude.dimensions", "8",
                "switchboard.embedding-routes.gpt-4o.provider", "openai",
                "switchboard.embedding-routes.gpt-4o.model", "text-embedding-3-large",
                "switchboard.embedding-routes.gpt-4o.dimensions", "3072"));

        assertThat(ConfigCheck.problems(config))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.embedding-routes.small.fallbacks[0]: 'nowhere' is not a configured embedding route"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.embedding-routes.small.dimensions: must be positive"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.embedding-routes.small.input-price:"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.embedding-routes.small.timeout:"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.embedding-routes.claude.provider: anthropic has no embeddings API"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.embedding-routes.gpt-4o: 'gpt-4o' is also a chat route"));
    }

    @Test
    void dimensionsAreRequired() {
        assertThatThrownBy(() -> TestConfig.load(TestConfig.seed(
                "switchboard.embedding-routes.small.provider", "openai",
                "switchboard.embedding-routes.small.model", "text-embedding-3-small")))
                .hasMessageContaining("switchboard.embedding-routes.small.dimensions");
    }

    @Test
    void aRouteOnADisabledProviderIsRefused() {
        assertThat(ConfigCheck.problems(TestConfig.load(twoSpaces("switchboard.providers.gemini.enabled", "false"))))
                .containsExactly("switchboard.embedding-routes.gemini.provider: provider 'gemini' is disabled "
                        + "(switchboard.providers.gemini.enabled=false)");
    }
}
