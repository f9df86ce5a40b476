package dev.switchboard.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.vertex.VertexAiSettings;

/**
 * The provider instances the configuration names ({@code switchboard.providers.<name>}), the four
 * built-in ones always among them. An instance whose type is missing or unknown is left out here and
 * reported by {@link #problems} (start-up refuses it, naming the key).
 */
@ApplicationScoped
public class ProviderInstances {

    private final SwitchboardConfig config;
    private final Map<String, ProviderId> instances = new LinkedHashMap<>();

    @Inject
    public ProviderInstances(SwitchboardConfig config) {
        this.config = config;
        for (ProviderId builtIn : ProviderId.BUILT_IN) {
            instances.put(builtIn.name(), builtIn);
        }
        config.providers().keySet().stream().sorted().forEach(name ->
                typeOf(name, config.providers().get(name)).ifPresent(type -> instances.put(name,
                        ProviderId.builtIn(name).orElseGet(() -> new ProviderId(name, type)))));
    }

    /** The instances of a configuration, for checks that run before beans exist. */
    public static ProviderInstances of(SwitchboardConfig config) {
        return new ProviderInstances(config);
    }

    private static Optional<ProviderType> typeOf(String name, SwitchboardConfig.Provider settings) {
        Optional<ProviderId> builtIn = ProviderId.builtIn(name);
        if (settings.type().isEmpty()) {
            // An instance named after a type is of that type.
            return builtIn.map(ProviderId::type).or(() -> ProviderType.fromConfigName(name));
        }
        Optional<ProviderType> type = ProviderType.fromConfigName(settings.type().get());
        // A built-in name keeps its own type: "openai" is always the OpenAI API.
        return builtIn.isPresent() && !builtIn.map(ProviderId::type).equals(type) ? Optional.empty() : type;
    }

    /** What is wrong with the instances' configuration, each naming the key to fix. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        config.providers().keySet().stream().sorted().forEach(name -> {
            String key = "switchboard.providers." + name;
            SwitchboardConfig.Provider settings = config.providers().get(name);
            Optional<ProviderId> builtIn = ProviderId.builtIn(name);
            if (settings.type().isEmpty() && builtIn.isEmpty() && ProviderType.fromConfigName(name).isEmpty()) {
                problems.add(key + ".type: missing; the API the instance speaks, one of " + ProviderType.names());
                return;
            }
            if (settings.type().isPresent() && ProviderType.fromConfigName(settings.type().get()).isEmpty()) {
                problems.add(key + ".type: unknown type '" + settings.type().get() + "' (known: " + ProviderType.names() + ")");
                return;
            }
            if (!instances.containsKey(name) || builtIn.isPresent() && settings.type().isPresent()
                    && !builtIn.get().type().configName().equals(settings.type().get())) {
                problems.add(key + ".type: '" + name + "' is the built-in " + name + " instance; it cannot be of type "
                        + settings.type().get() + " (name the instance differently)");
                return;
            }
            ProviderType type = instances.get(name).type();
            if (name.isBlank() || name.contains("/") || name.contains(":")) {
                problems.add(key + ": an instance name must be non-empty and without '/' or ':'");
            }
            if (settings.timeoutMs() <= 0 || settings.timeoutMs() > ProviderPolicy.BACKSTOP_TIMEOUT_MS) {
                problems.add(key + ".timeout-ms: must be between 1 and " + ProviderPolicy.BACKSTOP_TIMEOUT_MS
                        + " (the API's backstop timeout), was " + settings.timeoutMs());
            }
            if (!settings.enabled() || settings.simulated() || builtIn.isPresent()) {
                return;
            }
            if (type == ProviderType.VERTEX_AI) {
                // Its URL follows its location; its credentials are a token source, not a key.
                problems.addAll(VertexAiSettings.problems(key, settings));
            } else if (settings.url().isEmpty() && type.publicUrl().isEmpty()) {
                problems.add(key + ".url: missing; a " + type + " instance has no public URL to default to");
            }
            settings.apiKeyEnv().ifPresent(variable -> {
                if (ProviderEndpoints.variable(variable).isEmpty()) {
                    problems.add(key + ".api-key-env: the environment variable " + variable + " is not set");
                }
            });
            if (type.needsKey() && settings.apiKey().isEmpty() && settings.apiKeyEnv().isEmpty()) {
                problems.add(key + ".api-key-env: missing; a " + type + " instance needs a key (or set "
                        + key + ".simulated=true)");
            }
            settings.continuation().filter(continues -> continues && !type.canContinue()).ifPresent(continues ->
                    problems.add(key + ".continuation: a " + type + " server cannot continue a partial answer"));
        });
        return problems;
    }

    /** The instance with this name, if it is configured and enabled. */
    public Optional<ProviderId> named(String name) {
        return Optional.ofNullable(instances.get(name)).filter(this::enabled);
    }

    /** Every instance, disabled ones included. */
    public Collection<ProviderId> all() {
        return instances.values();
    }

    /** The instances that take requests. */
    public List<ProviderId> enabled() {
        return instances.values().stream().filter(this::enabled).toList();
    }

    public boolean enabled(ProviderId instance) {
        return settings(instance).enabled();
    }

    public SwitchboardConfig.Provider settings(ProviderId instance) {
        return config.providers().get(instance.name());
    }

    /** Whether routes on this instance may finish a broken stream by continuing it. */
    public boolean canContinue(ProviderId instance) {
        return instance.type().canContinue() && settings(instance).continuation().orElse(true);
    }

    /** Whether routes on this instance continue broken streams unless they say otherwise. */
    public boolean continuesByDefault(ProviderId instance) {
        return settings(instance).continuation().orElse(instance.type() == ProviderType.ANTHROPIC);
    }

    /** The enabled instance names, for messages. */
    public String names() {
        return String.join(", ", enabled().stream().map(ProviderId::name).toList());
    }
}
