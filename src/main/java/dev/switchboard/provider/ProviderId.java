package dev.switchboard.provider;

import java.util.Arrays;
import java.util.Optional;

/** The providers Switchboard can talk to; each name is also its REST client config key. */
public enum ProviderId {
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    ANTHROPIC("anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY"),
    GEMINI("gemini", "https://generativelanguage.googleapis.com", "GEMINI_API_KEY"),
    OPENAI_COMPATIBLE("openai-compatible", null, "OPENAI_COMPATIBLE_API_KEY");

    private final String configName;
    private final String publicUrl;
    private final String keyVariable;

    ProviderId(String configName, String publicUrl, String keyVariable) {
        this.configName = configName;
        this.publicUrl = publicUrl;
        this.keyVariable = keyVariable;
    }

    /** The name used in configuration, in {@code provider/model} references and in responses. */
    public String configName() {
        return configName;
    }

    /** The provider's public API base URL, or empty for self-hosted servers that have none. */
    public Optional<String> publicUrl() {
        return Optional.ofNullable(publicUrl);
    }

    /** The environment variable that carries this provider's API key. */
    public String keyVariable() {
        return keyVariable;
    }

    /** Whether the provider speaks the OpenAI Chat Completions format, so unknown parameters pass through. */
    public boolean speaksOpenAi() {
        return this == OPENAI || this == OPENAI_COMPATIBLE;
    }

    /**
     * Whether the provider can continue a partial answer: Anthropic takes an assistant prefill,
     * vLLM takes {@code continue_final_message}. OpenAI and Gemini have no such contract.
     */
    public boolean canContinue() {
        return this == ANTHROPIC || this == OPENAI_COMPATIBLE;
    }

    /** Whether routes on this provider continue broken streams unless configured not to (not every compatible server can). */
    public boolean continuesByDefault() {
        return this == ANTHROPIC;
    }

    public static Optional<ProviderId> fromConfigName(String name) {
        return Arrays.stream(values()).filter(p -> p.configName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return configName;
    }
}
