package dev.switchboard.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.switchboard.cost.SavingsReport;
import dev.switchboard.cost.SpendLedger;
import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code GET /admin/savings}: actual spend against always using the strongest route, from real usage,
 * in total and per tier. Guarded by the admin key when one is set.
 */
@Path("/admin/savings")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSavingsResource {

    private final SpendLedger ledger;

    public AdminSavingsResource(SpendLedger ledger) {
        this.ledger = ledger;
    }

    /** Arithmetic on in-memory totals only, so it answers on the event loop. */
    @GET
    @NonBlocking
    public SavingsReport savings() {
        return ledger.savings();
    }
}
