package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.config.ConfigCheck;
import dev.switchboard.support.TestConfig;

/** Which instances a configuration names, and the start-up errors that name the key to fix. */
class ProviderInstancesTest {

    private static List<String> problems(String... properties) {
        return ConfigCheck.problems(TestConfig.load(TestConfig.seed(properties)));
    }

    private static ProviderInstances instances(String... properties) {
        return ProviderInstances.of(TestConfig.load(TestConfig.seed(properties)));
    }

    @Test
    void theFourBuiltInInstancesAreAlwaysThereUnderTheirTypesNames() {
        assertThat(instances().all()).containsExactlyInAnyOrderElementsOf(ProviderId.BUILT_IN);
        assertThat(instances().named("openai")).contains(ProviderId.OPENAI);
    }

    @Test
    void anyNumberOfOpenAiCompatibleInstancesSitSideBySide() {
        ProviderInstances instances = instances(
                "switchboard.providers.vllm.type", "openai-compatible",
                "switchboard.providers.vllm.url", "http://vllm:8000/v1",
                "switchboard.providers.ollama.type", "openai-compatible",
                "switchboard.providers.ollama.url", "http://ollama:11434/v1",
                "switchboard.providers.openai-eu.type", "openai",
                "switchboard.providers.openai-eu.api-key", "sk-eu");

        assertThat(instances.named("vllm")).contains(new ProviderId("vllm", ProviderType.OPENAI_COMPATIBLE));
        assertThat(instances.named("ollama")).contains(new ProviderId("ollama", ProviderType.OPENAI_COMPATIBLE));
        assertThat(instances.named("openai-eu")).contains(new ProviderId("openai-eu", ProviderType.OPENAI));
        assertThat(instances.problems()).isEmpty();
    }

    @Test
    void anUnknownTypeNamesTheKey() {
        assertThat(problems("switchboard.providers.bedrock.type", "aws-bedrock-v9",
                "switchboard.providers.bedrock.url", "http://x"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.providers.bedrock.type: unknown type 'aws-bedrock-v9'"));
    }

    @Test
    void anInstanceWithoutATypeNamesTheKey() {
        assertThat(problems("switchboard.providers.groq.url", "https://api.groq.com/openai/v1"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.providers.groq.type: missing"));
    }

    @Test
    void aSelfHostedInstanceWithoutAUrlNamesTheKey() {
        assertThat(problems("switchboard.providers.vllm.type", "openai-compatible"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.providers.vllm.url: missing"));
        // Simulated on purpose: no URL needed.
        assertThat(problems("switchboard.providers.vllm.type", "openai-compatible",
                "switchboard.providers.vllm.simulated", "true")).isEmpty();
    }

    @Test
    void aKeyVariableThatIsNotSetNamesTheKeyAndTheVariable() {
        assertThat(problems("switchboard.providers.groq.type", "openai-compatible",
                "switchboard.providers.groq.url", "https://api.groq.com/openai/v1",
                "switchboard.providers.groq.api-key-env", "SWITCHBOARD_TEST_UNSET_VARIABLE_7"))
                .anySatisfy(p -> assertThat(p).isEqualTo("switchboard.providers.groq.api-key-env: the environment variable "
                        + "SWITCHBOARD_TEST_UNSET_VARIABLE_7 is not set"));
    }

    @Test
    void aHostedApiInstanceWithoutAnyKeyNamesTheKey() {
        assertThat(problems("switchboard.providers.openai-eu.type", "openai"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.providers.openai-eu.api-key-env: missing"));
    }

    @Test
    void aBuiltInNameKeepsItsType() {
        assertThat(problems("switchboard.providers.openai.type", "anthropic"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.providers.openai.type: 'openai' is the built-in"));
    }

    @Test
    void aRouteOnAnInstanceThatCannotContinueMayNotAskToContinue() {
        assertThat(problems("switchboard.providers.vllm.type", "openai-compatible",
                "switchboard.providers.vllm.url", "http://vllm:8000/v1",
                "switchboard.providers.vllm.continuation", "false",
                "switchboard.routes.local.provider", "vllm",
                "switchboard.routes.local.model", "llama",
                "switchboard.routes.local.input-price", "0",
                "switchboard.routes.local.output-price", "0",
                "switchboard.routes.local.continuation", "true"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.local.continuation:"));
    }

    @Test
    void aTimeoutAboveTheBackstopNamesTheKey() {
        assertThat(problems("switchboard.providers.openai.timeout-ms", "600000"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.providers.openai.timeout-ms: must be between 1 and 120000"));
    }

    @Test
    void routesInheritTheirInstancesCapabilities() {
        var config = TestConfig.load(TestConfig.seed(
                "switchboard.providers.vllm.type", "openai-compatible",
                "switchboard.providers.vllm.url", "http://vllm:8000/v1",
                "switchboard.providers.vllm.vision", "false",
                "switchboard.providers.vllm.tools", "false",
                "switchboard.providers.vllm.context-window", "32768",
                "switchboard.routes.local.provider", "vllm",
                "switchboard.routes.local.model", "llama",
                "switchboard.routes.local.input-price", "0",
                "switchboard.routes.local.output-price", "0"));
        var route = new dev.switchboard.routing.RouteTable(config).named("local").orElseThrow();

        assertThat(route.provider()).isEqualTo(new ProviderId("vllm", ProviderType.OPENAI_COMPATIBLE));
        assertThat(route.vision()).isFalse();
        assertThat(route.tools()).isFalse();
        assertThat(route.contextWindow()).isEqualTo(32_768);

        var hello = dev.switchboard.chat.ChatRequest.of(List.of(
                dev.switchboard.chat.ChatMessage.of(dev.switchboard.chat.Role.USER, "Weather in Lisbon?")));
        var weather = new dev.switchboard.chat.Tool("get_weather", "Current weather",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "object"), false, null);
        assertThat(route.cannotServe(hello)).isEmpty();
        assertThat(route.cannotServe(hello.withTools(new dev.switchboard.chat.Tools(List.of(weather), null, null))))
                .hasValueSatisfying(why -> assertThat(why).contains("does not take tools")
                        .contains("switchboard.providers.vllm.tools=false"));
    }
}
