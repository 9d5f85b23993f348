package dev.darkroom.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {

    /** Names resolve from this table, so the test needs no DNS. */
    static final Map<String, String> DNS = Map.of(
            "public.example", "93.184.216.34",
            "metadata.example", "169.254.169.254",
            "intranet.example", "10.1.2.3",
            "loop.example", "127.0.0.1",
            "v6local.example", "fd00::1");

    final UrlGuard guard = new UrlGuard(List.of("allowed.internal"), host -> {
        if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
            return InetAddress.getAllByName(host); // a literal address needs no lookup
        }
        String ip = DNS.get(host);
        if (ip == null) {
            throw new java.net.UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    });

    @Test
    void aPublicHttpsUrlMayBeCalled() {
        assertThat(guard.check("https://public.example/a.png").getHost()).isEqualTo("public.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://metadata.example/latest/meta-data",
                "http://intranet.example/",
                "http://loop.example:8080/",
                "http://v6local.example/",
                "http://127.0.0.1/",
                "http://[::1]/",
                "http://[64:ff9b::7f00:1]/",
                "http://[64:ff9b::808:808]/",
                "http://[2002:7f00:1::]/",
                "http://[::127.0.0.1]/",
                "http://[::ffff:7f00:1]/"
            })
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String url) {
        assertThatThrownBy(() -> guard.check(url))
                .isInstanceOf(ForbiddenUrlException.class)
                .hasMessageContaining("private or local");
    }

    @Test
    void otherSchemesAndUnknownHostsAreRefused() {
        assertThatThrownBy(() -> guard.check("file:///etc/passwd")).isInstanceOf(ForbiddenUrlException.class);
        assertThatThrownBy(() -> guard.check("https://nowhere.example/")).isInstanceOf(ForbiddenUrlException.class);
    }

    @Test
    void theOperatorsAllowListWins() {
        assertThat(guard.check("http://allowed.internal:9000/x").getPort()).isEqualTo(9000);
    }
}
