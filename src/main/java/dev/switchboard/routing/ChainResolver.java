package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderId;

/**
 * Turns a request's {@code model} and optional {@code fallbacks} into the ordered chain of routes
 * to try. A reference is a route name or {@code provider/upstream-model} on a configured provider;
 * never a URL, so a caller cannot make the gateway call an address of its choosing.
 */
@ApplicationScoped
public class ChainResolver {

    static final int MAX_FALLBACKS = 10;

    private final RouteTable routes;
    private final SwitchboardConfig config;
    private final ProviderInstances instances;

    public ChainResolver(RouteTable routes, SwitchboardConfig config, ProviderInstances instances) {
        this.instances = instances;
        this.routes = routes;
        this.config = config;
    }

    /**
     * The named route first; then the request's fallbacks if it sent some, else the route's own
     * configured fallbacks, else the default chain in its configured order.
     */
    public List<Route> resolve(String model, List<String> fallbacks) {
        if (model == null || model.isBlank()) {
            throw new InvalidRequestException("model", "model is required: a route name or provider/model");
        }
        Route first = reference(model, "model", 404, "model_not_found");
        List<Route> rest = new ArrayList<>();
        if (fallbacks != null) {
            if (fallbacks.size() > MAX_FALLBACKS) {
                throw new InvalidRequestException("fallbacks", "fallbacks may name at most " + MAX_FALLBACKS + " routes");
            }
            for (int i = 0; i < fallbacks.size(); i++) {
                rest.add(reference(fallbacks.get(i), "fallbacks[" + i + "]", 400, "invalid_fallback"));
            }
        } else if (first.fallbacks().isPresent()) {
            first.fallbacks().get().forEach(name -> rest.add(routes.named(name).orElseThrow()));
        } else {
            rest.addAll(routes.defaultChain());
        }
        Map<String, Route> chain = new LinkedHashMap<>();
        chain.put(first.name(), first);
        rest.forEach(route -> chain.putIfAbsent(route.name(), route));
        return List.copyOf(chain.values());
    }

    private Route reference(String ref, String param, int status, String code) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidRequestException(status, param, param + " must not be empty", code);
        }
        var named = routes.named(ref);
        if (named.isPresent()) {
            return named.get();
        }
        if (ref.contains("://") || ref.startsWith("//")) {
            throw new InvalidRequestException(400, param, param + ": URLs are not allowed; name a route or provider/model", code);
        }
        int slash = ref.indexOf('/');
        if (slash < 0) {
            throw new InvalidRequestException(status, param, param + " '" + ref + "' is not a configured route. Use one of "
                    + String.join(", ", routes.all().stream().map(Route::name).toList())
                    + ", or provider/model with a provider among " + enabledProviders(), code);
        }
        String providerName = ref.substring(0, slash);
        String upstreamModel = ref.substring(slash + 1);
        ProviderId provider = instances.named(providerName)
                .orElseThrow(() -> new InvalidRequestException(status, param, param + ": unknown provider '" + providerName
                        + "' in '" + ref + "'; configured providers: " + enabledProviders(), code));
        if (upstreamModel.isBlank()) {
            throw new InvalidRequestException(status, param, param + ": '" + ref + "' names no model after the provider", code);
        }
        SwitchboardConfig.Provider capabilities = instances.settings(provider);
        return Route.adHoc(provider, upstreamModel, capabilities.vision(), capabilities.tools());
    }

    private String enabledProviders() {
        return instances.names();
    }
}
