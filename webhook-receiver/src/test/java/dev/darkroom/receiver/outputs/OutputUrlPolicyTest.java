package dev.darkroom.receiver.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputUrlPolicyTest {

    /** Name resolution as the test says, so no test depends on real DNS. */
    private static final Map<String, String> DNS = Map.of(
            "v3.fal.media", "34.120.1.2",
            "poisoned.fal.media", "10.0.0.7",
            "evil.example.com", "93.184.216.34");

    private final OutputUrlPolicy policy = new OutputUrlPolicy(
            List.of("v3.fal.media", "poisoned.fal.media"),
            List.of("127.0.0.1", "Sim.Local"),
            OutputUrlPolicyTest::resolve);

    @Test
    void falsCdnIsFetchedWhenItResolvesToAPublicAddress() {
        assertThat(policy.check("https://v3.fal.media/files/koala/a.png"))
                .isEqualTo(URI.create("https://v3.fal.media/files/koala/a.png"));
    }

    @Test
    void anAllowListedHostIsFetchedEvenOnLoopback() {
        assertThat(policy.check("http://127.0.0.1:41234/cdn/files/a.png")).hasHost("127.0.0.1");
        assertThat(policy.check("http://sim.local/cdn/a.png")).hasHost("sim.local");
    }

    @Test
    void anyOtherHostIsRefusedWithoutBeingResolved() {
        assertRefused(
                "https://evil.example.com/a.png",
                "refusing to download an output from evil.example.com: not a fal"
                        + " CDN host or an allowed output host");
        assertRefused(
                "http://169.254.169.254/latest/meta-data/",
                "refusing to download an output from 169.254.169.254:"
                        + " not a fal CDN host or an allowed output host");
    }

    @Test
    void aCdnHostThatResolvesIntoThePrivateNetworkIsRefused() {
        assertRefused(
                "https://poisoned.fal.media/a.png",
                "refusing to download an output from poisoned.fal.media: the host resolves to a private or local address");
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertRefused(
                "file://v3.fal.media/etc/passwd",
                "refusing to download an output from v3.fal.media: only http and https URLs are allowed");
    }

    private void assertRefused(String url, String message) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOf(OutputRejectedException.class)
                .hasMessage(message)
                .extracting(e -> ((OutputRejectedException) e).code())
                .isEqualTo("output_download_failed");
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }
}
