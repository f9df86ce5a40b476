package dev.switchboard.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.config.ConfigCheck;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderPolicy;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.support.TestConfig;

/** An azure-openai instance names its resource's URL and its key; start-up names what is missing. */
class AzureOpenAiConfigTest {

    private static final String AZURE = "switchboard.providers.azure-eu";

    private static List<String> problems(String... properties) {
        return ConfigCheck.problems(TestConfig.load(TestConfig.seed(properties)));
    }

    private static ProviderInstances instances(String... properties) {
        return ProviderInstances.of(TestConfig.load(TestConfig.seed(properties)));
    }

    @Test
    void anAzureInstanceWithUrlAndKeyIsOfItsType() {
        ProviderInstances instances = instances(AZURE + ".type", "azure-openai",
                AZURE + ".url", "https://my-resource.openai.azure.com",
                AZURE + ".api-key", "0123456789abcdef0123456789abcdef");

        assertThat(instances.named("azure-eu")).contains(new ProviderId("azure-eu", ProviderType.AZURE_OPENAI));
        assertThat(instances.problems()).isEmpty();
    }

    @Test
    void anAzureInstanceWithoutAUrlNamesTheKey() {
        assertThat(problems(AZURE + ".type", "azure-openai", AZURE + ".api-key", "0123456789abcdef"))
                .anySatisfy(p -> assertThat(p).startsWith(AZURE + ".url: missing"));
    }

    @Test
    void anAzureInstanceWithoutAKeyNamesTheKey() {
        assertThat(problems(AZURE + ".type", "azure-openai", AZURE + ".url", "https://my-resource.openai.azure.com"))
                .anySatisfy(p -> assertThat(p).startsWith(AZURE + ".api-key-env: missing"));
    }

    @Test
    void aSimulatedAzureInstanceNeedsNeither() {
        assertThat(problems(AZURE + ".type", "azure-openai", AZURE + ".simulated", "true")).isEmpty();
    }

    @Test
    void anAzureInstanceCannotContinueABrokenStream() {
        assertThat(problems(AZURE + ".type", "azure-openai", AZURE + ".url", "https://my-resource.openai.azure.com",
                AZURE + ".api-key", "0123456789abcdef", AZURE + ".continuation", "true"))
                .anySatisfy(p -> assertThat(p).startsWith(AZURE + ".continuation:"));
    }

    @Test
    void theApiVersionDefaultsByTypeAndIsAnInstanceSetting() {
        var config = TestConfig.load(TestConfig.seed(AZURE + ".type", "azure-openai",
                AZURE + ".url", "https://my-resource.openai.azure.com", AZURE + ".api-key", "k",
                "switchboard.providers.azure-us.type", "azure-openai",
                "switchboard.providers.azure-us.url", "https://my-us-resource.openai.azure.com",
                "switchboard.providers.azure-us.api-key", "k",
                "switchboard.providers.azure-us.api-version", "2025-04-01-preview"));

        assertThat(config.providers().get("azure-eu").apiVersion(ProviderType.AZURE_OPENAI)).isEqualTo("2024-10-21");
        assertThat(config.providers().get("azure-us").apiVersion(ProviderType.AZURE_OPENAI)).isEqualTo("2025-04-01-preview");
        // Anthropic's anthropic-version is the same key, and keeps its own default.
        assertThat(config.providers().get("anthropic").apiVersion(ProviderType.ANTHROPIC)).isEqualTo("2023-06-01");
    }

    @Test
    void theTypeHasNoBuiltInInstanceButItsOwnBackstopsAndGenAiName() {
        assertThat(ProviderId.builtIn("azure-openai")).isEmpty();
        assertThat(instances().all()).noneMatch(instance -> instance.type() == ProviderType.AZURE_OPENAI);
        assertThat(ProviderPolicy.backstopBreakers(ProviderType.AZURE_OPENAI))
                .containsExactly(ProviderPolicy.AZURE_OPENAI_BACKSTOP, ProviderPolicy.AZURE_OPENAI_EMBEDDINGS_BACKSTOP);
        assertThat(ProviderType.AZURE_OPENAI.genAiName()).isEqualTo("azure.ai.openai");
        assertThat(ProviderType.AZURE_OPENAI.speaksOpenAi()).isTrue();
        assertThat(ProviderType.AZURE_OPENAI.canContinue()).isFalse();
        assertThat(ProviderType.AZURE_OPENAI.needsKey()).isTrue();
    }
}
