package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.config.ConfigCheck;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.TestConfig;

/** A balanced route's configuration: its deployments as routes of their own, and the errors that name the key. */
class DeploymentsConfigTest {

    private static final String[] TWO_KEYS = {
            "switchboard.providers.openai-b.type", "openai",
            "switchboard.providers.openai-b.api-key", "sk-b",
            "switchboard.routes.spread.model", "gpt-4o",
            "switchboard.routes.spread.input-price", "2.50",
            "switchboard.routes.spread.output-price", "10",
            "switchboard.routes.spread.deployments.a.provider", "openai",
            "switchboard.routes.spread.deployments.a.weight", "3",
            "switchboard.routes.spread.deployments.b.provider", "openai-b",
            "switchboard.routes.spread.deployments.b.model", "gpt-4o-2024-08-06" };

    private static String[] with(String... more) {
        String[] all = new String[TWO_KEYS.length + more.length];
        System.arraycopy(TWO_KEYS, 0, all, 0, TWO_KEYS.length);
        System.arraycopy(more, 0, all, TWO_KEYS.length, more.length);
        return all;
    }

    private static List<String> problems(String... properties) {
        return ConfigCheck.problems(TestConfig.load(TestConfig.seed(properties)));
    }

    @Test
    void eachDeploymentIsARouteOfItsOwnPricedAsTheRoute() {
        RouteTable table = new RouteTable(TestConfig.load(TestConfig.seed(TWO_KEYS)));
        Route spread = table.named("spread").orElseThrow();

        assertThat(table.deployments(spread)).extracting(d -> d.route().name(), Deployment::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spread@a", 3),
                        org.assertj.core.groups.Tuple.tuple("spread@b", 1));
        Route b = table.deployments(spread).get(1).route();
        assertThat(b.provider().name()).isEqualTo("openai-b");
        assertThat(b.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(b.inputPrice()).isEqualByComparingTo("2.50");
        assertThat(b.configuredName()).isEqualTo("spread");
        assertThat(table.deployments(spread).get(0).route().provider()).isEqualTo(ProviderId.OPENAI);
        assertThat(table.callable()).extracting(Route::name).contains("spread@a", "spread@b").doesNotContain("spread");
        assertThat(problems(TWO_KEYS)).isEmpty();
    }

    @Test
    void aRouteNamesEitherAProviderOrDeployments() {
        assertThat(problems(with("switchboard.routes.spread.provider", "openai")))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.spread.provider: a route names either"));
        assertThat(problems("switchboard.routes.lonely.model", "m"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.lonely.provider: required"));
    }

    @Test
    void aDeploymentOnAnUnknownInstanceNamesTheKey() {
        assertThat(problems(with("switchboard.routes.spread.deployments.c.provider", "nowhere")))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.spread.deployments.c.provider: unknown provider 'nowhere'"));
    }

    @Test
    void aWeightBelowOneNamesTheKey() {
        assertThat(problems(with("switchboard.routes.spread.deployments.b.weight", "0")))
                .anySatisfy(p -> assertThat(p).isEqualTo("switchboard.routes.spread.deployments.b.weight: must be at least 1, was 0"));
    }

    @Test
    void aRouteNameMayNotHoldTheDeploymentSeparator() {
        assertThat(problems("switchboard.routes.a@b.provider", "openai", "switchboard.routes.a@b.model", "gpt-4o"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.a@b: a route name may not contain '@'"));
    }
}
