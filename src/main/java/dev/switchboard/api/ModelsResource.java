package dev.switchboard.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.routing.AutoRouting;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code GET /v1/models}: the configured routes, in OpenAI's model-list format, with Switchboard's details beside. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    @RegisterForReflection
    public record ModelList(String object, List<Model> data) {
    }

    @RegisterForReflection
    public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy,
            Details switchboard) {
    }

    /** What the route is: where it goes, what it costs, whether it is simulated. */
    @RegisterForReflection
    public record Details(String provider, @JsonProperty("upstream_model") String upstreamModel, boolean simulated,
            String tier, @JsonProperty("context_window") int contextWindow,
            @JsonProperty("input_price_per_million") BigDecimal inputPrice,
            @JsonProperty("output_price_per_million") BigDecimal outputPrice) {
    }

    private final RouteTable routes;
    private final ProviderEndpoints endpoints;
    private final long created = Instant.now().getEpochSecond();

    public ModelsResource(RouteTable routes, ProviderEndpoints endpoints) {
        this.routes = routes;
        this.endpoints = endpoints;
    }

    /** Every configured route, then {@code auto} when some route has a tier for it to choose. */
    @GET
    public ModelList list() {
        List<Model> models = new ArrayList<>(routes.all().stream().map(this::model).toList());
        auto().ifPresent(models::add);
        return new ModelList("list", models);
    }

    @GET
    @Path("/{id}")
    public Model retrieve(@PathParam("id") String id) {
        Optional<Model> model = AutoRouting.AUTO.equals(id) ? auto() : routes.named(id).map(this::model);
        return model.orElseThrow(() -> new InvalidRequestException(404, "model",
                "The model '" + id + "' is not a configured route", "model_not_found"));
    }

    /** {@code auto}: Switchboard picks the cheapest capable route; it has no provider or price of its own. */
    private Optional<Model> auto() {
        boolean tiered = routes.all().stream().anyMatch(route -> route.tier().isPresent());
        return tiered ? Optional.of(new Model(AutoRouting.AUTO, "model", created, "switchboard", null)) : Optional.empty();
    }

    private Model model(Route route) {
        boolean simulated = endpoints.simulated(route.provider());
        return new Model(route.name(), "model", created,
                simulated ? "switchboard-simulated:" + route.provider() : route.provider().configName(),
                new Details(route.provider().configName(), route.model(), simulated,
                        route.tier().map(t -> t.wireName()).orElse(null), route.contextWindow(), route.inputPrice(),
                        route.outputPrice()));
    }
}
