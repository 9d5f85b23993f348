package dev.darkroom.falclient.platform;

import dev.darkroom.falclient.http.FalCall;
import dev.darkroom.falclient.http.FalHttp;
import dev.darkroom.falclient.http.Json;
import dev.darkroom.falclient.http.RetryPolicy;
import dev.darkroom.falclient.http.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET {api}/v1/models/pricing?endpoint_id=a,b}: fal's prices for up to 50 endpoints per call, asked in
 * batches. Thread-safe.
 */
public final class FalPricing {

    private static final int BATCH = 50;

    private final FalHttp http;
    private final URI apiBase;

    public FalPricing(FalHttp http, URI apiBase) {
        this.http = http;
        this.apiBase = apiBase;
    }

    /** The prices fal knows of these endpoints; an endpoint fal does not price is left out. */
    public List<FalPrice> prices(List<String> endpointIds) {
        List<FalPrice> prices = new ArrayList<>();
        for (int from = 0; from < endpointIds.size(); from += BATCH) {
            List<String> batch = endpointIds.subList(from, Math.min(endpointIds.size(), from + BATCH));
            URI uri = URI.create(Urls.withQuery(
                    Urls.join(apiBase, "v1/models/pricing").toString(), "endpoint_id", String.join(",", batch)));
            JsonNode body =
                    http.execute(FalCall.get(uri, RetryPolicy.IDEMPOTENT)).json();
            for (JsonNode price : body.path("prices")) {
                prices.add(new FalPrice(
                        Json.text(price, "endpoint_id"),
                        price.path("unit_price").isNumber()
                                ? price.get("unit_price").decimalValue()
                                : null,
                        Json.text(price, "unit"),
                        Json.text(price, "currency")));
            }
        }
        return prices;
    }
}
