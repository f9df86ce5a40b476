package dev.switchboard.provider;

import java.util.Objects;

/**
 * One provider instance: a name from configuration ({@code switchboard.providers.<name>}) and the API
 * it speaks. Health, circuits, probes, metrics and the admin status are kept per instance, so two
 * OpenAI-compatible servers never share a fate. The four built-in instances are named after their
 * type and are always there (simulated until given a key or a URL); {@link ProviderInstances} holds
 * every configured one.
 *
 * @param name the name used in configuration, in {@code provider/model} references and in responses
 */
public record ProviderId(String name, ProviderType type) {

    public static final ProviderId OPENAI = new ProviderId("openai", ProviderType.OPENAI);
    public static final ProviderId ANTHROPIC = new ProviderId("anthropic", ProviderType.ANTHROPIC);
    public static final ProviderId GEMINI = new ProviderId("gemini", ProviderType.GEMINI);
    public static final ProviderId OPENAI_COMPATIBLE = new ProviderId("openai-compatible", ProviderType.OPENAI_COMPATIBLE);

    /** The four built-in instances, in the order of their types. */
    public static final java.util.List<ProviderId> BUILT_IN = java.util.List.of(OPENAI, ANTHROPIC, GEMINI, OPENAI_COMPATIBLE);

    public ProviderId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The built-in instance of this name, if there is one (the four are named after their types). */
    public static java.util.Optional<ProviderId> builtIn(String name) {
        return BUILT_IN.stream().filter(instance -> instance.name.equals(name)).findFirst();
    }

    /**
     * The type's built-in instance, or for a type without one an id named after the type: what a typed
     * client's exception mapper and fallback attribute a failure to until the call site names the
     * instance ({@link ProviderFailure#at}).
     */
    public static ProviderId ofType(ProviderType type) {
        return builtIn(type.configName()).filter(instance -> instance.type == type)
                .orElseGet(() -> new ProviderId(type.configName(), type));
    }

    /** The name used in configuration, in {@code provider/model} references and in responses. */
    public String configName() {
        return name;
    }

    /** Whether the instance speaks the OpenAI Chat Completions format, so unknown parameters pass through. */
    public boolean speaksOpenAi() {
        return type.speaksOpenAi();
    }

    @Override
    public String toString() {
        return name;
    }
}
