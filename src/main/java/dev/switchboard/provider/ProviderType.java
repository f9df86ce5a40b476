package dev.switchboard.provider;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The provider APIs Switchboard speaks. Each has one typed REST client and one adapter; any number
 * of named instances ({@code switchboard.providers.<name>.type}) share them, each with its own URL,
 * key, timeout, breaker and capabilities.
 */
public enum ProviderType {
    OPENAI("openai", "https://api.openai.com/v1", "openai", "OPENAI_API_KEY"),
    ANTHROPIC("anthropic", "https://api.anthropic.com", "anthropic", "ANTHROPIC_API_KEY"),
    GEMINI("gemini", "https://generativelanguage.googleapis.com", "gcp.gemini", "GEMINI_API_KEY"),
    OPENAI_COMPATIBLE("openai-compatible", null, "openai_compatible", "OPENAI_COMPATIBLE_API_KEY"),
    /** Azure OpenAI: each resource has its own URL, so there is no public one and no built-in instance. */
    AZURE_OPENAI("azure-openai", null, "azure.ai.openai", "AZURE_OPENAI_API_KEY"),
    /**
     * Gemini on Google Cloud: the host follows the instance's location, so there is no single public
     * URL, and calls carry an OAuth access token, not a key (see {@code provider/vertex}).
     */
    VERTEX_AI("vertex-ai", null, "gcp.vertex_ai", null);

    private final String configName;
    private final String publicUrl;
    private final String genAiName;
    private final String keyVariable;

    ProviderType(String configName, String publicUrl, String genAiName, String keyVariable) {
        this.configName = configName;
        this.publicUrl = publicUrl;
        this.genAiName = genAiName;
        this.keyVariable = keyVariable;
    }

    /** The environment variable the built-in instance of this type reads its key from; null for types without one. */
    public String keyVariable() {
        return keyVariable;
    }

    /** Whether a call needs an API key (self-hosted servers often take none; Vertex AI takes a token instead). */
    public boolean needsKey() {
        return this != OPENAI_COMPATIBLE && this != VERTEX_AI;
    }

    /** The value of {@code switchboard.providers.<name>.type}. */
    public String configName() {
        return configName;
    }

    /**
     * The public API base URL, or empty for self-hosted servers, which must name theirs, and for
     * Vertex AI, whose host follows the instance's location.
     */
    public Optional<String> publicUrl() {
        return Optional.ofNullable(publicUrl);
    }

    /** The OpenTelemetry GenAI {@code gen_ai.provider.name} (a custom one for OpenAI-compatible servers). */
    public String genAiName() {
        return genAiName;
    }

    /**
     * Whether the API is the OpenAI Chat Completions format, so unknown parameters pass through. Azure
     * OpenAI is: only its paths, its {@code api-version} query parameter and its {@code api-key} header
     * differ.
     */
    public boolean speaksOpenAi() {
        return this == OPENAI || this == OPENAI_COMPATIBLE || this == AZURE_OPENAI;
    }

    /**
     * The API version an instance asks for unless it sets {@code switchboard.providers.<name>.api-version}:
     * Anthropic's {@code anthropic-version} header, and Azure OpenAI's {@code api-version} query parameter
     * (its latest GA data-plane inference version, which every chat and embeddings deployment serves).
     * None for the APIs that carry their version in the base URL.
     */
    public Optional<String> defaultApiVersion() {
        return switch (this) {
            case ANTHROPIC -> Optional.of("2023-06-01");
            case AZURE_OPENAI -> Optional.of("2024-10-21");
            case OPENAI, GEMINI, OPENAI_COMPATIBLE, VERTEX_AI -> Optional.empty();
        };
    }

    /**
     * Whether the API can continue a partial answer: Anthropic takes an assistant prefill, vLLM takes
     * {@code continue_final_message}. OpenAI and Gemini (on Vertex AI too) have no such contract.
     */
    public boolean canContinue() {
        return this == ANTHROPIC || this == OPENAI_COMPATIBLE;
    }

    /**
     * Whether the API has embeddings. Anthropic's has none; Vertex AI's are a different API
     * ({@code :predict}), which Switchboard does not speak yet.
     */
    public boolean hasEmbeddings() {
        return this != ANTHROPIC && this != VERTEX_AI;
    }

    public static Optional<ProviderType> fromConfigName(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst();
    }

    /** The accepted type names, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(ProviderType::configName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configName;
    }
}
