package dev.switchboard.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;

/** {@code GET /v1/models}: the configured routes, in OpenAI's model-list format, with Switchboard's details beside. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    public record ModelList(String object, List<Model> data) {
    }

    public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy,
            Details switchboard) {
    }

    /** What the route is: where it goes, what it costs, whether it is simulated. */
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

    @GET
    public ModelList list() {
        return new ModelList("list", routes.all().stream().map(this::model).toList());
    }

    @GET
    @Path("/{id}")
    public Model retrieve(@PathParam("id") String id) {
        return routes.named(id).map(this::model).orElseThrow(() -> new InvalidRequestException(404, "model",
                "The model '" + id + "' is not a configured route", "model_not_found"));
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
